import type { Database } from '../db';
import { config } from '../config';
import { log } from '../log';
import { createDelivery, mailWarning } from './transport';
import { MailWorker } from './worker';
import { resolveResetRequests } from '../auth/reset-requests';
import { startFeedbackReminders } from '../feedback';

// One worker per process, kept across Vite's hot reloads like the database.
const KEY = Symbol.for('talkoot.mailWorker');
// Beside it, the scheduled check that enqueues reminders of feedback near its 14 days.
const REMINDERS = Symbol.for('talkoot.feedbackReminders');
type WithWorker = typeof globalThis & { [KEY]?: MailWorker; [REMINDERS]?: () => void };

/**
 * Starts the process's outbox worker (hooks.server.ts init, so in `npm run dev` and in
 * server.js alike), which resolves password-reset requests before each round, and the
 * feedback reminder check (issue 12); warns once when production has no SMTP_URL.
 * Returns the worker.
 */
export function startMailWorker(db: Database): MailWorker {
	const g = globalThis as WithWorker;
	if (!g[KEY]) {
		const warning = mailWarning(config);
		if (warning) log.warn(warning);
		g[KEY] = new MailWorker(db, createDelivery(config), {
			prepare: (db) => resolveResetRequests(db)
		});
	}
	g[KEY].start();
	g[REMINDERS] ??= startFeedbackReminders(db);
	return g[KEY];
}

/** Stops the worker, letting a round in progress finish (called on shutdown). */
export async function stopMailWorker(): Promise<void> {
	const g = globalThis as WithWorker;
	g[REMINDERS]?.();
	g[REMINDERS] = undefined;
	await g[KEY]?.stop();
}
