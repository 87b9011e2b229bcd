import type { Database } from '../db';
import type { Locale } from '$lib/domain/locale';
import { log } from '../log';
import { renderMail, secretParams, Unrenderable } from './templates';
import type { Deliver } from './transport';

export interface WorkerOptions {
	/** How often the outbox is looked at when idle. */
	pollMs: number;
	/** Rows claimed per round. */
	batch: number;
	/** Deliveries tried before the worker gives up on a row. */
	maxAttempts: number;
	/** Wait after the first failure; doubled after each further one … */
	backoffMs: number;
	/** … up to this. */
	maxBackoffMs: number;
	/** How long a claimed row stays with this worker before another may retry it. */
	leaseMs: number;
	/**
	 * Work that enqueues mail off the request, run before each round (the password-reset
	 * requests, auth/reset-requests.ts); a failure is logged and the round goes on.
	 */
	prepare: ((db: Database) => Promise<unknown>) | null;
}

export const DEFAULT_WORKER_OPTIONS: WorkerOptions = {
	pollMs: 500,
	batch: 20,
	maxAttempts: 8,
	backoffMs: 5_000,
	maxBackoffMs: 3_600_000,
	leaseMs: 120_000,
	prepare: null
};

/** Wait before the next try after `attempts` failed ones: backoff · 2^(attempts−1), capped. */
export function backoffMs(attempts: number, o: Pick<WorkerOptions, 'backoffMs' | 'maxBackoffMs'>) {
	return Math.min(o.maxBackoffMs, o.backoffMs * 2 ** Math.max(0, attempts - 1));
}

interface Claimed {
	id: string;
	template: string;
	to_email: string;
	to_name: string;
	locale: Locale;
	params: Record<string, unknown>;
	attempts: number;
}

/**
 * Delivers the outbox (private.mail_outbox). Each round claims due rows with
 * `for update skip locked` and moves them a lease ahead in one short transaction, so two
 * workers (two app instances) never claim one row at once, and sends outside any
 * transaction (SMTP never holds a connection or PGlite's single one). A delivered row
 * gets sent_at; a failed one is retried after exponential backoff and, after
 * maxAttempts, given up (failed_at, last_error). A row that cannot be rendered is given
 * up at once. Tokens in the params of link mails are removed when the row is done.
 */
export class MailWorker {
	readonly options: WorkerOptions;
	private timer: ReturnType<typeof setTimeout> | null = null;
	private running: Promise<unknown> = Promise.resolve();
	private stopped = true;
	/** Rounds started so far: a round's number is its place in this count. */
	private started = 0;
	/** Who waits for caughtUp(), each with the number of rounds started when it asked. */
	private waiting: { since: number; resolve: () => void }[] = [];

	constructor(
		private readonly db: Database,
		private readonly deliver: Deliver,
		options: Partial<WorkerOptions> = {}
	) {
		this.options = { ...DEFAULT_WORKER_OPTIONS, ...options };
	}

	/** Starts polling; harmless when already started. */
	start() {
		if (!this.stopped) return;
		this.stopped = false;
		this.schedule(0);
	}

	/** Stops polling and waits for the round in progress to finish (its sends included). */
	async stop() {
		this.stopped = true;
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		await this.running;
	}

	/**
	 * Resolves after the next polling round that starts after the call and claims fewer
	 * mails than a batch: the outbox held nothing more that was due when the call was made
	 * (mail failing to send waits for its retry). A round already claiming when the call is
	 * made does not count: it may have missed mail enqueued just before the call.
	 * The start-up prints the demo accounts after the demo's own mail, so the password is
	 * not scrolled away by a hundred log lines. Never resolves while the worker is stopped.
	 */
	caughtUp(): Promise<void> {
		return new Promise((resolve) => this.waiting.push({ since: this.started, resolve }));
	}

	private schedule(ms: number) {
		if (this.stopped) return;
		this.timer = setTimeout(() => {
			this.timer = null;
			const number = ++this.started;
			const round = this.runOnce()
				.catch((err) => log.error({ err }, 'mail outbox round failed'))
				.then((n) => {
					const full = n === this.options.batch;
					if (!full) {
						const done = this.waiting.filter((w) => w.since < number);
						this.waiting = this.waiting.filter((w) => w.since >= number);
						for (const w of done) w.resolve();
					}
					this.schedule(full ? 0 : this.options.pollMs);
				});
			this.running = round;
		}, ms);
		this.timer.unref?.();
	}

	/** One round: claims due rows and tries each once. Returns how many were claimed. */
	async runOnce(): Promise<number> {
		const o = this.options;
		if (o.prepare) {
			await o.prepare(this.db).catch((err) => log.error({ err }, 'mail outbox: prepare failed'));
		}
		const rows = await this.db.service('mail outbox: claim', (tx) =>
			tx.query<Claimed>(
				`update private.mail_outbox
				 set attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
				 where id in (
				   select id from private.mail_outbox
				   where sent_at is null and failed_at is null and next_attempt_at <= now()
				   order by next_attempt_at, id limit $1
				   for update skip locked)
				 returning id::text, template, to_email, to_name, locale, params, attempts`,
				[o.batch, o.leaseMs / 1000]
			)
		);
		for (const row of rows) await this.attempt(row);
		return rows.length;
	}

	private async attempt(row: Claimed) {
		const o = this.options;
		let error: string | null = null;
		let giveUp = false;
		try {
			const mail = renderMail(row.template, row.params, {
				email: row.to_email,
				name: row.to_name,
				locale: row.locale
			});
			await this.deliver(mail);
		} catch (err) {
			error = err instanceof Error ? err.message : String(err);
			giveUp = err instanceof Unrenderable || row.attempts >= o.maxAttempts;
			log.warn(
				{ id: row.id, template: row.template, attempts: row.attempts, giveUp, error },
				'mail delivery failed'
			);
		}
		const done = !error || giveUp;
		await this.db.service('mail outbox: result', (tx) =>
			tx.query(
				`update private.mail_outbox set
				   sent_at = case when $2::text is null then now() end,
				   failed_at = case when $3 then now() end,
				   last_error = $2::text,
				   next_attempt_at = now() + make_interval(secs => $4),
				   params = case when $5 then params - $6::text[] else params end
				 where id = $1::bigint`,
				[
					row.id,
					error?.slice(0, 2000) ?? null,
					Boolean(error && giveUp),
					error ? backoffMs(row.attempts, o) / 1000 : 0,
					done,
					secretParams(row.template)
				]
			)
		);
	}
}
