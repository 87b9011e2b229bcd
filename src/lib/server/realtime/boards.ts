import type { HeldOp, Viewer } from '$lib/domain/board-gate';
import { ASK, ROOMS, TELL } from '$lib/realtime/protocol';
import { boardAccess, catchUp, storeOp, type BoardAccess } from '../workshops/board-ops';
import { refused, type Connection } from './listen';
import { TokenBucket } from './rate-limit';
import { audiences, tell, type IoServer } from './say';

/** Who is on a board now, across every app instance (the adapter asks the others). */
async function tellPresence(io: IoServer, boardId: string) {
	const sockets = await io.in(ROOMS.board(boardId)).fetchSockets();
	const people = new Map<string, string>();
	for (const { data } of sockets)
		people.set(data.user.id, data.user.displayName || data.user.email.split('@')[0]);
	tell(io, audiences.boards([boardId]), TELL.presence, {
		boardId,
		people: [...people].map(([id, name]) => ({ id, name }))
	});
}

/**
 * The board events of one connection. Every payload is validated (the protocol's
 * schemas, in `on`) and every event checked against the caller's rights; refusals are
 * answers, never thrown errors; the caller's answers and what the rooms are told pass
 * the gate for whoever receives them.
 */
export function handleBoards(c: Connection) {
	const { io, socket, user } = c;
	const joined = new Map<string, BoardAccess>();
	const bucket = new TokenBucket(40, 20);
	// The caller as the board sees them: their role there, once joined.
	const viewer = ({ boardId }: { boardId: string }): Viewer => ({
		id: user.id,
		role: joined.get(boardId)?.role ?? 'observer'
	});

	c.on(ASK.join, { bucket, viewer }, async ({ boardId, lastSeq }) => {
		if (!(await c.sessionAlive())) return refused('session_ended');
		const db = await c.db();
		const access = await boardAccess(db, user, boardId);
		if (!access) return refused('not_found');
		// In the rooms before reading what was missed: an op stored in between arrives both
		// ways (the replica ignores the repeat) rather than neither.
		joined.set(boardId, access);
		socket.join([
			ROOMS.board(boardId),
			access.role === 'facilitator' ? ROOMS.boardFull(boardId) : ROOMS.boardPart(boardId)
		]);
		const missed = await catchUp(db, user, access, lastSeq);
		if (!missed) return refused('not_found');
		return {
			answer: { ok: true, role: access.role, serverTime: Date.now(), catchUp: missed },
			after: () => tellPresence(io, boardId)
		};
	});

	c.on(ASK.leave, { bucket }, async ({ boardId }) => {
		joined.delete(boardId);
		for (const room of [ROOMS.board, ROOMS.boardFull, ROOMS.boardPart]) socket.leave(room(boardId));
		return { answer: { ok: true }, after: () => tellPresence(io, boardId) };
	});

	c.on(ASK.op, { bucket, viewer }, async ({ boardId, opId, op }) => {
		if (!joined.has(boardId)) return refused('not_joined');
		// The session is checked again in the transaction that stores the op.
		const result = await storeOp(await c.db(), user, boardId, opId, op, socket.data.sessionId);
		if (!result) {
			joined.delete(boardId);
			return refused('not_found');
		}
		if (!result.ok) return refused(result.code);
		const answer = { ok: true as const, op: result.op };
		if (result.repeated) return answer;
		return { answer, after: () => broadcast(io, socket.id, boardId, result.op) };
	});

	socket.on('disconnect', () => {
		for (const boardId of joined.keys()) tellPresence(io, boardId).catch(() => {});
	});
}

/** Tells everyone else on the board about a new op, each room through its own gate. */
function broadcast(io: IoServer, socketId: string, boardId: string, held: HeldOp) {
	const message = { boardId, ops: [held] };
	tell(io, audiences.facilitators(boardId, [socketId]), TELL.ops, message);
	tell(io, audiences.participants(boardId, [socketId]), TELL.ops, message);
	// Names or others' dots are hidden or shown from now on: participants fetch the board
	// anew, as they may now see it (hiding must also take away what their copy holds).
	const type = held.op.op?.type;
	if (type === 'board.anonymous' || type === 'votes.reveal' || type === 'board.private')
		tell(io, audiences.participants(boardId), TELL.refresh, { boardId });
}
