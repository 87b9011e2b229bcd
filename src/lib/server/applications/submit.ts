import type { Database, Principal } from '../db';
import type { SessionUser } from '../auth/sessions';
import { contentDigest } from '$lib/domain/application-schemas';
import { pickLocalized } from '$lib/domain/locale';
import { formatDateTime } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { sendLetter } from '../mail/messages';
import { log } from '../log';
import { PROJECT_COLUMNS, teamRecipients } from '../teams';
import { WORK_ENTRY_COLUMNS } from '../work-history';
import { getApplication, type ApplicationView } from './editor';

/**
 * Everything the owners will judge, frozen: the team, each member's work history in
 * full, the common projects, the ideas, the answers and documents, and the coverage
 * as it stood. Its digest is what every member receives.
 */
export async function buildSnapshot(db: Database, app: ApplicationView) {
	const memberIds = app.team.members.map((x) => x.id);
	// The submitting member may not read teammates' full entries; the snapshot is a named job.
	const { workHistory, projects, team } = await db.service('application snapshot', async (tx) => ({
		team: (
			await tx.query<{ homeOrganisations: string[]; description: string }>(
				`select home_organisations as "homeOrganisations", description from public.teams where id = $1`,
				[app.team.id]
			)
		)[0],
		workHistory: await tx.query(
			`select ${WORK_ENTRY_COLUMNS}, user_id as "memberId"
			 from public.work_entries where user_id = any($1::uuid[]) order by user_id, start_month`,
			[memberIds]
		),
		projects: await tx.query(
			`select ${PROJECT_COLUMNS} from public.team_projects p where p.team_id = $1
			 order by p.start_month, p.id`,
			[app.team.id]
		)
	}));
	return {
		application: app.id,
		challenge: { id: app.challenge.id, slug: app.challenge.slug },
		deadline: app.challenge.deadline,
		team: { id: app.team.id, name: app.team.name, ...team, members: app.team.members },
		workHistory,
		commonProjects: projects,
		ideas: app.ideas.filter((i) => i.position <= app.challenge.ideaCount),
		answers: app.challenge.requirements.map((r) => ({
			requirementId: r.id,
			statement: r.statement,
			meets: app.answers.find((a) => a.requirementId === r.id)?.meets ?? null,
			explanation: app.answers.find((a) => a.requirementId === r.id)?.explanation ?? ''
		})),
		documents: app.documents.map(({ requirementId, fileKey, fileName, size }) => ({
			requirementId,
			fileKey,
			fileName,
			size
		})),
		coverage: app.coverage
	};
}
export type Snapshot = Awaited<ReturnType<typeof buildSnapshot>>;

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

/** The submission without the receipts: the frozen snapshot, its digest and the database's checks. */
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
	const snapshot = JSON.parse(JSON.stringify(await buildSnapshot(db, app)));
	const digest = contentDigest(snapshot);
	const [row] = await db.as(user, (tx) =>
		tx.query<{ outcome: SubmitOutcome }>(
			'select public.submit_application($1, $2, $3, $4) as outcome',
			[id, version, snapshot, digest]
		)
	);
	const { outcome } = row;
	return outcome === 'submitted' ? { outcome, app, digest } : { outcome };
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
