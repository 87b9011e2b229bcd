import type { BoardRole } from '$lib/domain/board';
import { FACILITATOR, type HeldOp, type Viewer } from '$lib/domain/board-gate';
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
		const stored = { ...access, socketId: socket.id, actorId: user.id, held: result.op };
		return { answer, after: () => broadcastSoon(io, stored) };
	});

	socket.on('disconnect', () => {
		for (const access of joined.values()) presenceSoon(io, access);
	});
}

/** An op just stored, by whom, from which socket: waiting to be told with its batch. */
interface Stored extends BoardAccess {
	socketId: string;
	actorId: string;
	held: HeldOp;
}

/** The ops of each board (per server: tests run several) stored and not yet told. */
const untold = new WeakMap<IoServer, Map<string, Stored[]>>();

/**
 * Tells a stored op (`broadcast`) together with the other ops of its board answered in
 * the same turn of the event loop: the ops of one batch (board-ops.ts `storeOp`) are
 * answered together, so a busy board sends each receiver one message per batch, not one
 * per op. Told once the answers are sent (setImmediate), in sequence order. Returns at once.
 */
function broadcastSoon(io: IoServer, stored: Stored) {
	const ofIo = untold.get(io) ?? new Map<string, Stored[]>();
	untold.set(io, ofIo);
	const waiting = ofIo.get(stored.boardId);
	if (waiting) return void waiting.push(stored);
	ofIo.set(stored.boardId, [stored]);
	setImmediate(() => {
		const batch = ofIo.get(stored.boardId) ?? [];
		ofIo.delete(stored.boardId);
		broadcast(io, batch);
	});
}

/** The ops that change who may see what: participants fetch the board anew after one. */
const changesSecrecy = (held: HeldOp) => {
	const type = held.op.op?.type;
	return type === 'board.anonymous' || type === 'votes.reveal' || type === 'board.private';
};

/**
 * Tells everyone else on a board about new ops of it (stored together, all of one
 * workshop), in sequence order, one message per audience, each through its own gate: the
 * facilitators and the participants each in their room; an actor's own other tabs as the
 * actor (they see their own hidden notes); each socket that sent one of the ops, the
 * others' ops as its person (never its own again: it has the answer). The workshop's
 * facilitators hear once that the board changed (their overview).
 */
function broadcast(io: IoServer, batch: Stored[]) {
	if (!batch.length) return;
	const stored = [...batch].sort((a, b) => a.held.op.seq - b.held.op.seq);
	const { boardId, workshopId } = stored[0];
	const message = { boardId, ops: stored.map((s) => s.held) };
	const senders = [...new Set(stored.map((s) => s.socketId))];
	// The actors who are not the facilitator: their own rooms see them as themselves.
	const actors = new Map(
		stored
			.filter((s) => s.role !== 'facilitator')
			.map((s): [string, BoardRole] => [s.actorId, s.role])
	);
	const ownRooms = [...actors.keys()].map((id) => ROOMS.boardUser(boardId, id));
	tell(io, audiences.workshopFacilitators(workshopId), TELL.activity, { workshopId, boardId });
	tell(io, audiences.facilitators(boardId, senders), TELL.ops, message);
	tell(io, audiences.participants(boardId, [...senders, ...ownRooms]), TELL.ops, message);
	for (const [id, role] of actors)
		tell(io, audiences.person(boardId, { id, role }, senders), TELL.ops, message);
	for (const socketId of senders) {
		const own = stored.find((s) => s.socketId === socketId)!;
		const others = stored.filter((s) => s.socketId !== socketId).map((s) => s.held);
		const viewer = own.role === 'facilitator' ? FACILITATOR : { id: own.actorId, role: own.role };
		if (others.length)
			tell(io, audiences.socket(socketId, viewer), TELL.ops, { boardId, ops: others });
	}
	// Names or others' dots are hidden or shown from now on: participants fetch the board
	// anew, as they may now see it (hiding must also take away what their copy holds).
	if (stored.some((s) => changesSecrecy(s.held)))
		tell(io, audiences.participants(boardId), TELL.refresh, { boardId });
}
