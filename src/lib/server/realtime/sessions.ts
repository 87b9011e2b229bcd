import type { Server, Socket } from 'socket.io';
import type { Queryable } from '../db';

/**
 * Sockets that outlive their reason are ended here. Every socket joins a room for its
 * user and one for the session it was opened with; the functions below empty those rooms
 * through the socket.io adapter, so sockets on every app instance go (with the Redis
 * streams adapter the request travels through Redis). Call them after the change is
 * committed; ops re-check the session in any case (`sessionAlive`), so a socket that
 * slipped through is refused and closed at its next op.
 */

/** Why the server closed a socket, sent as `realtime:ended {reason}` just before it goes. */
export type EndReason = 'session_ended' | 'access_changed';

/** At most this many sockets per user at once (across instances); more are refused. */
export const SOCKETS_PER_USER = 10;

export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

// Every socket.io server of this process (tests run several; the app one).
const servers = new Set<Server>();

/** Registers a server so that the functions below reach its sockets; forgotten on close. */
export function trackServer(io: Server, httpServer: { once(e: 'close', f: () => void): unknown }) {
	servers.add(io);
	httpServer.once('close', () => servers.delete(io));
}

/**
 * Stops reaching a server's sockets directly, so that only the adapter reaches them: for
 * tests, an instance that stands for one in another process.
 */
export function forgetServer(io: Server) {
	servers.delete(io);
}

function end(rooms: string[], reason: EndReason, except: string[] = []) {
	for (const io of servers) {
		const target = io.in(rooms).except(except);
		// Said first: the client then knows not to reconnect (session) or to load its rights again.
		target.emit('realtime:ended', { reason });
		target.disconnectSockets(true);
	}
}

/**
 * A session ended (sign-out, or ended from the sessions page): its sockets close on every
 * instance. `sessionId` is `local_auth.sessions.id`, the hash of the cookie's token
 * (`hashToken(token)` from auth/tokens). Never throws; nothing happens without socket.io.
 */
export function disconnectSession(sessionId: string): void {
	end([sessionRoom(sessionId)], 'session_ended');
}

/**
 * Closes every socket of a user on every instance: after a password reset or change
 * (`reason: 'session_ended'`, with `exceptSession` to keep the caller's own session
 * connected) or when their rights changed — removed from a team, organisation role
 * changed or removed, facilitator role changed (`'access_changed'`, the default: the page
 * loads again and joins what it may still join). Never throws.
 */
export function disconnectUser(
	userId: string,
	reason: EndReason = 'access_changed',
	options: { exceptSession?: string } = {}
): void {
	end(
		[userRoom(userId)],
		reason,
		options.exceptSession ? [sessionRoom(options.exceptSession)] : []
	);
}

/** Closes one socket, saying why (its session was found gone at an op). */
export function endSocket(socket: Socket, reason: EndReason) {
	socket.emit('realtime:ended', { reason });
	socket.disconnect(true);
}

/**
 * Re-checks a socket's session before an event is handled. When the session is gone
 * (signed out, ended, password reset) the event is answered with the refusal
 * `session_ended`, the socket is told why and closed, and the answer is false.
 */
export type SessionCheck = (ack: (reply: Record<string, unknown>) => void) => Promise<boolean>;

/** Whether the session a socket was opened with still exists and has not expired. */
export async function sessionAlive(tx: Queryable, sessionId: string): Promise<boolean> {
	const [row] = await tx.query<{ alive: boolean }>(
		`select exists (select 1 from local_auth.sessions
		                where id = $1 and expires_at > now()) as alive`,
		[sessionId]
	);
	return row.alive;
}

/** How often each instance looks for its sockets whose session has ended some other way. */
export const SESSION_SWEEP_MS = 30_000;

/**
 * The safety net under the calls above: closes this instance's sockets whose session no
 * longer exists or has expired (ended by a path that did not call disconnectSession, or
 * simply run out), in one query. Returns how many sockets it closed.
 */
export async function sweepEndedSessions(io: Server, tx: Queryable): Promise<number> {
	const sockets = [...io.of('/').sockets.values()];
	const ids = [...new Set(sockets.map((s) => s.data.sessionId as string).filter(Boolean))];
	if (!ids.length) return 0;
	const alive = new Set(
		(
			await tx.query<{ id: string }>(
				`select id from local_auth.sessions where id = any($1::text[]) and expires_at > now()`,
				[ids]
			)
		).map((r) => r.id)
	);
	let closed = 0;
	for (const socket of sockets) {
		if (alive.has(socket.data.sessionId)) continue;
		endSocket(socket, 'session_ended');
		closed++;
	}
	return closed;
}
