import { TELL, type EndReason } from '$lib/realtime/protocol';
import type { Database } from '../db';
import { config } from '../config';
import { liveSessions } from '../auth/sessions';
import { liveSupabaseSessions } from '../auth/supabase';
import {
	audiences,
	reach,
	tell,
	tellSocket,
	type Audience,
	type IoServer,
	type IoSocket
} from './say';

/**
 * Sockets that outlive their reason are ended here. Every socket joins a room for its
 * user and one for the session it was opened with; the functions below empty those rooms
 * through the socket.io adapter, so sockets on every app instance go (with the Redis
 * streams adapter the request travels through Redis). The capabilities reach them
 * through the notifier (./notifier.ts) after the change is committed; ops re-check the
 * session in any case (`sessionAlive`), so a socket that slipped through is refused and
 * closed at its next op.
 */

/** At most this many sockets per user at once (across instances); more are refused. */
export const SOCKETS_PER_USER = 10;

// Every socket.io server of this process (tests run several; the app one).
const servers = new Set<IoServer>();

/** Registers a server so that the functions below reach its sockets; forgotten on close. */
export function trackServer(
	io: IoServer,
	httpServer: { once(e: 'close', f: () => void): unknown }
) {
	servers.add(io);
	httpServer.once('close', () => servers.delete(io));
}

/**
 * Stops reaching a server's sockets directly, so that only the adapter reaches them: for
 * tests, an instance that stands for one in another process.
 */
export function forgetServer(io: IoServer) {
	servers.delete(io);
}

/** The server that tells this process's news (through the adapter, every instance hears it). */
export const newestServer = (): IoServer | undefined => [...servers].at(-1);

function end(audience: Audience, reason: EndReason) {
	for (const io of servers) {
		// Said first: the client then knows not to reconnect (session) or to load its rights again.
		tell(io, audience, TELL.ended, { reason });
		reach(io, audience).disconnectSockets(true);
	}
}

/**
 * A session ended (sign-out, or ended from the sessions page): its sockets close on every
 * instance. `sessionId` is `local_auth.sessions.id`, the hash of the cookie's token
 * (`hashToken(token)` from auth/tokens). Never throws; nothing happens without socket.io.
 */
export function disconnectSession(sessionId: string): void {
	end(audiences.session(sessionId), 'session_ended');
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
	end(audiences.user(userId, options.exceptSession ? [options.exceptSession] : []), reason);
}

/** Closes one socket, saying why (its session was found gone at an op). */
export function endSocket(socket: IoSocket, reason: EndReason) {
	tellSocket(socket, { id: socket.data.user.id, role: 'observer' }, TELL.ended, { reason });
	socket.disconnect(true);
}

/**
 * Which of these sessions still exist and have not run out, in the configured mode:
 * local_auth.sessions, or Supabase Auth's auth.sessions (the JWT's session_id).
 */
export function liveSessionsOf(db: Database, ids: string[]): Promise<Set<string>> {
	return config.supabase ? liveSupabaseSessions(db, ids) : liveSessions(db, ids);
}

/** Whether one session (a socket's `sessionId`) still exists: checked before each op. */
export async function sessionStillAlive(db: Database, id: string): Promise<boolean> {
	return (await liveSessionsOf(db, [id])).has(id);
}

/** How often each instance looks for its sockets whose session has ended some other way. */
export const SESSION_SWEEP_MS = 30_000;

/**
 * The safety net under the calls above: closes this instance's sockets whose session no
 * longer exists or has expired (ended by a path that did not call disconnectSession, or
 * simply run out), with one query. Returns how many sockets it closed.
 */
export async function sweepEndedSessions(io: IoServer, db: Database): Promise<number> {
	const sockets = [...io.of('/').sockets.values()];
	const ids = [...new Set(sockets.map((s) => s.data.sessionId).filter(Boolean))];
	if (!ids.length) return 0;
	const alive = await liveSessionsOf(db, ids);
	let closed = 0;
	for (const socket of sockets) {
		if (alive.has(socket.data.sessionId)) continue;
		endSocket(socket, 'session_ended');
		closed++;
	}
	return closed;
}
