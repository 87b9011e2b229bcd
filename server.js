// Production entry: one HTTP server for the SvelteKit handler and socket.io.
import { createServer } from 'node:http';

// The largest upload route's limit; every other route refuses more than 1 MB before
// reading it (src/lib/server/http/limits.ts, applied in hooks.server.ts).
process.env.BODY_SIZE_LIMIT ??= '11M';
// Without ORIGIN adapter-node takes every request for https and refuses the quick start's
// form posts (http://localhost) as cross-site. Where the app allows ORIGIN's default
// (all but production with DATABASE_URL: src/lib/server/config.ts), the adapter gets
// the same default: http://localhost:$PORT.
const port = Number(process.env.PORT ?? 3000);
const originDefaulted =
	!process.env.ORIGIN && !(process.env.NODE_ENV === 'production' && process.env.DATABASE_URL);
if (originDefaulted) process.env.ORIGIN = `http://localhost:${port}`;
let handler;
try {
	({ handler } = await import('./build/handler.js'));
} catch (e) {
	// A configuration refusal names the variable and an example; no stack trace needed.
	if (e?.name !== 'ConfigError') throw e;
	console.error(`Talkoot cannot start: ${e.message}`);
	process.exit(1);
}

/** @type {import('./src/lib/server/realtime/attach').RealtimeHooks} */
const hooks = globalThis[Symbol.for('talkoot.realtime')];

const host = process.env.HOST ?? '0.0.0.0';

const server = createServer(handler);

// A refusal sent before the request was read (a 413 by length, src/lib/server/http/limits.ts)
// closes the connection while the client may still be sending. Closing at once makes the
// kernel answer the unread bytes with a reset, and the client often loses the refusal with
// them. So the close is lingering (RFC 9112, 9.6): send the answer and our FIN, then read and
// discard what still arrives until the client closes its side or LINGER_MS have passed.
const LINGER_MS = 3000;
server.on('connection', (socket) => {
	socket.destroySoon = function lingeringClose() {
		if (this.writable) this.end();
		const close = () => this.destroy();
		setTimeout(close, LINGER_MS).unref();
		this.once('end', close);
		// The HTTP parser stops here: what still arrives is the refused body.
		this.removeAllListeners('data');
		this.on('data', () => {});
		this.resume();
	};
});
const io = await hooks.attachRealtime(server);

server.listen(port, host, () => {
	const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	const actual = server.address().port;
	const at = process.env.ORIGIN ? ` (listening on port ${actual})` : '';
	hooks.print(`Talkoot is running at ${process.env.ORIGIN ?? `http://${shown}:${actual}`}${at}`);
	if (originDefaulted)
		hooks.print(
			`ORIGIN is not set: links in mail point to http://localhost:${port}. ` +
				'Set ORIGIN (e.g. ORIGIN=https://talkoot.example.fi) for anything but a try-out.'
		);
});

let closing = false;
async function shutdown(signal) {
	if (closing) return;
	closing = true;
	hooks.print(`${signal}: closing`);
	io.close();
	server.close();
	await hooks.closeDatabase().catch(() => {});
	process.exit(0);
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
