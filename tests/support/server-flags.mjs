import { readFileSync } from 'node:fs';

/**
 * The flags `npm start` gives node (package.json's start script), so that a benchmark's
 * server runs as the product does: `--max-semi-space-size=64`, a young generation of 64 MB
 * per semi-space. A server rendering pages makes short-lived garbage at a high rate; with
 * V8's default every few hundred pages are a scavenge (issue 16: bench:http's signed-in
 * challenge page, base and flag in turn four times, 245–328 → 281–346 req/s).
 */
export const SERVER_NODE_FLAGS = JSON.parse(
	readFileSync(new URL('../../package.json', import.meta.url), 'utf8')
)
	.scripts.start.split(/\s+/)
	.filter((arg) => arg.startsWith('--'));
