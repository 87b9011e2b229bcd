import type { Database } from '../db';
import { config } from '../config';
import { log } from '../log';
import { createDelivery, mailWarning } from './transport';
import { MailWorker } from './worker';

// One worker per process, kept across Vite's hot reloads like the database.
const KEY = Symbol.for('talkoot.mailWorker');
type WithWorker = typeof globalThis & { [KEY]?: MailWorker };

/**
 * Starts the process's outbox worker (hooks.server.ts init, so in `npm run dev` and in
 * server.js alike); warns once when production has no SMTP_URL. Returns the worker.
 */
export function startMailWorker(db: Database): MailWorker {
	const g = globalThis as WithWorker;
	if (!g[KEY]) {
		const warning = mailWarning(config);
		if (warning) log.warn(warning);
		g[KEY] = new MailWorker(db, createDelivery(config));
	}
	g[KEY].start();
	return g[KEY];
}

/** Stops the worker, letting a round in progress finish (called on shutdown). */
export async function stopMailWorker(): Promise<void> {
	await (globalThis as WithWorker)[KEY]?.stop();
}
