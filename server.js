// Production entry: one HTTP server for the SvelteKit handler and socket.io.
import { createServer } from 'node:http';

// Uploads (cover images, evidence) are checked by the app itself; let them reach it.
process.env.BODY_SIZE_LIMIT ??= '30M';
const { handler } = await import('./build/handler.js');

/** @type {import('./src/lib/server/realtime/attach').RealtimeHooks} */
const hooks = globalThis[Symbol.for('talkoot.realtime')];

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

const server = createServer(handler);
const io = await hooks.attachRealtime(server);

server.listen(port, host, () => {
	const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	console.log(`Talkoot is running at ${process.env.ORIGIN ?? `http://${shown}:${port}`}`);
});

let closing = false;
async function shutdown(signal) {
	if (closing) return;
	closing = true;
	console.log(`${signal}: closing`);
	io.close();
	server.close();
	await hooks.closeDatabase().catch(() => {});
	process.exit(0);
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
