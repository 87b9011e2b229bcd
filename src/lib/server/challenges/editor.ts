import type { Queryable } from '../db';
import type { FieldChange } from '$lib/domain/amendments';
import {
	parseTimetable,
	type Basics,
	type CriteriaForm,
	type RequirementsForm
} from '$lib/domain/challenge-schemas';
import {
	deadlineChangeAllowed,
	conceptsDeadlineWords,
	deadlineRefusalKey,
	judgeSubmissionDeadlines,
	SUBMISSION_DEADLINE_STAGES,
	type RefusedDeadlineChange,
	type SubmissionDeadlineStage
} from '$lib/domain/deadline-change';
import type { Locale } from '$lib/domain/locale';
import { formatDateTime } from '$lib/format';
import { formatFinnishDateTime } from '$lib/domain/finnish-datetime';
import { slugify } from '$lib/domain/slug';
import { planRequirements, type SavedRequirement } from '$lib/domain/requirement-plan';
import type { StageWindow } from '$lib/domain/timetable';
import type { Procedure } from '$lib/domain/challenge';
import type { Stage } from '$lib/domain/stages';
import { publishIssueKey, publishIssues } from '$lib/domain/publish';
import { getChallengeDetail, type ChallengeDetail } from './detail';
import { translate } from '../i18n';

/** Thrown inside the transaction so nothing is saved: a published change needs its reason. */
export class ReasonRequired extends Error {
	constructor() {
		super('An amendment to a published challenge needs a reason');
	}
}

export interface Editor {
	id: string;
	name: string;
}

/**
 * Thrown inside the transaction so nothing is saved: a submission deadline (`stage`'s end,
 * src/lib/domain/deadline-change.ts) may not move so. `messageKey` says why in words.
 */
export class DeadlineRefused extends Error {
	constructor(
		readonly change: RefusedDeadlineChange,
		readonly stage: SubmissionDeadlineStage,
		/** The challenge's procedure, whose words name the concepts deadline. */
		readonly procedure: Procedure
	) {
		super(`The ${stage} deadline change is refused: ${change}`);
	}
	get messageKey(): string {
		return deadlineRefusalKey(this.stage, this.change, this.procedure);
	}
}

/**
 * What `public.amend_challenge` takes (see supabase/migrations/20261130000400_procurement_rules.sql):
 * challenge columns, a whole timetable, whole criteria, or a requirements plan.
 */
interface ChallengeChanges {
	fields?: Record<string, unknown>;
	stages?: {
		stage: string;
		starts_at: Date;
		ends_at: Date;
		/** A day, `YYYY-MM-DD` (the column is a `date`). */
		decision_on: string | null;
		signatory: string | null;
	}[];
	criteria?: {
		stage: string;
		position: number;
		name: unknown;
		description: unknown;
		max_points: number;
	}[];
	requirements?: {
		remove: string[];
		update: { id: string; position: number; statement: unknown }[];
		insert: { position: number; statement: unknown }[];
	};
}

interface AmendResult {
	result: 'saved' | 'amended' | 'unchanged' | 'reason_required' | RefusedDeadlineChange | 'unknown';
	changes?: FieldChange[];
	/** With a refused deadline: the first submission stage refused. */
	stage?: SubmissionDeadlineStage;
}

/**
 * Applies a change through `public.amend_challenge`, the only way a published challenge
 * changes: the database diffs the public record and writes the amendment (author, name
 * and time set by the database) in the same transaction. A draft is saved without one.
 * Returns the changes, or null when the caller is not on the challenge's team. Throws
 * ReasonRequired (a published change without a reason) or DeadlineRefused (the deadline
 * rule of src/lib/domain/deadline-change.ts), so the caller's transaction saves nothing.
 */
async function amend(
	tx: Queryable,
	_editor: Editor,
	id: string,
	reason: string,
	changes: ChallengeChanges
): Promise<{ changes: FieldChange[]; amended: boolean } | null> {
	const [row] = await tx.query<{ r: AmendResult }>(
		// As text: a JS object would otherwise be sent differently by the two drivers.
		'select public.amend_challenge($1, $2::text::jsonb, $3) as r',
		[id, JSON.stringify(changes), reason]
	);
	const r = row.r;
	switch (r.result) {
		case 'unknown':
			return null;
		case 'reason_required':
			throw new ReasonRequired();
		case 'too_soon':
		case 'removed':
		case 'passed': {
			// The database's answer names the stage; its words are the procedure's.
			const [challenge] = await tx.query<{ procedure: Procedure }>(
				'select procedure from public.challenges where id = $1',
				[id]
			);
			throw new DeadlineRefused(r.result, r.stage ?? 'applications', challenge.procedure);
		}
		default:
			return { changes: r.changes ?? [], amended: r.result === 'amended' };
	}
}

/**
 * A new draft in the organisation (RLS: its members only), with no competence areas and
 * no common work history required: the owner chooses them (issue 12: the column defaults,
 * all areas and history required, got published unintended), with a slug made from the
 * title. Drafts may share slugs, so creating one never depends on, nor tells of, drafts
 * the caller cannot see; publishing makes the slug free among published challenges
 * (`x`, else `x-2` …; private.free_challenge_slug). Returns the id and the slug.
 */
export async function createDraft(tx: Queryable, organisationId: string, basics: Basics) {
	const slug = slugify(basics.title[basics.primaryLocale] ?? '') || 'challenge';
	const [row] = await tx.query<{ id: string; slug: string }>(
		`insert into public.challenges (organisation_id, slug, primary_locale, title, summary, body,
		   procedure, contact_name, contact_email, applications_unsealed, competence_areas,
		   require_common_history)
		 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, '{}', false) returning id, slug`,
		[
			organisationId,
			slug,
			basics.primaryLocale,
			basics.title,
			basics.summary,
			basics.body,
			basics.procedure,
			basics.contactName,
			basics.contactEmail,
			basics.applicationsUnsealed ?? false
		]
	);
	return row;
}

export async function saveBasics(
	tx: Queryable,
	editor: Editor,
	id: string,
	b: Basics,
	reason: string
) {
	// The procedure decides the stages, and opting out of sealing decides who reads
	// applications when: both are fixed once published (the database refuses them then).
	const draftOnly = (await isDraft(tx, id))
		? { procedure: b.procedure, applications_unsealed: b.applicationsUnsealed ?? false }
		: {};
	return amend(tx, editor, id, reason, {
		fields: {
			primary_locale: b.primaryLocale,
			title: b.title,
			summary: b.summary,
			body: b.body,
			contact_name: b.contactName,
			contact_email: b.contactEmail,
			...draftOnly
		}
	});
}

async function isDraft(tx: Queryable, id: string) {
	const [row] = await tx.query<{ status: string }>(
		'select status from public.challenges where id = $1',
		[id]
	);
	return row?.status === 'draft';
}

/** The current cover's key of a challenge the caller may see, or null. */
export async function coverOf(tx: Queryable, id: string): Promise<string | null> {
	const [row] = await tx.query<{ cover_image: string | null }>(
		'select cover_image from public.challenges where id = $1',
		[id]
	);
	return row?.cover_image ?? null;
}

export const saveCover = (
	tx: Queryable,
	editor: Editor,
	id: string,
	key: string | null,
	reason: string
) => amend(tx, editor, id, reason, { fields: { cover_image: key } });

export const saveTimetable = (
	tx: Queryable,
	editor: Editor,
	id: string,
	windows: StageWindow[],
	reason: string
) =>
	amend(tx, editor, id, reason, {
		stages: windows.map((w) => ({
			stage: w.stage,
			starts_at: w.startsAt,
			ends_at: w.endsAt,
			decision_on: w.decisionOn ?? null,
			signatory: w.signatory ?? null
		}))
	});

/** A timetable form refused before anything is written: errors by field, as message keys. */
export class TimetableRefused extends Error {
	constructor(
		readonly errors: Record<string, string>,
		readonly inputs: Record<string, string> = {}
	) {
		super('The timetable form is refused');
	}
}

/**
 * The timetable form's save as one capability (issue 11 leftover): reads the challenge's
 * procedure and submission deadlines as the caller may (deadlineContext), parses the form
 * for that procedure (parseTimetable), judges every moved submission deadline on a
 * published challenge — the applications and the final tenders deadline
 * (judgeSubmissionDeadlines, src/lib/domain/deadline-change.ts; public.amend_challenge
 * holds the same rule) — and saves. Throws TimetableRefused with the fields' errors (a
 * deadline too soon, removed or already passed on its stage's `<stage>_end`; a shortened
 * deadline is refused until `confirm_shorten=yes`, with the applications deadlines as
 * `before`/`after` and the final tenders' as `conceptsBefore`/`conceptsAfter`), and
 * ReasonRequired / DeadlineRefused as saveTimetable does. Returns null when the challenge
 * is not there for the caller or the caller is not on its team.
 */
export async function changeTimetable(
	tx: Queryable,
	editor: Editor,
	id: string,
	raw: Record<string, string>,
	locale: Locale
): Promise<{ amended: boolean } | null> {
	const challenge = await deadlineContext(tx, id);
	if (!challenge) return null;
	const parsed = parseTimetable(raw, challenge.procedure);
	if (!parsed.ok) throw new TimetableRefused(parsed.errors);
	// The form shows a deadline to the minute: one left as it was keeps its stored moment
	// (seconds included), so it is not taken for a moved, or a passed and moved, deadline.
	const windows = parsed.data.map((w) => {
		const saved = challenge.deadlines.find((d) => d.stage === w.stage)?.endsAt;
		return saved && formatFinnishDateTime(saved) === formatFinnishDateTime(w.endsAt)
			? { ...w, endsAt: saved }
			: w;
	});
	if (challenge.status === 'published') {
		const verdicts = judgeSubmissionDeadlines(
			challenge.deadlines,
			windows,
			new Date(),
			challenge.noticeDays
		);
		const refused: Record<string, string> = {};
		for (const v of verdicts) {
			if (!deadlineChangeAllowed(v.change))
				refused[`${v.stage}_end`] = deadlineRefusalKey(
					v.stage,
					v.change as RefusedDeadlineChange,
					challenge.procedure
				);
		}
		if (Object.keys(refused).length) throw new TimetableRefused(refused);
		// Shortening asks first: the page shows the warning and a confirmation box.
		const shortened = verdicts.filter((v) => v.change === 'shortened');
		if (shortened.length && raw.confirm_shorten !== 'yes') {
			const errors: Record<string, string> = {};
			const inputs: Record<string, string> = {};
			for (const v of shortened) {
				const before = formatDateTime(v.previous!, locale);
				const after = formatDateTime(v.next!, locale);
				if (v.stage === 'applications') {
					errors.confirm_shorten = 'procurement_deadline_warning';
					Object.assign(inputs, { before, after });
				} else {
					errors.confirm_shorten_concepts = conceptsDeadlineWords(challenge.procedure).warning;
					Object.assign(inputs, { conceptsBefore: before, conceptsAfter: after });
				}
			}
			throw new TimetableRefused(errors, inputs);
		}
	}
	return saveTimetable(tx, editor, id, windows, parsed.reason);
}

export const saveCriteria = (
	tx: Queryable,
	editor: Editor,
	id: string,
	form: CriteriaForm,
	reason: string
) =>
	amend(tx, editor, id, reason, {
		criteria: form.criteria.map((c, i) => ({
			stage: c.stage,
			position: i + 1,
			name: c.name,
			description: c.description,
			max_points: c.maxPoints
		})),
		fields: { price_share: form.priceShare }
	});

export async function saveRequirements(
	tx: Queryable,
	editor: Editor,
	id: string,
	f: RequirementsForm,
	reason: string
) {
	// Rows keep their ids: teams' answers and owners' marks hang on them (on delete cascade).
	const saved = await tx.query<SavedRequirement>(
		'select id, statement from public.challenge_requirements where challenge_id = $1 order by position',
		[id]
	);
	const plan = planRequirements(saved, f.requirements);
	return amend(tx, editor, id, reason, {
		requirements: { remove: plan.remove, update: plan.update, insert: plan.insert },
		fields: {
			competence_areas: f.competenceAreas,
			lookback_years: f.lookbackYears,
			min_team_size: f.minTeamSize,
			require_common_history: f.requireCommonHistory,
			idea_count: f.ideaCount,
			shortlist_count: f.shortlistCount,
			partner_count: f.partnerCount,
			rewards: f.rewards
		}
	});
}

/** public.publish_challenge's answer (supabase/migrations/20261202000501_publish_rules.sql). */
type PublishAnswer = 'published' | 'already' | 'not_ready' | 'unknown';

export type PublishOutcome =
	| { outcome: 'published'; slug: string }
	| { outcome: 'not_ready'; issues: string[] }
	| { outcome: 'not_on_team' }
	| { outcome: 'unknown' };

/**
 * What keeps `challenge` from being published at `now` (publishIssues), worded in the
 * request's language; the deadline ones say the challenge's notice days.
 */
export function publishIssueTexts(challenge: ChallengeDetail, now: Date): string[] {
	return publishIssues(challenge, now).map((issue) =>
		translate(publishIssueKey(issue, challenge.procedure), { count: challenge.deadlineNoticeDays })
	);
}

/**
 * Publishes the draft `id` if it is ready (publishIssues, src/lib/domain/publish.ts, judged
 * at the database's clock, the one public.publish_challenge judges by): 'unknown' when the
 * caller cannot manage it, 'not_ready' with the issues worded, 'not_on_team' when the
 * database refuses (only the challenge team publishes; 'not_ready' there means a teammate
 * changed the draft meanwhile, and the stored draft's issues are answered); a draft published meanwhile (a
 * second click) answers 'published'.
 */
export async function publishDraft(
	tx: Queryable,
	id: string,
	userId: string
): Promise<PublishOutcome> {
	const challenge = await getChallengeDetail(tx, { id }, userId);
	if (!challenge?.canManage) return { outcome: 'unknown' };
	// now() is the transaction's start: the same instant the function below judges at.
	const [clock] = await tx.query<{ now: Date }>('select now() as now');
	const issues = publishIssueTexts(challenge, clock.now);
	if (issues.length) return { outcome: 'not_ready', issues };
	const [row] = await tx.query<{ r: PublishAnswer }>('select public.publish_challenge($1) as r', [
		id
	]);
	if (row.r === 'published' || row.r === 'already')
		return { outcome: 'published', slug: challenge.slug };
	if (row.r === 'not_ready') {
		// A teammate changed the draft since it was read above: judge what is stored now.
		const stored = await getChallengeDetail(tx, { id }, userId);
		if (stored) return { outcome: 'not_ready', issues: publishIssueTexts(stored, clock.now) };
	}
	return { outcome: 'not_on_team' };
}

/** What the timetable form needs to judge a deadline change before saving. */
export interface DeadlineContext {
	procedure: Procedure;
	status: string;
	/** The current submission deadlines (SUBMISSION_DEADLINE_STAGES) the timetable has. */
	deadlines: { stage: SubmissionDeadlineStage; endsAt: Date }[];
	noticeDays: number;
}

/**
 * The challenge's procedure, status, current submission deadlines (the ends of its
 * SUBMISSION_DEADLINE_STAGES) and notice days (public.challenges.deadline_notice_days),
 * as the caller may read them; null when the challenge is not there for the caller.
 */
export async function deadlineContext(tx: Queryable, id: string): Promise<DeadlineContext | null> {
	const [row] = await tx.query<Omit<DeadlineContext, 'deadlines'>>(
		`select c.procedure, c.status, c.deadline_notice_days as "noticeDays"
		 from public.challenges c where c.id = $1`,
		[id]
	);
	if (!row) return null;
	const deadlines = await tx.query<{ stage: SubmissionDeadlineStage; endsAt: Date }>(
		`select s.stage, s.ends_at as "endsAt" from public.challenge_stages s
		 where s.challenge_id = $1 and s.stage = any($2::text[])`,
		[id, [...SUBMISSION_DEADLINE_STAGES]]
	);
	return { ...row, deadlines };
}

/** The stages in the challenge's timetable, for the criteria form (empty if not a member). */
export async function stagesInUse(tx: Queryable, id: string): Promise<Stage[]> {
	const rows = await tx.query<{ stage: Stage }>(
		`select s.stage from public.challenge_stages s where s.challenge_id = $1
		 and private.is_challenge_member(s.challenge_id)`,
		[id]
	);
	return rows.map((r) => r.stage);
}
