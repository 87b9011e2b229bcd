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
type Reminders = ReturnType<typeof startFeedbackReminders>;
type WithWorker = typeof globalThis & { [KEY]?: MailWorker; [REMINDERS]?: Reminders };

/**
 * Starts the process's outbox worker (hooks.server.ts init, so in `npm run dev` and in
 * server.js alike), which resolves password-reset requests before each round, and the
 * feedback reminder check (issue 12); warns once when production has no SMTP_URL.
 * Returns `caughtUp`, which resolves once the reminder check's first run has enqueued its
 * mail and a worker round after it found nothing more due (MailWorker.caughtUp).
 */
export function startMailWorker(db: Database): { caughtUp: () => Promise<void> } {
	const g = globalThis as WithWorker;
	if (!g[KEY]) {
		const warning = mailWarning(config);
		if (warning) log.warn(warning);
		g[KEY] = new MailWorker(db, createDelivery(config), {
			prepare: (db) => resolveResetRequests(db)
		});
	}
	const worker = g[KEY];
	worker.start();
	const reminders = (g[REMINDERS] ??= startFeedbackReminders(db));
	return { caughtUp: () => reminders.first.then(() => worker.caughtUp()) };
}

/** Stops the worker, letting a round in progress finish (called on shutdown). */
export async function stopMailWorker(): Promise<void> {
	const g = globalThis as WithWorker;
	g[REMINDERS]?.stop();
	g[REMINDERS] = undefined;
	await g[KEY]?.stop();
}
