import type { Database, Queryable } from './db';
import { FEEDBACK_STATUSES, type FeedbackStatus } from '$lib/domain/feedback';
import type { ListFilter } from '$lib/domain/list-filter';
import type { AdminFeedbackChoice } from '$lib/domain/list-queries';
import { readPage, type Paged } from '$lib/domain/paging';
import { holdsWords, isChoice } from './list-sql';
import type { Locale } from '$lib/domain/locale';
import { log } from './log';

export interface Feedback {
	message: string;
	page: string;
	contactEmail: string;
}

/**
 * Stores accessibility feedback from anyone (RLS lets anon and users insert, admins
 * read). The database counts it against the 'feedback' limit per user, or for a visitor
 * per `address` (set for the transaction as talkoot.client_address), and refuses over
 * it with TK429.
 */
export async function submitAccessibilityFeedback(
	tx: Queryable,
	feedback: Feedback,
	locale: Locale,
	address: string
) {
	await tx.query(`select set_config('talkoot.client_address', $1, true)`, [address]);
	await tx.query(
		`insert into public.accessibility_feedback (message, page, contact_email, locale)
		 values ($1, $2, $3, $4)`,
		[feedback.message, feedback.page, feedback.contactEmail || null, locale]
	);
}

export interface FeedbackItem extends Feedback {
	id: string;
	createdAt: Date;
	locale: Locale;
	status: FeedbackStatus;
	handlerId: string | null;
	reply: string | null;
	repliedAt: Date | null;
	/** Where a reply goes: the contact address given, else the sender's account's; '' for none. */
	replyTo: string;
}

/** How many feedback items the admin page shows on one page. */
export const FEEDBACK_PAGE_SIZE = 50;

const FEEDBACK_FOLDED = `public.search_fold(f.message || ' ' || f.page)`;

/**
 * Page `page` (1-based; outside the list the nearest, pageWindow) of the accessibility
 * feedback for the admin page (RLS: platform admins only; others get none), `size` items:
 * open items first, oldest first (the nearest to their 14 days), then the answered and
 * closed ones, newest first; only those of `filter`'s status whose message or page holds
 * its words. The database filters, counts and pages (issue 16: the list was cut at 200
 * without a word). `found` counts the search's items by status.
 */
export async function accessibilityFeedbackPage(
	tx: Queryable,
	filter: ListFilter<AdminFeedbackChoice>,
	page: number,
	size = FEEDBACK_PAGE_SIZE
): Promise<Paged<FeedbackItem> & { found: Record<AdminFeedbackChoice, number> }> {
	const where = holdsWords(FEEDBACK_FOLDED, '$1', filter.words);
	const [found] = await tx.query<Record<AdminFeedbackChoice, number>>(
		`select count(*)::int as "all", ${FEEDBACK_STATUSES.map(
			(status) => `count(*) filter (where f.status = '${status}')::int as ${status}`
		).join(', ')}
		 from public.accessibility_feedback f where ${where}`,
		[filter.words]
	);
	const paged = await readPage(found[filter.state], page, size, (limit, offset) =>
		tx.query<FeedbackItem>(
			`select f.id, f.created_at as "createdAt", f.message, f.page,
			   coalesce(f.contact_email, '') as "contactEmail", f.locale, f.status,
			   f.handler_id as "handlerId", f.reply, f.replied_at as "repliedAt",
			   coalesce(nullif(btrim(f.contact_email), ''), p.email, '') as "replyTo"
			 from public.accessibility_feedback f left join public.profiles p on p.id = f.user_id
			 where ${where} and ${isChoice('f.status', '$2', filter.state)}
			 order by f.status in ('answered', 'closed'),
			   case when f.status in ('new', 'in_progress') then f.created_at end,
			   f.created_at desc, f.id
			 limit $3 offset $4`,
			[filter.words, filter.state, limit, offset]
		)
	);
	return { ...paged, found };
}

/** Every platform admin, by name, for the handler choice (empty for anyone else). */
export function listFeedbackHandlers(tx: Queryable) {
	return tx.query<{ userId: string; name: string }>(
		'select user_id as "userId", name from public.feedback_handlers()'
	);
}

export type FeedbackUpdateOutcome = 'saved' | 'unknown' | 'not_admin' | 'forbidden';

/** Sets an item's status and handler (public.update_accessibility_feedback: platform admins). */
export async function updateAccessibilityFeedback(
	tx: Queryable,
	id: string,
	status: FeedbackStatus,
	handlerId: string | null
): Promise<FeedbackUpdateOutcome> {
	const [row] = await tx.query<{ outcome: FeedbackUpdateOutcome }>(
		'select public.update_accessibility_feedback($1, $2, $3) as outcome',
		[id, status, handlerId]
	);
	return row.outcome;
}

export type FeedbackReplyOutcome = 'sent' | 'no_address' | 'unknown' | 'forbidden';

/**
 * Replies to the sender (public.reply_to_accessibility_feedback: platform admins): the
 * reply is mailed through the outbox in the language the feedback was written in, and
 * the item becomes answered.
 */
export async function replyToAccessibilityFeedback(
	tx: Queryable,
	id: string,
	reply: string
): Promise<FeedbackReplyOutcome> {
	const [row] = await tx.query<{ outcome: FeedbackReplyOutcome }>(
		'select public.reply_to_accessibility_feedback($1, $2) as outcome',
		[id, reply]
	);
	return row.outcome;
}

/**
 * The scheduled check: mails a reminder of each open item near its 14 days
 * (private.remind_accessibility_feedback, as the server's own connection). Returns how
 * many items were reminded of.
 */
export async function remindOfOpenFeedback(db: Database): Promise<number> {
	const [row] = await db.service('feedback reminders', (tx) =>
		tx.query<{ n: number }>('select private.remind_accessibility_feedback() as n')
	);
	return row.n;
}

/**
 * Runs remindOfOpenFeedback at once and then every `everyMs` (default 10 minutes) in the
 * server process, beside the mail worker that delivers what it enqueues; the database
 * marks each item reminded, so several instances never mail one twice. Returns the stop
 * function and `first`, which resolves when the first check has enqueued its mail (or
 * failed and logged it): the start-up waits for it before it says the outbox is caught up.
 */
export function startFeedbackReminders(
	db: Database,
	everyMs = 600_000
): { stop: () => void; first: Promise<void> } {
	const run = () =>
		remindOfOpenFeedback(db)
			.then((n) => {
				if (n) log.info({ n }, 'accessibility feedback reminders enqueued');
			})
			.catch((err) => log.error({ err }, 'accessibility feedback reminders failed'));
	const first = run();
	const timer = setInterval(run, everyMs);
	timer.unref?.();
	return { stop: () => clearInterval(timer), first };
}
