// The JavaScript a visitor's browser fetches for a page, gzipped: the scripts named in
// the HTML and in the Link header (SvelteKit sends its modulepreloads there), and every
// module they import statically, followed to the end. Dynamic imports (other routes,
// lazily loaded panels) are not counted. Used by http.mjs; on its own it prints the
// files, biggest first, of a page of a running server:
//   node tests/bench/page-js.mjs http://127.0.0.1:4301/challenges/some-slug [cookie]
import { gzipSync } from 'node:zlib';

/**
 * @param {string} pageUrl the page's full address
 * @param {string} [cookie] a Cookie header, for a signed-in reader's page
 * @returns {Promise<{ bytes: number, files: { url: string, bytes: number }[] }>} gzip bytes
 */
export async function pageJavaScript(pageUrl, cookie) {
	/** @type {Record<string, string>} */
	const headers = cookie ? { cookie } : {};
	const res = await fetch(pageUrl, { headers });
	const html = await res.text();
	const found = [
		...html.matchAll(/(?:href|src)="([^"]+\.js)"/g),
		...html.matchAll(/import\("([^"]+\.js)"\)/g),
		...(res.headers.get('link') ?? '').matchAll(/<([^>]+\.js)>/g)
	].map((m) => new URL(m[1], pageUrl).href);
	const files = new Map();
	while (found.length) {
		const url = /** @type {string} */ (found.pop());
		if (files.has(url)) continue;
		const code = Buffer.from(await (await fetch(url)).arrayBuffer());
		files.set(url, gzipSync(code).length);
		for (const m of code.toString().matchAll(/\b(?:import|from)\s*["']([^"']+\.js)["']/g))
			found.push(new URL(m[1], url).href);
	}
	const list = [...files].map(([url, bytes]) => ({ url, bytes })).sort((a, b) => b.bytes - a.bytes);
	return { bytes: list.reduce((sum, f) => sum + f.bytes, 0), files: list };
}

/** @param {number} bytes */
export const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

if (import.meta.main) {
	const [url, cookie] = process.argv.slice(2);
	if (!url) throw new Error('usage: node tests/bench/page-js.mjs <page url> [cookie]');
	const js = await pageJavaScript(url, cookie);
	for (const f of js.files) console.log(`${kB(f.bytes).padStart(9)}  ${new URL(f.url).pathname}`);
	console.log(`${kB(js.bytes).padStart(9)}  total gzip, ${js.files.length} files`);
}
