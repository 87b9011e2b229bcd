import type { Database, Principal, Queryable } from '../db';
import type { SessionUser } from '../auth/sessions';
import { contentDigest } from '$lib/domain/application-schemas';
import { enqueueMail } from '../mail/outbox';
import { PROJECT_COLUMNS } from '../teams';
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
 * The submission: the frozen snapshot, its digest and the database's checks; with
 * `receipts`, every member's receipt is enqueued in the submitting transaction (the
 * demo seed submits without).
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
	const snapshot = JSON.parse(JSON.stringify(await buildSnapshot(db, app)));
	const digest = contentDigest(snapshot);
	const outcome = await db.as(user, async (tx) => {
		const [row] = await tx.query<{ outcome: SubmitOutcome }>(
			'select public.submit_application($1, $2, $3, $4) as outcome',
			[id, version, snapshot, digest]
		);
		if (row.outcome === 'submitted' && receipts) await enqueueReceipts(tx, app);
		return row.outcome;
	});
	return outcome === 'submitted' ? { outcome, app, digest } : { outcome };
}

/** Every member's receipt: the time and digest the database recorded, in their language. */
async function enqueueReceipts(tx: Queryable, app: ApplicationView) {
	const [{ submittedAt, digest }] = await tx.query<{ submittedAt: Date; digest: string }>(
		'select submitted_at as "submittedAt", digest from public.applications where id = $1',
		[app.id]
	);
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
