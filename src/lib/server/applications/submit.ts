import type { Database, Principal, Queryable } from '../db';
import type { SessionUser } from '../auth/sessions';
import { enqueueMail } from '../mail/outbox';
import { getApplication, type ApplicationView } from './editor';

export type { Snapshot } from '$lib/domain/application-snapshot';

export type SubmitOutcome =
	'submitted' | 'closed' | 'stale' | 'not_draft' | 'ideas' | 'answers' | 'unknown';

/**
 * Submits the draft as read at `version` and, in the same transaction, enqueues a
 * receipt for every member. The database decides the deadline by its own clock, so a
 * submission one second late is refused however the request was timed.
 */
export async function submitApplication(
	db: Database,
	user: SessionUser,
	id: string,
	version: number
): Promise<SubmitOutcome> {
	return (await recordSubmission(db, user, id, version, { receipts: true })).outcome;
}

/**
 * The submission. The database checks the deadline, the draft's version, ideas and
 * answers, and builds the snapshot and its digest itself from the rows it locks
 * (public.submit_application): nothing the caller sends is frozen. With `receipts`,
 * every member's receipt is enqueued in the submitting transaction (the demo seed
 * submits without). Returns the digest the database stored.
 */
export async function recordSubmission(
	db: Database,
	user: NonNullable<Principal>,
	id: string,
	version: number,
	{ receipts = false }: { receipts?: boolean } = {}
): Promise<
	| { outcome: 'submitted'; app: ApplicationView; digest: string }
	| { outcome: Exclude<SubmitOutcome, 'submitted'> }
> {
	const app = await db.as(user, (tx) => getApplication(tx, id));
	if (!app) return { outcome: 'unknown' };
	if (app.status !== 'draft') return { outcome: 'not_draft' };
	if (app.version !== version) return { outcome: 'stale' };
	const result = await db.as(user, async (tx) => {
		const [{ outcome }] = await tx.query<{ outcome: SubmitOutcome }>(
			'select public.submit_application($1, $2) as outcome',
			[id, version]
		);
		if (outcome !== 'submitted') return { outcome };
		const digest = await enqueueReceipts(tx, app, receipts);
		return { outcome, digest };
	});
	if (result.outcome !== 'submitted') return { outcome: result.outcome };
	return { outcome: 'submitted', app, digest: result.digest! };
}

/**
 * Reads the time and digest the database recorded and, with `receipts`, enqueues every
 * member's receipt with them, in their language. Returns the digest.
 */
async function enqueueReceipts(tx: Queryable, app: ApplicationView, receipts: boolean) {
	const [{ submittedAt, digest }] = await tx.query<{ submittedAt: Date; digest: string }>(
		'select submitted_at as "submittedAt", digest from public.applications where id = $1',
		[app.id]
	);
	if (!receipts) return digest;
	await enqueueMail(
		tx,
		'receipt',
		{ teamId: app.team.id },
		{
			title: app.challenge.title,
			primaryLocale: app.challenge.primaryLocale,
			team: app.team.name,
			submittedAt: new Date(submittedAt).toISOString(),
			digest,
			path: `/applications/${app.id}`
		}
	);
	return digest;
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
