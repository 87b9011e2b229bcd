import type { Database, Principal } from '../db';
import type { SessionUser } from '../auth/sessions';
import { draftFromForm, draftSchema } from '$lib/domain/application-schemas';
import { saveDraftAs } from './editor';

export type { Snapshot } from '$lib/domain/application-snapshot';

export type SubmitOutcome =
	'submitted' | 'closed' | 'stale' | 'not_draft' | 'ideas' | 'answers' | 'unknown';

/**
 * Submits the draft as read at `version`; the database enqueues a receipt for every
 * member in the same transaction (private.mail_receipt). The database decides the deadline by its own clock, so a
 * submission one second late is refused however the request was timed.
 */
export async function submitApplication(
	db: Database,
	user: SessionUser,
	id: string,
	version: number
): Promise<SubmitOutcome> {
	return (await submitDraft(db, user, id, version)).outcome;
}

/**
 * submitApplication with what a refusal needs to be told in words: the number of ideas
 * the challenge asks for, read only for the 'ideas' refusal (null otherwise).
 * The route maps the outcome to HTTP and reads nothing more.
 */
export async function submitDraft(
	db: Database,
	user: SessionUser,
	id: string,
	version: number
): Promise<{ outcome: SubmitOutcome; ideaCount: number | null }> {
	const { outcome } = await recordSubmission(db, user, id, version);
	if (outcome !== 'ideas') return { outcome, ideaCount: null };
	const [row] = await db.as(user, (tx) =>
		tx.query<{ ideaCount: number }>(
			`select c.idea_count as "ideaCount" from public.applications a
			 join public.challenges c on c.id = a.challenge_id where a.id = $1`,
			[id]
		)
	);
	return { outcome, ideaCount: row?.ideaCount ?? null };
}

/**
 * The submission, in one transaction of two statements. The database decides everything
 * under the application's row lock (public.submit_application): that it is the caller's
 * team's ('unknown'), still a draft ('not_draft'), before the deadline by its own clock
 * ('closed', the attempt recorded), at `version` ('stale'), with its ideas and answers;
 * it builds the snapshot and its digest from the rows it locks (nothing the caller sends
 * is frozen) and enqueues every member's receipt. Nothing is read before: at a deadline
 * every query in front of the lock is time the queue grows (issue 16, bench:deadline).
 * Returns the outcome, and the digest the database stored when submitted.
 */
export async function recordSubmission(
	db: Database,
	user: NonNullable<Principal>,
	id: string,
	version: number
): Promise<
	{ outcome: 'submitted'; digest: string } | { outcome: Exclude<SubmitOutcome, 'submitted'> }
> {
	return db.as(user, async (tx) => {
		const [{ outcome }] = await tx.query<{ outcome: SubmitOutcome }>(
			'select public.submit_application($1, $2) as outcome',
			[id, version]
		);
		if (outcome !== 'submitted') return { outcome };
		const [{ digest }] = await tx.query<{ digest: string }>(
			'select digest from public.applications where id = $1',
			[id]
		);
		return { outcome, digest };
	});
}

export type WithdrawOutcome = 'withdrawn' | 'closed' | 'not_submitted' | 'unknown';

export async function withdrawApplication(
	db: Database,
	user: SessionUser,
	id: string
): Promise<WithdrawOutcome> {
	const [row] = await db.as(user, (tx) =>
		tx.query<{ outcome: WithdrawOutcome }>('select public.withdraw_application($1) as outcome', [
			id
		])
	);
	return row.outcome;
}

/**
 * The submit action's post. Refuses ('file_pending') when a document is chosen in a file
 * field but was never uploaded: without JavaScript the submit button posts the editor's
 * form, where a chosen file arrives as its name (issue 12, Solver: a chosen file was
 * dropped on submit while readiness showed ✓). When the post carries the editor's text
 * it is saved first and that version submitted, so nothing typed is left out.
 * Returns the outcome as submitDraft does.
 */
export async function submitPosted(
	db: Database,
	user: SessionUser,
	id: string,
	raw: Record<string, string>
): Promise<{ outcome: SubmitOutcome | 'file_pending' | 'invalid'; ideaCount: number | null }> {
	let version = Number(raw.version);
	if (!Number.isInteger(version)) return { outcome: 'invalid', ideaCount: null };
	const pending = Object.entries(raw).some(([k, v]) => k.startsWith('file_') && v.trim() !== '');
	if (pending) return { outcome: 'file_pending', ideaCount: null };
	const hasText = Object.keys(raw).some((k) => /^(idea\d|req_)/.test(k));
	if (hasText) {
		const parsed = draftSchema.safeParse(draftFromForm(raw));
		if (!parsed.success) return { outcome: 'invalid', ideaCount: null };
		const saved = await saveDraftAs(db, user, id, parsed.data);
		if (!saved.ok) {
			const outcome = saved.reason === 'conflict' ? 'stale' : saved.reason;
			return { outcome, ideaCount: null };
		}
		version = saved.version;
	}
	return submitDraft(db, user, id, version);
}
