import type { HeldOp, Viewer } from '$lib/domain/board-gate';
import { ASK, ROOMS, TELL, type Person } from '$lib/realtime/protocol';
import { boardAccess, catchUp, storeOp, type BoardAccess } from '../workshops/board-ops';
import { log } from '../log';
import { refused, type Connection } from './listen';
import { TokenBucket } from './rate-limit';
import { audiences, tell, type IoServer, type SocketData } from './say';

/** The board a room name is the main room of (`board:<id>`), or null. */
const boardOfRoom = (room: string) => /^board:([0-9a-f-]{36})$/.exec(room)?.[1] ?? null;

/** Each person once, by the name the board shows. */
function peopleOf(sockets: { data: SocketData }[]): Person[] {
	const people = new Map<string, string>();
	for (const { data } of sockets)
		people.set(data.user.id, data.user.displayName || data.user.email.split('@')[0]);
	return [...people].map(([id, name]) => ({ id, name }));
}

/** How long news of who is on a board waits for more: joins and leaves within it are told once. */
const PRESENCE_MS = 100;

/** The boards (per server: tests run several) whose presence is about to be told. */
const presenceDue = new WeakMap<IoServer, Set<string>>();

/**
 * Tells who is on a board (`tellPresence`) within PRESENCE_MS, once for however many
 * joins and leaves come meanwhile: each telling sends everyone the whole list, so a room
 * filling up with N people would otherwise cost N lists to N sockets. Returns at once.
 */
function presenceSoon(io: IoServer, access: BoardAccess) {
	const due = presenceDue.get(io) ?? new Set<string>();
	presenceDue.set(io, due);
	if (due.has(access.boardId)) return;
	due.add(access.boardId);
	setTimeout(() => {
		due.delete(access.boardId);
		tellPresence(io, access).catch((err) => log.warn({ err }, 'telling presence failed'));
	}, PRESENCE_MS);
}

/**
 * Who is on a board now, across every app instance (the adapter asks the others): told
 * to the board, and to the workshop's facilitators on its other boards (their overview).
 */
async function tellPresence(io: IoServer, { boardId, workshopId }: BoardAccess) {
	const message = { boardId, people: peopleOf(await io.in(ROOMS.board(boardId)).fetchSockets()) };
	tell(io, audiences.boards([boardId]), TELL.presence, message);
	tell(
		io,
		audiences.workshopFacilitators(workshopId, [ROOMS.board(boardId)]),
		TELL.presence,
		message
	);
}

/**
 * Who is on each board of a workshop now, told to its facilitators: what a facilitator's
 * overview of all team boards starts from when they join (then `tellPresence` keeps it).
 */
async function tellOverview(io: IoServer, workshopId: string) {
	const byBoard = new Map<string, { data: SocketData }[]>();
	for (const socket of await io.in(ROOMS.workshop(workshopId)).fetchSockets())
		for (const room of socket.rooms) {
			const boardId = boardOfRoom(room);
			if (boardId) byBoard.set(boardId, [...(byBoard.get(boardId) ?? []), socket]);
		}
	for (const [boardId, sockets] of byBoard)
		tell(io, audiences.workshopFacilitators(workshopId), TELL.presence, {
			boardId,
			people: peopleOf(sockets)
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
		const facilitator = access.role === 'facilitator';
		socket.join([
			ROOMS.board(boardId),
			facilitator ? ROOMS.boardFull(boardId) : ROOMS.boardPart(boardId),
			ROOMS.boardUser(boardId, user.id),
			ROOMS.workshop(access.workshopId),
			...(facilitator ? [ROOMS.workshopFull(access.workshopId)] : [])
		]);
		const missed = await catchUp(db, user, access, lastSeq);
		if (!missed) return refused('not_found');
		return {
			answer: { ok: true, role: access.role, serverTime: Date.now(), catchUp: missed },
			after: async () => {
				presenceSoon(io, access);
				if (facilitator) await tellOverview(io, access.workshopId);
			}
		};
	});

	c.on(ASK.leave, { bucket }, async ({ boardId }) => {
		const access = joined.get(boardId);
		joined.delete(boardId);
		for (const room of [ROOMS.board, ROOMS.boardFull, ROOMS.boardPart]) socket.leave(room(boardId));
		socket.leave(ROOMS.boardUser(boardId, user.id));
		if (!access) return { ok: true };
		// Still on another board of the same workshop: still in its rooms.
		const { workshopId } = access;
		if (![...joined.values()].some((a) => a.workshopId === workshopId))
			for (const room of [ROOMS.workshop, ROOMS.workshopFull]) socket.leave(room(workshopId));
		return { answer: { ok: true }, after: () => presenceSoon(io, access) };
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
		const access = joined.get(boardId)!;
		return {
			answer,
			after: () => broadcast(io, socket.id, { ...access, actorId: user.id }, result.op)
		};
	});

	socket.on('disconnect', () => {
		for (const access of joined.values()) presenceSoon(io, access);
	});
}

/**
 * Tells everyone else on the board about a new op, each room through its own gate: the
 * actor's own other tabs as the actor (they see their own hidden note), and the
 * workshop's facilitators that the board changed (their overview).
 */
function broadcast(
	io: IoServer,
	socketId: string,
	{ boardId, workshopId, role, actorId }: BoardAccess & { actorId: string },
	held: HeldOp
) {
	const message = { boardId, ops: [held] };
	tell(io, audiences.workshopFacilitators(workshopId), TELL.activity, { workshopId, boardId });
	tell(io, audiences.facilitators(boardId, [socketId]), TELL.ops, message);
	if (role === 'facilitator') {
		tell(io, audiences.participants(boardId, [socketId]), TELL.ops, message);
	} else {
		const own = ROOMS.boardUser(boardId, actorId);
		tell(io, audiences.participants(boardId, [socketId, own]), TELL.ops, message);
		tell(io, audiences.person(boardId, { id: actorId, role }, [socketId]), TELL.ops, message);
	}
	// Names or others' dots are hidden or shown from now on: participants fetch the board
	// anew, as they may now see it (hiding must also take away what their copy holds).
	const type = held.op.op?.type;
	if (type === 'board.anonymous' || type === 'votes.reveal' || type === 'board.private')
		tell(io, audiences.participants(boardId), TELL.refresh, { boardId });
}
