import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import { opSchema, redactOp, type SequencedOp } from '$lib/domain/board';
import type { Database } from '../db';
import type { SessionUser } from '../auth/sessions';
import { boardAccess, catchUp, storeOp, type BoardAccess } from '../workshops/board-ops';
import { log } from '../log';
import { TokenBucket } from './rate-limit';
import { endSocket, type SessionCheck } from './sessions';

const joinSchema = z.object({ boardId: z.uuid(), lastSeq: z.number().int().min(0) }).strict();
const leaveSchema = z.object({ boardId: z.uuid() }).strict();
const opMessage = z.object({ boardId: z.uuid(), opId: z.uuid(), op: opSchema }).strict();

type Ack = (reply: Record<string, unknown>) => void;

// Everyone on a board, those who see everything (the facilitator), and the rest.
const rooms = (boardId: string) => ({
	all: `board:${boardId}`,
	full: `board:${boardId}:full`,
	part: `board:${boardId}:part`
});

/** Who is on a board now, across every app instance (the adapter asks the others). */
async function emitPresence(io: Server, boardId: string) {
	const sockets = await io.in(rooms(boardId).all).fetchSockets();
	const people = new Map<string, string>();
	for (const s of sockets) {
		const u = s.data.user as SessionUser;
		people.set(u.id, u.displayName || u.email.split('@')[0]);
	}
	io.to(rooms(boardId).all).emit('board:presence', {
		boardId,
		people: [...people].map(([id, name]) => ({ id, name }))
	});
}

/**
 * The board events of one connection. Every payload is validated (zod) and every event
 * checked against the caller's rights; refusals are answers, never thrown errors.
 */
export function handleBoards(
	io: Server,
	socket: Socket,
	db: () => Promise<Database>,
	checkSession: SessionCheck
) {
	const user = socket.data.user as SessionUser;
	const sessionId = socket.data.sessionId as string;
	const joined = new Map<string, BoardAccess>();
	const bucket = new TokenBucket(40, 20);

	/** Wraps a handler: needs an ack, takes a token, parses, and turns failures into answers. */
	function on<S extends z.ZodType>(
		event: string,
		schema: S,
		handler: (data: z.output<S>, ack: Ack) => Promise<void>
	) {
		socket.on(event, async (payload: unknown, ack: unknown) => {
			const reply: Ack = typeof ack === 'function' ? (ack as Ack) : () => {};
			if (!bucket.take()) {
				socket.emit('board:error', { error: 'rate_limited' });
				return reply({ ok: false, error: 'rate_limited' });
			}
			const parsed = schema.safeParse(payload);
			if (!parsed.success) return reply({ ok: false, error: 'invalid_payload' });
			try {
				await handler(parsed.data, reply);
			} catch (err) {
				log.error({ err, event }, 'board event failed');
				reply({ ok: false, error: 'unavailable' });
			}
		});
	}

	on('board:join', joinSchema, async ({ boardId, lastSeq }, ack) => {
		if (!(await checkSession(ack))) return;
		const access = await boardAccess(await db(), user, boardId);
		if (!access) return ack({ ok: false, error: 'not_found' });
		// In the rooms before reading what was missed: an op stored in between arrives both
		// ways (the replica ignores the repeat) rather than neither.
		joined.set(boardId, access);
		const r = rooms(boardId);
		socket.join([r.all, access.role === 'facilitator' ? r.full : r.part]);
		const missed = await catchUp(await db(), user, access, lastSeq);
		ack({ ok: true, role: access.role, serverTime: Date.now(), catchUp: missed });
		await emitPresence(io, boardId);
	});

	on('board:leave', leaveSchema, async ({ boardId }, ack) => {
		joined.delete(boardId);
		const r = rooms(boardId);
		for (const room of [r.all, r.full, r.part]) socket.leave(room);
		ack({ ok: true });
		await emitPresence(io, boardId);
	});

	on('board:op', opMessage, async ({ boardId, opId, op }, ack) => {
		if (!joined.has(boardId)) return ack({ ok: false, error: 'not_joined' });
		// The session is checked again in the transaction that stores the op.
		const result = await storeOp(await db(), user, boardId, opId, op, sessionId);
		if (result && !result.ok && result.code === 'session_ended') {
			ack({ ok: false, error: 'session_ended' });
			return endSocket(socket, 'session_ended');
		}
		if (!result) {
			joined.delete(boardId);
			return ack({ ok: false, error: 'not_found' });
		}
		if (!result.ok) return ack({ ok: false, error: result.code });
		ack({ ok: true, op: result.op });
		if (!result.repeated) broadcast(io, socket, boardId, result.op, result.before);
	});

	socket.on('disconnect', () => {
		for (const boardId of joined.keys()) emitPresence(io, boardId).catch(() => {});
	});
}

function broadcast(
	io: Server,
	socket: Socket,
	boardId: string,
	op: SequencedOp,
	before: Parameters<typeof redactOp>[1]
) {
	const r = rooms(boardId);
	io.to(r.full)
		.except(socket.id)
		.emit('board:ops', { boardId, ops: [op] });
	const forOthers = redactOp(op, before, { id: '', role: 'participant' });
	io.to(r.part)
		.except(socket.id)
		.emit('board:ops', { boardId, ops: [forOthers] });
	// Names or others' dots are hidden or shown from now on: participants fetch the board
	// anew, as they may now see it (hiding must also take away what their copy holds).
	if (op.op?.type === 'board.anonymous' || op.op?.type === 'votes.reveal')
		io.to(r.part).emit('board:refresh', { boardId });
}
