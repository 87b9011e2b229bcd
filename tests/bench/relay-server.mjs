// The physical baseline of bench:board: a bare socket.io relay with the same events and
// the same fan-out as the app (ack the sender, broadcast to the room), but no session,
// no validation, no database. Started by board.mjs as its own process.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 4501);
const http = createServer();
const io = new Server(http, { serveClient: false });
let seq = 0;

io.on('connection', (socket) => {
	socket.on('board:join', ({ boardId }, ack) => {
		socket.join(`board:${boardId}`);
		ack({
			ok: true,
			role: 'participant',
			serverTime: Date.now(),
			catchUp: { kind: 'ops', ops: [] }
		});
	});
	socket.on('board:op', ({ boardId, opId, op }, ack) => {
		const sequenced = { seq: ++seq, opId, actorId: null, at: Date.now(), op };
		ack({ ok: true, op: sequenced });
		socket.to(`board:${boardId}`).emit('board:ops', { boardId, ops: [sequenced] });
	});
});

http.listen(port, '127.0.0.1', () => console.log(`relay listening on ${port}`));
process.on('SIGTERM', () => io.close(() => process.exit(0)));
