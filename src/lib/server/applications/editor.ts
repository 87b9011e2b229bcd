import type { Database, Principal, Queryable } from '../db';
import { snapshotChangedAt } from '$lib/domain/erasure';
import type { LocalizedText, Locale } from '$lib/domain/locale';
import type { Procedure } from '$lib/domain/procedure';
import type { Answer, Draft, Idea } from '$lib/domain/application-schemas';
import {
	teamCoverage,
	type CommonProject,
	type Coverage,
	type WorkEntry
} from '$lib/domain/experience';
import { month } from '../teams';
import { readScreening, type ScreeningResult } from './screening-result';

export interface ApplicationChallenge {
	id: string;
	slug: string;
	title: LocalizedText;
	primaryLocale: Locale;
	/** Names what a shortlisted team submits its concept as (submissionWords). */
	procedure: Procedure;
	ideaCount: number;
	competenceAreas: string[];
	lookbackYears: number;
	minTeamSize: number;
	requireCommonHistory: boolean;
	deadline: Date | null;
	open: boolean;
	requirements: { id: string; statement: LocalizedText }[];
}

export interface ApplicationDocument {
	id: string;
	requirementId: string | null;
	fileKey: string;
	fileName: string;
	size: number;
}

export interface ApplicationEvent {
	kind: 'submitted' | 'withdrawn';
	at: Date;
	digest: string | null;
}

export interface ApplicationView {
	id: string;
	status: 'draft' | 'submitted';
	version: number;
	updatedAt: Date;
	submittedAt: Date | null;
	digest: string | null;
	/** When the submitted snapshot was de-identified or purged after submission (snapshotChangedAt). */
	snapshotChangedAt: Date | null;
	/** The language of the application: its ideas and answers are in it. */
	lang: Locale;
	team: { id: string; name: string; members: { id: string; name: string }[] };
	challenge: ApplicationChallenge;
	ideas: Idea[];
	answers: Answer[];
	documents: ApplicationDocument[];
	events: ApplicationEvent[];
	coverage: Coverage | null;
	screening: ScreeningResult | null;
}

/**
 * SQL naming the challenge or the team of the application whose id is $1, as row-level
 * security shows it (null when hidden): for reads of an application's parts sent together
 * with the application itself instead of after it (issue 16: one round trip, not four).
 */
const OF_APPLICATION = {
	challenge: '(select challenge_id from public.applications where id = $1)',
	team: '(select team_id from public.applications where id = $1)'
} as const;

/** The challenge facts an application needs, with its deadline (end of the applications stage). */
export function applicationChallenge(
	tx: Queryable,
	challengeId: string
): Promise<ApplicationChallenge | null> {
	return readApplicationChallenge(tx, '$1', challengeId);
}

/** applicationChallenge of the challenge `challenge` (SQL of $1: `$1` or OF_APPLICATION's). */
async function readApplicationChallenge(
	tx: Queryable,
	challenge: string,
	param: string
): Promise<ApplicationChallenge | null> {
	const [[c], requirements] = await Promise.all([
		tx.query<Omit<ApplicationChallenge, 'requirements'>>(
			`select c.id, c.slug, c.title, c.primary_locale as "primaryLocale", c.procedure, c.idea_count as "ideaCount",
			   c.competence_areas as "competenceAreas", c.lookback_years as "lookbackYears",
			   c.min_team_size as "minTeamSize", c.require_common_history as "requireCommonHistory",
			   s.ends_at as deadline, private.applications_open(c.id) as open
			 from public.challenges c
			 left join public.challenge_stages s on s.challenge_id = c.id and s.stage = 'applications'
			 where c.id = ${challenge}`,
			[param]
		),
		tx.query<{ id: string; statement: LocalizedText }>(
			`select id, statement from public.challenge_requirements where challenge_id = ${challenge}
			 order by position`,
			[param]
		)
	]);
	return c ? { ...c, requirements } : null;
}

export type StartResult =
	{ ok: true; id: string } | { ok: false; reason: 'closed' | 'not_member' | 'exists'; id?: string };

/** The team's application to the challenge, if it has one (RLS: the team's members). */
async function existingApplication(tx: Queryable, challengeId: string, teamId: string) {
	const [row] = await tx.query<{ id: string }>(
		'select id from public.applications where challenge_id = $1 and team_id = $2',
		[challengeId, teamId]
	);
	return row ? ({ ok: false, reason: 'exists', id: row.id } as const) : null;
}

/**
 * Starts the team's draft for a challenge, or finds the one it has. The insert decides
 * (one application per team and challenge): members applying at the same moment all end
 * on the one draft, never on a unique violation (issue 11, item 2).
 */
export async function startApplication(
	tx: Queryable,
	challengeId: string,
	teamId: string
): Promise<StartResult> {
	const existing = await existingApplication(tx, challengeId, teamId);
	if (existing) return existing;
	const [check] = await tx.query<{ member: boolean; open: boolean }>(
		'select private.is_team_member($2) as member, private.applications_open($1) as open',
		[challengeId, teamId]
	);
	if (!check.member) return { ok: false, reason: 'not_member' };
	if (!check.open) return { ok: false, reason: 'closed' };
	const [row] = await tx.query<{ id: string }>(
		`insert into public.applications (challenge_id, team_id) values ($1, $2)
		 on conflict (challenge_id, team_id) do nothing returning id`,
		[challengeId, teamId]
	);
	if (row) return { ok: true, id: row.id };
	// A teammate's insert committed between the first look and this one.
	const raced = await existingApplication(tx, challengeId, teamId);
	if (raced) return raced;
	throw new Error('application neither inserted nor found');
}

/** The team's coverage for the challenge, from the members' work history and common projects. */
export async function liveCoverage(
	tx: Queryable,
	teamId: string,
	members: string[],
	challenge: ApplicationChallenge
): Promise<Coverage | null> {
	const [entries, projects] = await coverageRows(tx, '$1', teamId);
	return coverageOf(members, entries, projects, challenge);
}

/** The work entries and common projects of the team `team` (SQL of $1: `$1` or OF_APPLICATION's). */
function coverageRows(tx: Queryable, team: string, param: string) {
	return Promise.all([
		tx.query<WorkEntry>(
			`select user_id as "memberId", area, ${month('start_month')} as start, ${month('end_month')} as "end"
			 from public.team_experience(${team})`,
			[param]
		),
		tx.query<CommonProject>(
			`select ${month('p.start_month')} as start, ${month('p.end_month')} as "end",
			   coalesce(array(select user_id from public.team_project_members pm where pm.project_id = p.id), '{}') as "memberIds"
			 from public.team_projects p where p.team_id = ${team}`,
			[param]
		)
	]);
}

/** teamCoverage of the rows against the challenge's rules at its deadline; null without one. */
function coverageOf(
	members: string[],
	entries: WorkEntry[],
	projects: CommonProject[],
	challenge: ApplicationChallenge
): Coverage | null {
	if (!challenge.deadline) return null;
	return teamCoverage(
		members,
		entries,
		projects,
		{
			areas: challenge.competenceAreas,
			lookbackYears: challenge.lookbackYears,
			minTeamSize: challenge.minTeamSize,
			requireCommonHistory: challenge.requireCommonHistory
		},
		new Date(challenge.deadline)
	);
}

/**
 * An application as its team sees it; null when RLS hides it. Every part is read by the
 * application's id, all sent together (one round trip, issue 16).
 */
export async function getApplication(tx: Queryable, id: string): Promise<ApplicationView | null> {
	const [[app], challenge, members, ideas, answers, documents, events, { screening }, rows] =
		await Promise.all([
			tx.query<
				Pick<
					ApplicationView,
					'id' | 'status' | 'version' | 'updatedAt' | 'submittedAt' | 'digest' | 'lang'
				> & {
					snapshot: unknown;
					teamId: string;
					teamName: string;
				}
			>(
				`select a.id, a.status, a.version, a.updated_at as "updatedAt", a.submitted_at as "submittedAt",
				   a.digest, a.snapshot, a.lang, a.team_id as "teamId", t.name as "teamName"
				 from public.applications a join public.teams t on t.id = a.team_id
				 where a.id = $1 and a.team_id in (select private.my_team_ids())`,
				[id]
			),
			readApplicationChallenge(tx, OF_APPLICATION.challenge, id),
			tx.query<{ id: string; name: string }>(
				`select m.user_id as id, coalesce(nullif(p.display_name, ''), p.email, '') as name
				 from public.team_members m left join public.profiles p on p.id = m.user_id
				 where m.team_id = ${OF_APPLICATION.team} order by m.joined_at`,
				[id]
			),
			tx.query<Idea>(
				`select position, title, problem, idea, value from public.application_ideas
				 where application_id = $1 order by position`,
				[id]
			),
			tx.query<Answer>(
				`select requirement_id as "requirementId", meets, explanation
				 from public.application_answers where application_id = $1`,
				[id]
			),
			tx.query<ApplicationDocument>(
				`select id, requirement_id as "requirementId", file_key as "fileKey", file_name as "fileName", size
				 from public.application_documents where application_id = $1 order by created_at`,
				[id]
			),
			tx.query<ApplicationEvent>(
				`select kind, at, digest from public.application_events where application_id = $1 order by at`,
				[id]
			),
			readScreening(tx, id),
			coverageRows(tx, OF_APPLICATION.team, id)
		]);
	if (!app || !challenge) return null;
	const [entries, projects] = rows;
	return {
		id: app.id,
		status: app.status,
		version: app.version,
		updatedAt: app.updatedAt,
		submittedAt: app.submittedAt,
		digest: app.digest,
		snapshotChangedAt: snapshotChangedAt(app.snapshot),
		lang: app.lang,
		team: { id: app.teamId, name: app.teamName, members },
		challenge,
		ideas,
		answers,
		documents,
		events,
		coverage: coverageOf(
			members.map((m) => m.id),
			entries,
			projects,
			challenge
		),
		screening
	};
}

/**
 * Why a change was refused: the application is not the caller's to see ('unknown', the same
 * answer as for an id that does not exist), or it is no longer a draft.
 */
export async function applicationState(
	tx: Queryable,
	id: string
): Promise<'unknown' | 'draft' | 'not_draft'> {
	const [current] = await tx.query<{ status: string }>(
		'select status from public.applications where id = $1',
		[id]
	);
	if (!current) return 'unknown';
	return current.status === 'draft' ? 'draft' : 'not_draft';
}

export type SaveResult =
	{ ok: true; version: number; savedAt: Date } | { ok: false; reason: SaveRefusal };

/** Why a save was refused (SaveResult): a teammate saved since, not a draft, or unknown. */
export type SaveRefusal = 'conflict' | 'not_draft' | 'unknown';

/**
 * The HTTP status and message key each refused save answers with, the same in every route
 * that saves a draft (autosave, the page's Save, an upload that carries the text): an
 * application the caller cannot see is a 404 like one that does not exist; the others 409.
 */
export const SAVE_REFUSALS = {
	conflict: { status: 409, message: 'error_draft_conflict' },
	not_draft: { status: 409, message: 'error_application_not_draft' },
	unknown: { status: 404, message: 'error_application_unknown' }
} as const satisfies Record<SaveRefusal, { status: number; message: string }>;

/**
 * Saves the draft (and its language, when `draft.lang` names one) if nobody saved since
 * `draft.version` was read; otherwise refuses rather than overwrite a teammate's work. Ideas beyond the challenge's count are kept
 * as typed (the submit check refuses them), answers only for the challenge's requirements.
 */
export async function saveDraft(tx: Queryable, id: string, draft: Draft): Promise<SaveResult> {
	const [row] = await tx.query<SavedRow>(SAVE_DRAFT, saveDraftParams(id, draft));
	return row ? saved(row) : refusedSave(tx, id);
}

/**
 * saveDraft for a request, as `user`: the save is one statement in one round trip
 * (db.asStatement: at a deadline every member saves every few seconds, issue 16); only a
 * refused save asks, in a transaction of its own, why. Returns what saveDraft returns.
 */
export async function saveDraftAs(
	db: Database,
	user: NonNullable<Principal>,
	id: string,
	draft: Draft
): Promise<SaveResult> {
	const [row] = await db.asStatement<SavedRow>(user, SAVE_DRAFT, saveDraftParams(id, draft));
	return row ? saved(row) : db.as(user, (tx) => refusedSave(tx, id));
}

// The save itself, one statement (public.save_draft); no row when it was refused.
const SAVE_DRAFT =
	'select version, updated_at from public.save_draft($1, $2, $3, $4::text::jsonb, $5::text::jsonb)';
type SavedRow = { version: number; updated_at: Date };
const saveDraftParams = (id: string, draft: Draft) => [
	id,
	draft.version,
	draft.lang ?? null,
	JSON.stringify(draft.ideas),
	JSON.stringify(draft.answers)
];
const saved = (row: SavedRow): SaveResult => ({
	ok: true,
	version: row.version,
	savedAt: row.updated_at
});

/** Why save_draft refused: a teammate saved since (conflict), not a draft, or unknown. */
async function refusedSave(tx: Queryable, id: string): Promise<SaveResult> {
	const state = await applicationState(tx, id);
	return { ok: false, reason: state === 'draft' ? 'conflict' : state };
}
