import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { parse as parseCookies } from 'cookie';
import { Server } from 'socket.io';
import { ASK, ROOMS, type Refusal } from '$lib/realtime/protocol';
import { getDb, type Database } from '../db';
import { config } from '../config';
import { sessionCookieName } from '../http/cookies';
import { validateSession, type SessionUser } from '../auth/sessions';
import { supabaseHandshakeUser } from '../auth/supabase';
import { hashToken } from '../auth/tokens';
import { log, print } from '../log';
import { translate } from '../i18n';
import { setNotifier } from '../notifier';
import { handleBoards } from './boards';
import { handleAnnouncements } from './announcements';
import { redisAdapter } from './adapter';
import { stopMailWorker } from '../mail/service';
import { connection } from './listen';
import { socketNotifier } from './notifier';
import type { IoServer } from './say';
import { SESSION_SWEEP_MS, SOCKETS_PER_USER, sweepEndedSessions, trackServer } from './sessions';

/**
 * Browsers always send Origin on WebSocket and CORS requests; it must be this site: the
 * configured ORIGIN, or, while ORIGIN is only the localhost default (quick start,
 * development), the host the request was sent to.
 */
export function originAllowed(
	req: Pick<IncomingMessage, 'headers'>,
	site: Pick<typeof config, 'ORIGIN' | 'originDefaulted'> = config
): boolean {
	const origin = req.headers.origin;
	if (!origin) return false;
	try {
		const url = new URL(origin);
		if (url.origin === site.ORIGIN) return true;
		return site.originDefaulted && url.host === req.headers.host;
	} catch {
		return false;
	}
}

/** The user and the session (its stored id) behind the handshake's cookie, or null. */
async function userFromHandshake(
	req: IncomingMessage,
	db: Database
): Promise<{ user: SessionUser; sessionId: string } | null> {
	const cookies = parseCookies(req.headers.cookie ?? '');
	// Supabase mode: the access token in Supabase Auth's cookie, checked by the Auth server.
	if (config.supabase) {
		const user = await supabaseHandshakeUser(config.supabase, db, cookies);
		return user?.sessionId ? { user, sessionId: user.sessionId } : null;
	}
	const token = cookies[sessionCookieName(new URL(req.headers.origin ?? 'http://invalid'))];
	if (!token) return null;
	const user = await db.statement('socket handshake', (q) => validateSession(q, token));
	return user ? { user, sessionId: hashToken(token) } : null;
}

/** A refusal of the handshake: the code as the error's message, the words in `data`. */
function refusal(code: Refusal, words: string) {
	return Object.assign(new Error(code), { data: { error: code, message: words } });
}

/** How long a handshake waits for the other instances' count of a user's sockets. */
const COUNT_WAIT_MS = 500;

/**
 * How many sockets the user has open: across every instance (the adapter asks the
 * others), or this instance's own count when the others do not answer in time (an
 * instance that went away without a goodbye would otherwise hold every handshake up).
 */
async function openSockets(io: IoServer, userId: string): Promise<number> {
	const local = io.of('/').adapter.rooms.get(ROOMS.user(userId))?.size ?? 0;
	const everywhere = io
		.in(ROOMS.user(userId))
		.fetchSockets()
		.then((s) => s.length)
		.catch(() => local);
	const waited = new Promise<number>((resolve) =>
		setTimeout(() => resolve(local), COUNT_WAIT_MS).unref()
	);
	return Math.max(local, await Promise.race([everywhere, waited]));
}

/**
 * socket.io on the app's own HTTP server; `db` is the process's database unless a test
 * gives one. With Redis (REDIS_URL) several app instances share rooms and presence.
 * This is where the live layer starts (server.js, the dev server, tests), so it also
 * gives the capabilities its notifier (src/lib/server/notifier.ts).
 */
export async function attachRealtime(
	httpServer: HttpServer,
	db: () => Promise<Database> = getDb,
	redis: { url: string; stream?: string } | undefined = config.REDIS_URL
		? { url: config.REDIS_URL }
		: undefined
): Promise<IoServer> {
	const io: IoServer = new Server(httpServer, {
		serveClient: false,
		maxHttpBufferSize: 64 * 1024,
		// A dropped client is noticed within 5 s, so presence stays true.
		pingInterval: 2000,
		pingTimeout: 2500,
		allowRequest: (req, callback) => callback(null, originAllowed(req)),
		...(redis ? { adapter: await redisAdapter(redis.url, httpServer, redis.stream) } : {})
	});
	trackServer(io, httpServer);
	const sweep = setInterval(async () => {
		try {
			await sweepEndedSessions(io, await db());
		} catch (err) {
			log.warn({ err }, 'socket session sweep failed');
		}
	}, SESSION_SWEEP_MS);
	sweep.unref();
	httpServer.once('close', () => clearInterval(sweep));
	io.use(async (socket, next) => {
		try {
			const found = await userFromHandshake(socket.request, await db());
			if (!found) return next(new Error('unauthorized' satisfies Refusal));
			const { user, sessionId } = found;
			if ((await openSockets(io, user.id)) >= SOCKETS_PER_USER) {
				const words = translate('refusal_too_many_sockets', {}, user.locale);
				return next(refusal('too_many_sockets', words));
			}
			socket.data.user = user;
			socket.data.sessionId = sessionId;
			next();
		} catch (err) {
			log.error({ err }, 'socket handshake failed');
			next(new Error('unavailable' satisfies Refusal));
		}
	});
	io.on('connection', (socket) => {
		const { user, sessionId } = socket.data;
		// The rooms through which sign-out, a reset or a changed role reach this socket.
		socket.join([ROOMS.user(user.id), ROOMS.session(sessionId)]);
		const c = connection(io, socket, db);
		c.on(ASK.ping, {}, async ({ sent }) => ({ ok: true, userId: user.id, sent, at: Date.now() }));
		handleBoards(c);
		handleAnnouncements(c);
	});
	setNotifier(socketNotifier);
	return io;
}

export interface RealtimeHooks {
	attachRealtime: typeof attachRealtime;
	closeDatabase: () => Promise<void>;
	/** Text for a person, in order with the log's records (log.ts). */
	print: (text: string) => void;
}

// server.js reaches the bundled code through this key after importing the handler.
export const REALTIME_KEY = Symbol.for('talkoot.realtime');

export function registerRealtime() {
	const hooks: RealtimeHooks = {
		attachRealtime,
		// The mail worker finishes the mail it is sending before the database closes.
		closeDatabase: async () => {
			await stopMailWorker();
			await (await getDb()).close();
		},
		print
	};
	(globalThis as Record<symbol, unknown>)[REALTIME_KEY] = hooks;
}
