import { readFileSync } from 'node:fs';

/**
 * The flags `npm start` gives node (package.json's start script), so that a benchmark's
 * server runs as the product does: `--max-semi-space-size=64`, a young generation of two
 * 64 MB semi-spaces where V8's default grows to two of 16 MB. A server rendering pages
 * makes short-lived garbage at a high rate; collecting it was ~9 % of its time (issue 16:
 * bench:http's signed-in challenge page, flag and none in turn four times, 245–328 →
 * 281–346 req/s).
 * @type {string[]}
 */
export const SERVER_NODE_FLAGS = JSON.parse(
	readFileSync(new URL('../../package.json', import.meta.url), 'utf8')
)
	.scripts.start.split(/\s+/)
	.filter((/** @type {string} */ arg) => arg.startsWith('--'));
