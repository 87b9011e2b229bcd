import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { parse as parseCookies } from 'cookie';
import { Server } from 'socket.io';
import { z } from 'zod';
import { getDb, type Database } from '../db';
import { config } from '../config';
import { sessionCookieName } from '../auth/cookies';
import { validateSession, type SessionUser } from '../auth/sessions';
import { log } from '../log';
import { handleBoards } from './boards';
import { handleAnnouncements } from './announcements';
import { redisAdapter } from './adapter';

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

async function userFromHandshake(req: IncomingMessage, db: Database): Promise<SessionUser | null> {
	const cookies = parseCookies(req.headers.cookie ?? '');
	const token = cookies[sessionCookieName(new URL(req.headers.origin ?? 'http://invalid'))];
	if (!token) return null;
	return db.service('socket handshake', (tx) => validateSession(tx, token));
}

const pingSchema = z.object({ sent: z.number().int().nonnegative() }).strict();

let current: Server | null = null;

/**
 * Tells everyone on a workshop's boards (on every instance, through the adapter) that
 * something outside the boards changed, e.g. its status; nothing when no socket.io runs.
 */
export function emitToBoards(boardIds: string[], event: string, payload: Record<string, unknown>) {
	if (current && boardIds.length)
		current.to(boardIds.map((id) => `board:${id}`)).emit(event, payload);
}

/**
 * socket.io on the app's own HTTP server; `db` is the process's database unless a test
 * gives one. With Redis (REDIS_URL) several app instances share rooms and presence.
 */
export async function attachRealtime(
	httpServer: HttpServer,
	db: () => Promise<Database> = getDb,
	redis: { url: string; stream?: string } | undefined = config.REDIS_URL
		? { url: config.REDIS_URL }
		: undefined
): Promise<Server> {
	const io = new Server(httpServer, {
		serveClient: false,
		maxHttpBufferSize: 64 * 1024,
		// A dropped client is noticed within 5 s, so presence stays true.
		pingInterval: 2000,
		pingTimeout: 2500,
		allowRequest: (req, callback) => callback(null, originAllowed(req)),
		...(redis ? { adapter: await redisAdapter(redis.url, httpServer, redis.stream) } : {})
	});
	io.use(async (socket, next) => {
		try {
			const user = await userFromHandshake(socket.request, await db());
			if (!user) return next(new Error('unauthorized'));
			socket.data.user = user;
			next();
		} catch (err) {
			log.error({ err }, 'socket handshake failed');
			next(new Error('unavailable'));
		}
	});
	io.on('connection', (socket) => {
		const user = socket.data.user as SessionUser;
		socket.on('ping', (payload: unknown, ack: unknown) => {
			if (typeof ack !== 'function') return;
			const parsed = pingSchema.safeParse(payload);
			if (!parsed.success) return ack({ ok: false, error: 'invalid_payload' });
			ack({ ok: true, userId: user.id, sent: parsed.data.sent, at: Date.now() });
		});
		handleBoards(io, socket, db);
		handleAnnouncements(io, socket, db);
	});
	current = io;
	return io;
}

export interface RealtimeHooks {
	attachRealtime: typeof attachRealtime;
	closeDatabase: () => Promise<void>;
}

// server.js reaches the bundled code through this key after importing the handler.
export const REALTIME_KEY = Symbol.for('talkoot.realtime');

export function registerRealtime() {
	const hooks: RealtimeHooks = {
		attachRealtime,
		closeDatabase: async () => (await getDb()).close()
	};
	(globalThis as Record<symbol, unknown>)[REALTIME_KEY] = hooks;
}
