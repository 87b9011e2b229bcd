import type { StoredFile } from './types';

const CACHE = {
	// Keys are never reused, so a public file never changes, but it may go: a replaced or
	// removed cover is deleted at once and answers 404, and caches may show it at most
	// five minutes longer (not a year).
	public: 'public, max-age=300',
	private: 'private, no-store'
};

/**
 * A stored file as a response: the type detected from its bytes, sandboxed so that it can run
 * nothing. `disposition` 'inline' shows it in the browser, 'attachment; …' downloads it.
 */
export function fileResponse(
	file: StoredFile,
	bucket: 'public' | 'private',
	disposition?: string
): Response {
	return new Response(file.bytes as BodyInit, {
		headers: {
			'Content-Type': file.mime,
			'Content-Length': String(file.bytes.byteLength),
			...(disposition ? { 'Content-Disposition': disposition } : {}),
			'Cache-Control': CACHE[bucket],
			'Content-Security-Policy': "default-src 'none'; sandbox",
			'X-Content-Type-Options': 'nosniff'
		}
	});
}
