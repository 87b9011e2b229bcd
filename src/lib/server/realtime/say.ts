import type { DefaultEventsMap, Server, Socket } from 'socket.io';
import { ANYONE, ANY_PARTICIPANT, FACILITATOR, type Viewer } from '$lib/domain/board-gate';
import { ROOMS, type AskEvent, type TellEvent } from '$lib/realtime/protocol';
import type { SessionUser } from '../auth/sessions';
import { gate, type Held } from './gate';

/**
 * The only code that sends anything on a socket. Each function takes a held message and
 * the viewer it is for and sends what `gate` makes of it; no other module calls
 * `emit` or an acknowledgement (tests/integration/realtime-gate.test.ts checks).
 */

/** What the server keeps on each socket: who opened it, with which session (local_auth.sessions.id). */
export interface SocketData {
	user: SessionUser;
	sessionId: string;
}

/**
 * The server's sockets. Their event maps are left untyped on purpose: what arrives is
 * unknown until its schema (ASK_SCHEMAS, in `connection().on`) has passed it, and what
 * leaves is typed by the functions below, which take held messages of the protocol.
 */
export type IoServer = Server<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;
export type IoSocket = Socket<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;

/** Who hears a told message: rooms (on every instance), minus some, all of one view. */
export interface Audience {
	rooms: string[];
	/** Socket ids or rooms left out. */
	except?: string[];
	viewer: Viewer;
}

export const audiences = {
	/** Everyone on these boards, whatever they may see. */
	boards: (boardIds: string[]): Audience => ({ rooms: boardIds.map(ROOMS.board), viewer: ANYONE }),
	/** Those who see everything on a board (the facilitator), but the socket that acted. */
	facilitators: (boardId: string, except: string[] = []): Audience => ({
		rooms: [ROOMS.boardFull(boardId)],
		except,
		viewer: FACILITATOR
	}),
	/** Everyone else on a board (participants, observers), but the socket that acted. */
	participants: (boardId: string, except: string[] = []): Audience => ({
		rooms: [ROOMS.boardPart(boardId)],
		except,
		viewer: ANY_PARTICIPANT
	}),
	/** One person's sockets on a board, as that person may see it, but these. */
	person: (boardId: string, viewer: Viewer, except: string[] = []): Audience => ({
		rooms: [ROOMS.boardUser(boardId, viewer.id)],
		except,
		viewer
	}),
	/** One socket (socket.io names a room after each socket's id), as its person may see it. */
	socket: (socketId: string, viewer: Viewer): Audience => ({ rooms: [socketId], viewer }),
	/** The facilitators of a workshop, on whichever of its boards they are, but these rooms. */
	workshopFacilitators: (workshopId: string, except: string[] = []): Audience => ({
		rooms: [ROOMS.workshopFull(workshopId)],
		except,
		viewer: FACILITATOR
	}),
	/** Every socket of a user, but those of the sessions kept. */
	user: (userId: string, keepSessions: string[] = []): Audience => ({
		rooms: [ROOMS.user(userId)],
		except: keepSessions.map(ROOMS.session),
		viewer: ANYONE
	}),
	session: (sessionId: string): Audience => ({
		rooms: [ROOMS.session(sessionId)],
		viewer: ANYONE
	})
};

/** The sockets an audience names, on every instance (through the adapter). */
export const reach = (io: IoServer, audience: Audience) =>
	io.in(audience.rooms).except(audience.except ?? []);

/** Tells an audience a message, through the gate for the audience's viewer. */
export function tell<E extends TellEvent>(
	io: IoServer,
	audience: Audience,
	event: E,
	message: Held[E]
) {
	reach(io, audience).emit(event, gate(audience.viewer, event, message));
}

/** Tells one socket a message, through the gate for the socket's viewer. */
export function tellSocket<E extends TellEvent>(
	socket: IoSocket,
	viewer: Viewer,
	event: E,
	message: Held[E]
) {
	socket.emit(event, gate(viewer, event, message));
}

/**
 * Answers a question through its acknowledgement, through the gate for the asker's
 * viewer. `ack` is whatever the client sent as the last argument: nothing is sent
 * when it is not a function (a client that did not ask for an answer).
 */
export function answer<E extends AskEvent>(ack: unknown, viewer: Viewer, event: E, reply: Held[E]) {
	if (typeof ack === 'function') ack(gate(viewer, event, reply));
}
