import type { Viewer } from '$lib/domain/board-gate';
import {
	ASK_SCHEMAS,
	TELL,
	type AskData,
	type AskEvent,
	type Refusal,
	type Refused
} from '$lib/realtime/protocol';
import type { Database } from '../db';
import { sessionAlive, type SessionUser } from '../auth/sessions';
import { config } from '../config';
import { log } from '../log';
import type { Held } from './gate';
import type { TokenBucket } from './rate-limit';
import { answer, tellSocket, type IoServer, type IoSocket } from './say';
import { endSocket, sessionStillAlive } from './sessions';

export const refused = (error: Refusal): Refused => ({ ok: false, error });

/** A handler's answer; `after` runs once the answer is sent (e.g. telling the room). */
export type Reply<E extends AskEvent> = Held[E] | { answer: Held[E]; after: () => unknown };

export interface ListenOptions<E extends AskEvent> {
	/** Taken once per event; an empty bucket answers `rate_limited` (and says so as an error). */
	bucket?: TokenBucket;
	/** Whom the answer is for, once handled (default: the socket's person, seeing nothing of others). */
	viewer?: (data: AskData<E>) => Viewer;
}

/** One socket's side of the protocol, as its event handlers use it. */
export interface Connection {
	io: IoServer;
	socket: IoSocket;
	user: SessionUser;
	/** The database (a test may give its own). */
	db: () => Promise<Database>;
	/** The socket's person with no board role: sees nothing private of anyone else. */
	self: Viewer;
	/** Whether the socket's session still stands (not signed out, ended or reset since). */
	sessionAlive(): Promise<boolean>;
	on<E extends AskEvent>(
		event: E,
		options: ListenOptions<E>,
		handler: (data: AskData<E>) => Promise<Reply<E>>
	): void;
}

/**
 * The one way a socket listens: every question is validated by its schema in the
 * protocol, counted against the handler's token bucket, handled, and answered exactly
 * once through the gate — `invalid_payload`, `rate_limited`, or `unavailable` when the
 * handler throws (logged, never the error itself). An answer `session_ended` also closes
 * the socket, saying why.
 */
export function connection(
	io: IoServer,
	socket: IoSocket,
	db: () => Promise<Database>
): Connection {
	const user = socket.data.user;
	const self: Viewer = { id: user.id, role: 'observer' };
	return {
		io,
		socket,
		user,
		db,
		self,
		sessionAlive: async () =>
			config.supabase
				? sessionStillAlive(await db(), socket.data.sessionId)
				: sessionAlive(await db(), socket.data.sessionId),
		on(event, options, handler) {
			const schema = ASK_SCHEMAS[event];
			// Heard as any event name: the schema above is what types it.
			const name: string = event;
			socket.on(name, async (payload: unknown, ack: unknown) => {
				const reply = (r: Held[typeof event], viewer = self) => answer(ack, viewer, event, r);
				if (options.bucket && !options.bucket.take()) {
					tellSocket(socket, self, TELL.error, { error: 'rate_limited' });
					return reply(refused('rate_limited'));
				}
				const parsed = schema.safeParse(payload);
				if (!parsed.success) return reply(refused('invalid_payload'));
				let result: Reply<typeof event>;
				try {
					result = await handler(parsed.data);
				} catch (err) {
					log.error({ err, event }, 'socket event failed');
					return reply(refused('unavailable'));
				}
				const answered = 'answer' in result ? result.answer : result;
				reply(answered, options.viewer?.(parsed.data));
				if (!answered.ok && answered.error === 'session_ended') endSocket(socket, 'session_ended');
				if ('after' in result)
					await Promise.resolve()
						.then(result.after)
						.catch((err) => log.warn({ err, event }, 'after a socket answer'));
			});
		}
	};
}
