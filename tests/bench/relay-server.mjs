// The physical baseline of bench:board: a bare socket.io relay with the same events and
// the same fan-out as the app (ack the sender, broadcast to the room), but no session,
// no validation, no database. Started by board.mjs as its own process, which passes the
// event names of src/lib/realtime/protocol.ts in RELAY_EVENTS (JSON: join, op, ops).
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 4501);
const http = createServer();
const io = new Server(http, { serveClient: false });
let seq = 0;
const EVENTS = JSON.parse(process.env.RELAY_EVENTS ?? 'null');
if (!EVENTS?.join || !EVENTS?.op || !EVENTS?.ops) {
	console.error('relay-server: RELAY_EVENTS (from protocol.ts) is required; board.mjs sets it');
	process.exit(2);
}

io.on('connection', (socket) => {
	socket.on(EVENTS.join, ({ boardId }, ack) => {
		socket.join(boardId);
		ack({
			ok: true,
			role: 'participant',
			serverTime: Date.now(),
			catchUp: { kind: 'ops', ops: [] }
		});
	});
	socket.on(EVENTS.op, ({ boardId, opId, op }, ack) => {
		const sequenced = { seq: ++seq, opId, actorId: null, at: Date.now(), op };
		ack({ ok: true, op: sequenced });
		socket.to(boardId).emit(EVENTS.ops, { boardId, ops: [sequenced] });
	});
});

http.listen(port, '127.0.0.1', () => console.log(`relay listening on ${port}`));
process.on('SIGTERM', () => io.close(() => process.exit(0)));
