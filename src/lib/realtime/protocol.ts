/**
 * The socket protocol between the workshop page and the server, in one place: the event
 * names, the schemas of what clients send (checked by the server before anything else),
 * the types of what the server sends and answers, the room names, and the one list of
 * refusal codes. The browser (board-client.ts, the workshop page) and the server
 * (src/lib/server/realtime) both import it; nothing else names an event or a refusal.
 *
 * Every client event is a question: it is sent with an acknowledgement and always gets
 * one answer, `{ ok: true, … }` or `{ ok: false, error: <refusal> }`. Server events are
 * told without an answer. Whatever the server sends has passed its per-viewer gate first
 * (src/lib/server/realtime/gate.ts): nothing names another's hidden dot or, in anonymous
 * mode, another's note.
 */
import { z } from 'zod';
import {
	BOARD_REFUSALS,
	opSchema,
	type BoardRole,
	type CatchUp,
	type SequencedOp
} from '$lib/domain/board';
import type { WorkshopStatus } from '$lib/domain/workshop-status';
import { LOCALES, type Locale } from '$lib/domain/locale';
import { isFilled } from '$lib/domain/text';

/** What clients ask, each answered through its acknowledgement. */
export const ASK = {
	/** Join a board's rooms and get what was missed since `lastSeq` (0: the whole board). */
	join: 'board:join',
	leave: 'board:leave',
	/** One op, with an id of the client's own: a retry with the same id is never applied twice. */
	op: 'board:op',
	/** The facilitator tells every board of the workshop at once. */
	announce: 'workshop:announce',
	/** Round trip and clock check. */
	ping: 'ping'
} as const;
export type AskEvent = (typeof ASK)[keyof typeof ASK];

/** What the server tells without being asked. */
export const TELL = {
	/**
	 * Ops others made, in sequence order, as this receiver may see them: the ops the server
	 * stored together (one batch) come in one message; a gap waits for the missing ops.
	 */
	ops: 'board:ops',
	/** Who may see what changed (anonymous mode, the reveal): join again from scratch. */
	refresh: 'board:refresh',
	/** Who is on the board now, on every instance. */
	presence: 'board:presence',
	/** A flood warning: this socket's events are being refused for a moment. */
	error: 'board:error',
	announcement: 'workshop:announcement',
	/** The workshop started or ended: load the page again. */
	status: 'workshop:status',
	/** A board of the workshop changed (to its facilitators, for their overview of all boards). */
	activity: 'workshop:activity',
	/** The server is closing this socket, and why; said just before it goes. */
	ended: 'realtime:ended'
} as const;
export type TellEvent = (typeof TELL)[keyof typeof TELL];

/**
 * Every refusal a socket answers with: the reducer's own (checkOp) and those of the
 * transport. `timeout` is the client's own, for a question that got no answer in time.
 */
export const REFUSALS = [
	...BOARD_REFUSALS,
	'invalid_payload',
	'rate_limited',
	'not_joined',
	'unavailable',
	'session_ended',
	'too_many_sockets',
	'unauthorized',
	'timeout'
] as const;
export type Refusal = (typeof REFUSALS)[number];

/** Refusals that say nothing about the op itself: it goes again shortly, with the same id. */
export const RETRIED_REFUSALS: ReadonlySet<Refusal> = new Set<Refusal>([
	'rate_limited',
	'not_joined',
	'unavailable'
]);

/** Joins refused for good: the board is gone or closed to this user. */
export const FINAL_JOIN_REFUSALS: ReadonlySet<Refusal> = new Set<Refusal>([
	'not_found',
	'invalid_payload'
]);

/** Why the server closed a socket: the session is gone, or the user's rights changed. */
export type EndReason = 'session_ended' | 'access_changed';

const boardId = z.uuid();
const shapes = {
	[ASK.join]: z.object({ boardId, lastSeq: z.number().int().min(0) }).strict(),
	[ASK.leave]: z.object({ boardId }).strict(),
	[ASK.op]: z.object({ boardId, opId: z.uuid(), op: opSchema }).strict(),
	[ASK.announce]: z
		.object({
			workshopId: z.uuid(),
			body: z.string().trim().refine(isFilled).max(2000),
			// The language the words are in (the facilitator's page), shown with `lang` to others.
			lang: z.enum(LOCALES).optional()
		})
		.strict(),
	[ASK.ping]: z.object({ sent: z.number().int().nonnegative() }).strict()
} satisfies Record<AskEvent, z.ZodType>;
/** A question as a client sends it. */
export type AskPayload<E extends AskEvent> = z.input<(typeof shapes)[E]>;
/** A question as the server handles it, once its schema passed it. */
export type AskData<E extends AskEvent> = z.output<(typeof shapes)[E]>;

/** What each question carries, checked on the server before the question is handled. */
export const ASK_SCHEMAS: { [E in AskEvent]: z.ZodType<AskData<E>, AskPayload<E>> } = shapes;

/** Someone on a board now. */
export interface Person {
	id: string;
	name: string;
}

export interface Announcement {
	workshopId: string;
	id: string;
	body: string;
	/** Server time, ms. */
	at: number;
	/** The language it was written in; null when not recorded. */
	lang: Locale | null;
	/** The sender's name; null when no longer known. */
	by: string | null;
}

/** What each server event carries. */
export interface Told {
	[TELL.ops]: { boardId: string; ops: SequencedOp[] };
	[TELL.refresh]: { boardId: string };
	[TELL.presence]: { boardId: string; people: Person[] };
	[TELL.error]: { error: Refusal };
	[TELL.announcement]: Announcement;
	[TELL.status]: { workshopId: string; status: WorkshopStatus; by: string };
	[TELL.activity]: { workshopId: string; boardId: string };
	[TELL.ended]: { reason: EndReason };
}

export type Refused = { ok: false; error: Refusal };

/** The answer to each question. */
export interface Answers {
	[ASK.join]: { ok: true; role: BoardRole; serverTime: number; catchUp: CatchUp } | Refused;
	[ASK.leave]: { ok: true } | Refused;
	[ASK.op]: { ok: true; op: SequencedOp } | Refused;
	[ASK.announce]: { ok: true; announcement: Announcement } | Refused;
	[ASK.ping]: { ok: true; userId: string; sent: number; at: number } | Refused;
}

/** Everything the server sends, told or answered, by event name. */
export type ServerMessages = Told & Answers;

/** socket.io's typed map of what a client hears (questions go through `ask`, board-client.ts). */
export type ServerToClient = { [E in TellEvent]: (message: Told[E]) => void };

/**
 * The rooms a server puts sockets in. Every socket is in its user's and its session's
 * room (to end it on every instance); a socket on a board is in the board's room and in
 * one of two rooms by what it may see: `full` (the facilitator) or `part` (the rest).
 * It is also in its workshop's room while on any of its boards, and a facilitator in the
 * workshop's `full` room, where presence and activity on every board of it are told.
 */
export const ROOMS = {
	user: (userId: string) => `user:${userId}`,
	session: (sessionId: string) => `session:${sessionId}`,
	board: (boardId: string) => `board:${boardId}`,
	boardFull: (boardId: string) => `board:${boardId}:full`,
	boardPart: (boardId: string) => `board:${boardId}:part`,
	/** One person's sockets on a board (their other tabs see their own hidden notes). */
	boardUser: (boardId: string, userId: string) => `board:${boardId}:user:${userId}`,
	workshop: (workshopId: string) => `workshop:${workshopId}`,
	workshopFull: (workshopId: string) => `workshop:${workshopId}:full`
} as const;
