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
import { stopMailWorker } from '../mail/service';

/** Browsers always send Origin on WebSocket and CORS requests; it must be this site. */
export function originAllowed(req: Pick<IncomingMessage, 'headers'>): boolean {
	const origin = req.headers.origin;
	if (!origin) return false;
	try {
		const url = new URL(origin);
		if (config.ORIGIN) return url.origin === new URL(config.ORIGIN).origin;
		return url.host === req.headers.host;
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
		// The mail worker finishes the mail it is sending before the database closes.
		closeDatabase: async () => {
			await stopMailWorker();
			await (await getDb()).close();
		}
	};
	(globalThis as Record<symbol, unknown>)[REALTIME_KEY] = hooks;
}
