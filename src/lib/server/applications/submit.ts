import type { Database, Principal } from '../db';
import type { SessionUser } from '../auth/sessions';
import { pickLocalized } from '$lib/domain/locale';
import { formatDateTime } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { sendLetter } from '../mail/messages';
import { log } from '../log';
import { teamRecipients } from '../teams';
import { getApplication, type ApplicationView } from './editor';

export type { Snapshot } from '$lib/domain/application-snapshot';

export type SubmitOutcome =
	'submitted' | 'closed' | 'stale' | 'not_draft' | 'ideas' | 'answers' | 'unknown';

/**
 * Submits the draft as read at `version` and mails every member a receipt. The database
 * decides the deadline by its own clock, so a submission one second late is refused
 * however the request was timed.
 */
export async function submitApplication(
	db: Database,
	user: SessionUser,
	id: string,
	version: number,
	origin: string
): Promise<SubmitOutcome> {
	const submitted = await recordSubmission(db, user, id, version);
	if (submitted.outcome === 'submitted')
		await mailReceipts(db, submitted.app, submitted.digest, origin);
	return submitted.outcome;
}

/**
 * The submission without the receipts. The database checks the deadline, the draft's
 * version, ideas and answers, and builds the snapshot and its digest itself from the rows
 * it locks (public.submit_application): nothing the caller sends is frozen. Returns the
 * digest the database stored.
 */
export async function recordSubmission(
	db: Database,
	user: NonNullable<Principal>,
	id: string,
	version: number
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
		const [{ digest }] = await tx.query<{ digest: string }>(
			'select digest from public.applications where id = $1',
			[id]
		);
		return { outcome, digest };
	});
	if (result.outcome !== 'submitted') return { outcome: result.outcome };
	return { outcome: 'submitted', app, digest: result.digest! };
}

async function mailReceipts(db: Database, app: ApplicationView, digest: string, origin: string) {
	const { recipients, submittedAt } = await db.service('application receipts', async (tx) => ({
		recipients: await teamRecipients(tx, app.team.id),
		submittedAt: (
			await tx.query<{ at: Date }>(
				'select submitted_at as at from public.applications where id = $1',
				[app.id]
			)
		)[0].at
	}));
	const url = new URL(`/applications/${app.id}`, origin).href;
	for (const to of recipients) {
		const opts = { locale: to.locale };
		const challenge = pickLocalized(
			app.challenge.title,
			to.locale,
			app.challenge.primaryLocale
		).text;
		const time = formatDateTime(submittedAt, to.locale);
		await sendLetter(to, m.mail_receipt_subject({ challenge }, opts), [
			m.mail_receipt_body({ team: app.team.name, challenge, time }, opts),
			`SHA-256: ${digest}`,
			url
		]).catch((err) => log.error({ err, application: app.id }, 'receipt mail failed'));
	}
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
