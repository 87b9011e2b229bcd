/**
 * The juror's side of the jury (issue 13, "Jurors can"): accept an invitation, list one's
 * juries, declare conflicts of interest, open an item as it was frozen, score it, and in
 * the consensus step comment and revise. Small verb functions taking a transaction the
 * caller opened as the juror (`db.as(user, …)`): row-level security and the definer
 * functions of supabase/migrations/20261205000100_jury.sql and 20261206000200_juror_reads.sql
 * decide what the juror sees and may do. A refusal is the database's (TK422 / 42501 with a
 * `jury_…` hint), thrown on unchanged for src/lib/server/http/jury-refusals.ts to word.
 */
import type { Queryable } from '../db';
import type { FinalTenderSnapshot } from '../concepts';
import { hashToken } from '../auth/tokens';
import { renderMarkdown } from '../markdown';
import { isChoice } from '../list-sql';
import type { Locale, LocalizedText } from '$lib/domain/locale';
import type { EvaluatedStage } from '$lib/domain/stages';
import type { Procedure } from '$lib/domain/procedure';
import { jurorItemKind, type JuryItemKind } from '$lib/domain/jury/item-kind';
import { revisionSchema, scoreFormSchema, type ScoreEntry } from '$lib/domain/jury/score-form';
import {
	snapshotLangs,
	withCoverage,
	type Snapshot,
	type SnapshotLangs
} from '$lib/domain/application-snapshot';
import type { Coverage } from '$lib/domain/experience';
import { isUuid } from '$lib/domain/route-params';
import { readPage, type Paged } from '$lib/domain/paging';
import {
	ITEM_STATUS_CHOICES,
	type AssignedStatus,
	type ItemStatusChoice
} from '$lib/domain/jury/item-filter';

/** What the jury invitation page shows before anyone signs in. */
export interface JuryInvitationPreview {
	title: LocalizedText;
	primaryLocale: Locale;
	/** The challenge's procedure, which names the stage (stageLabel). */
	procedure: Procedure;
	stage: EvaluatedStage;
	invitedEmail: string;
	inviterName: string;
	/** 'withdrawn': the chair took the invitation back (public.jury_withdraw_invitation). */
	status: 'open' | 'accepted' | 'expired' | 'withdrawn';
}

/**
 * The invitation the mailed `token` stands for (public.jury_invitation_preview: anyone
 * holding the link, signed in or not), or null for an unknown token.
 */
export async function juryInvitationPreview(
	tx: Queryable,
	token: string
): Promise<JuryInvitationPreview | null> {
	const [row] = await tx.query<JuryInvitationPreview>(
		`select title, primary_locale as "primaryLocale", procedure, stage, invited_email as "invitedEmail",
		   inviter_name as "inviterName", status
		 from public.jury_invitation_preview($1)`,
		[hashToken(token)]
	);
	return row ?? null;
}

export type JuryAcceptOutcome =
	'accepted' | 'wrong_account' | 'expired' | 'used' | 'withdrawn' | 'unknown';

/**
 * Accepts a jury invitation as the signed-in user (public.jury_accept_invitation: only the
 * invited address may). Returns the outcome and, once accepted, the challenge and stage the
 * juror now sits on (their jury_members row accepted in this transaction).
 */
export async function acceptJuryInvitation(
	tx: Queryable,
	token: string
): Promise<{ outcome: JuryAcceptOutcome; challengeId?: string; stage?: EvaluatedStage }> {
	const [{ outcome }] = await tx.query<{ outcome: JuryAcceptOutcome }>(
		'select public.jury_accept_invitation($1) as outcome',
		[hashToken(token)]
	);
	if (outcome !== 'accepted') return { outcome };
	const [seat] = await tx.query<{ challengeId: string; stage: EvaluatedStage }>(
		`select challenge_id as "challengeId", stage from public.jury_members
		 where user_id = (select auth.uid()) and accepted_at = now()`
	);
	return { outcome, ...seat };
}

/** One jury the caller sits on, with their progress. */
export interface MyJury {
	challengeId: string;
	title: LocalizedText;
	primaryLocale: Locale;
	procedure: Procedure;
	stage: EvaluatedStage;
	/** Items the stage scores (each needs a declaration). */
	items: number;
	declared: number;
	conflicts: number;
	assigned: number;
	/** Assigned items whose scores the juror submitted. */
	submitted: number;
	consensusOpen: boolean;
}

/**
 * The juries the caller has accepted, newest first, each with its challenge's title and
 * the caller's progress: items to declare on, declared, conflicts, assigned, submitted.
 * Only the caller's own rows (RLS), the items through public.jury_conflict_candidates.
 */
export async function listMyJuries(tx: Queryable): Promise<MyJury[]> {
	return tx.query<MyJury>(
		`select j.challenge_id as "challengeId", c.title, c.primary_locale as "primaryLocale", c.procedure, j.stage,
		   (select count(*)::int from public.jury_conflict_candidates(j.challenge_id, j.stage)) as items,
		   (select count(*)::int from public.jury_conflicts k where k.juror_id = j.id) as declared,
		   (select count(*)::int from public.jury_conflicts k where k.juror_id = j.id and k.conflict)
		     as conflicts,
		   (select count(*)::int from public.jury_assignments s where s.juror_id = j.id) as assigned,
		   (select count(distinct x.item_id)::int from public.jury_scores x
		    where x.juror_id = j.id and x.state = 'submitted') as submitted,
		   g.consensus_opened_at is not null as "consensusOpen"
		 from public.jury_members j
		 join public.challenges c on c.id = j.challenge_id
		 join public.jury_stages g on g.challenge_id = j.challenge_id and g.stage = j.stage
		 where j.user_id = (select auth.uid()) and j.accepted_at is not null
		 order by j.accepted_at desc, j.id`
	);
}

/** Whether the caller sits on any jury (for the dashboard's and menu's link). */
export async function isJuror(tx: Queryable): Promise<boolean> {
	const [row] = await tx.query<{ yes: boolean }>(
		`select exists (select 1 from public.jury_members
		   where user_id = (select auth.uid()) and accepted_at is not null) as yes`
	);
	return row.yes;
}

/** An item of the stage as the juror sees it before opening any: for declaring conflicts. */
export interface ConflictCandidate {
	item: string;
	teamName: string;
	organisations: string[];
	/** The caller's declaration: true a conflict, false none, null not yet declared. */
	conflict: boolean | null;
	declaredAt: Date | null;
}

/** An item assigned to the caller, with how far they are. */
export interface AssignedItem {
	item: string;
	teamName: string;
	status: AssignedStatus;
}

/** A juror's stage page: the challenge, the declarations, the assigned items. */
export interface JurorStage {
	challengeId: string;
	title: LocalizedText;
	primaryLocale: Locale;
	procedure: Procedure;
	stage: EvaluatedStage;
	scoreStep: number;
	consensusOpenedAt: Date | null;
	/** A page of the stage's items to declare on (JUROR_PAGE_SIZE, `declare-page`). */
	candidates: Paged<ConflictCandidate>;
	/** How many of the stage's items the caller has not declared on yet, on every page. */
	undeclared: number;
	/** A page of the assigned items of the status asked for (all of them without one). */
	assigned: Paged<AssignedItem>;
	/** How many items are assigned to the caller, in all and of each status. */
	counts: Record<ItemStatusChoice, number>;
}

/** Rows a page of the juror's declarations and of their items holds. */
export const JUROR_PAGE_SIZE = 50;

/** Which page of each list of a juror's stage page to read (1-based; out of range: the nearest). */
export interface JurorPages {
	declare: number;
	items: number;
}

/**
 * Each item assigned to the caller in a stage ($1 challenge, $2 stage) with how far the
 * caller is with it (an AssignedStatus).
 */
const ASSIGNED_SQL = `select s.item_id as item,
	   case when k.conflict is null then 'not_declared'
	        when k.conflict then 'conflicted'
	        when exists (select 1 from public.jury_scores x where x.juror_id = j.id
	                     and x.item_id = s.item_id and x.state = 'submitted') then 'submitted'
	        when exists (select 1 from public.jury_scores x where x.juror_id = j.id
	                     and x.item_id = s.item_id) then 'draft'
	        else 'not_started' end as status
	 from public.jury_members j
	 join public.jury_assignments s on s.juror_id = j.id
	 left join public.jury_conflicts k on k.juror_id = j.id and k.item_id = s.item_id
	 where j.user_id = (select auth.uid()) and j.challenge_id = $1 and j.stage = $2`;

/**
 * The caller's stage of a challenge's jury, a page of each list (`size` rows, JUROR_PAGE_SIZE
 * on the page; `pages` says which, 1-based, the nearest when out of range): the stage's items with each
 * one's team and its members' organisations and the caller's declaration
 * (public.jury_conflict_candidates), and the items assigned to the caller with their
 * status, those of `status` only (every one for 'all'); both sorted by team name in the
 * reader's alphabet, counted and cut by the database (issue 16: a stage may hold a
 * thousand applications). Also how many items are undeclared and how many assigned of each
 * status. Refuses anyone who is not an accepted juror of the stage (42501
 * jury_not_juror); null when the challenge is not one the caller can read. Two round trips:
 * the counts (the refusing read first), then both pages.
 */
export async function getJurorStage(
	tx: Queryable,
	challengeId: string,
	stage: EvaluatedStage,
	locale: Locale,
	status: ItemStatusChoice = 'all',
	pages: JurorPages = { declare: 1, items: 1 },
	size = JUROR_PAGE_SIZE
): Promise<JurorStage | null> {
	const [[declarations], [head], counted] = await Promise.all([
		tx.query<{ total: number; undeclared: number }>(
			`select count(*)::int as total, (count(*) filter (where k.conflict is null))::int as undeclared
			 from public.jury_conflict_candidates($1, $2) k`,
			[challengeId, stage]
		),
		tx.query<Omit<JurorStage, 'candidates' | 'undeclared' | 'assigned' | 'counts' | 'stage'>>(
			`select c.id as "challengeId", c.title, c.primary_locale as "primaryLocale", c.procedure,
			   g.score_step::float8 as "scoreStep", g.consensus_opened_at as "consensusOpenedAt"
			 from public.challenges c
			 join public.jury_stages g on g.challenge_id = c.id and g.stage = $2
			 where c.id = $1`,
			[challengeId, stage]
		),
		tx.query<{ status: AssignedStatus; n: number }>(
			`select a.status, count(*)::int as n from (${ASSIGNED_SQL}) a group by a.status`,
			[challengeId, stage]
		)
	]);
	if (!head) return null;
	const counts = Object.fromEntries(ITEM_STATUS_CHOICES.map((c) => [c, 0])) as JurorStage['counts'];
	for (const { status, n } of counted) {
		counts[status] = n;
		counts.all += n;
	}
	const [candidates, assigned] = await Promise.all([
		readPage(declarations.total, pages.declare, size, (limit, offset) =>
			tx.query<ConflictCandidate>(
				`select k.item, k.team_name as "teamName", k.organisations, k.conflict, k.declared_at as "declaredAt"
				 from public.jury_conflict_candidates($1, $2) k
				 order by public.sort_key(k.team_name, $3), k.item
				 limit $4 offset $5`,
				[challengeId, stage, locale, limit, offset]
			)
		),
		readPage(counts[status], pages.items, size, (limit, offset) =>
			tx.query<AssignedItem>(
				`select a.item, k.team_name as "teamName", a.status
				 from (${ASSIGNED_SQL}) a
				 join public.jury_conflict_candidates($1, $2) k on k.item = a.item
				 where ${isChoice('a.status', '$3', status)}
				 order by public.sort_key(k.team_name, $4), a.item
				 limit $5 offset $6`,
				[challengeId, stage, status, locale, limit, offset]
			)
		)
	]);
	return { ...head, stage, candidates, undeclared: declarations.undeclared, assigned, counts };
}

/** One declaration: a conflict of interest on an item, or none. */
export interface Declaration {
	item: string;
	conflict: boolean;
}

/**
 * Records the caller's declarations on items of a stage (public.jury_declare_conflicts):
 * a conflict is final (TK422 jury_conflict_final when withdrawn), a none may later become a
 * conflict; an item the stage does not score is refused (jury_unknown_item). Returns how
 * many were recorded or changed.
 */
export async function declareConflicts(
	tx: Queryable,
	challengeId: string,
	stage: EvaluatedStage,
	declarations: readonly Declaration[]
): Promise<number> {
	const [{ n }] = await tx.query<{ n: number }>(
		'select public.jury_declare_conflicts($1, $2, $3::jsonb) as n',
		[challengeId, stage, declarations.map((d) => ({ itemKind: jurorItemKind(stage), ...d }))]
	);
	return n;
}

/** A criterion of the stage with the caller's score on it, if any. */
export interface ScoredCriterion {
	id: string;
	name: LocalizedText;
	description: LocalizedText;
	maxPoints: number;
	/** The caller's score: its id (for a revision), points, justification, state. */
	mine: {
		id: string;
		points: number | null;
		justification: string;
		/** The language the justification was written in. */
		lang: Locale;
		state: 'draft' | 'submitted';
	} | null;
}

/** Another juror's submitted score, once the database lets the caller read it. */
export interface OtherScore {
	/** 1, 2, …: the other jurors numbered in a fixed order (their names are not shown). */
	juror: number;
	criterion: string;
	points: number;
	justification: string;
	lang: Locale;
}

/** A revision of a score the caller reads (their own or a revealed one). */
export interface Revision {
	criterion: string;
	/** 0 for the caller's own, else the other juror's number as in OtherScore. */
	juror: number;
	oldPoints: number;
	newPoints: number;
	reason: string;
	/** The language the reason was written in. */
	lang: Locale;
	revisedAt: Date;
}

/** A comment of the consensus discussion. */
export interface JuryComment {
	id: string;
	/** 0 for the caller's own, else the other juror's number. */
	juror: number;
	body: string;
	lang: Locale;
	createdAt: Date;
}

/** What is common to an item as the juror opens it, whatever its kind. */
interface JurorItemBase {
	challengeId: string;
	stage: EvaluatedStage;
	item: string;
	/** The scoring team's name, as frozen with the item. */
	teamName: string;
	scoreStep: number;
	consensusOpen: boolean;
	title: LocalizedText;
	primaryLocale: Locale;
	procedure: Procedure;
	submittedAt: Date;
	digest: string;
	criteria: ScoredCriterion[];
	others: OtherScore[];
	revisions: Revision[];
	comments: JuryComment[];
}

/** An item as the juror opens it: frozen content, criteria with their scores, discussion. */
export type JurorItem = JurorItemBase &
	(
		| {
				kind: 'application';
				snapshot: Snapshot & { coverage: Coverage | null };
				langs: SnapshotLangs;
		  }
		| {
				kind: 'final_tender';
				tender: FinalTenderSnapshot;
				/** The description (Markdown) rendered by renderMarkdown. */
				descriptionHtml: string;
				/**
				 * The attachment rows still on record, by file key (RLS: the juror who may open
				 * the tender): the concept's file route serves them by id.
				 */
				attachmentIds: Record<string, string>;
		  }
	);

/** The application or final tender behind an item, as frozen; null when not of the stage. */
async function readFrozen(tx: Queryable, kind: JuryItemKind, item: string, stage: EvaluatedStage) {
	const table =
		kind === 'application'
			? `select a.submitted_at, a.digest, a.snapshot, a.lang, a.snapshot -> 'team' ->> 'name' as team,
			     a.challenge_id from public.applications a where a.id = $1`
			: `select t.submitted_at, t.digest, t.snapshot, null as lang, t.snapshot -> 'team' ->> 'name' as team,
			     t.challenge_id from public.final_tenders t where t.id = $1`;
	const [row] = await tx.query<{
		submittedAt: Date;
		digest: string;
		snapshot: Snapshot | FinalTenderSnapshot;
		lang: Locale | null;
		teamName: string;
		title: LocalizedText;
		primaryLocale: Locale;
		procedure: Procedure;
		consensusOpen: boolean;
	}>(
		`select f.submitted_at as "submittedAt", f.digest, f.snapshot, f.lang, coalesce(f.team, '') as "teamName",
		   c.title, c.primary_locale as "primaryLocale", c.procedure,
		   g.consensus_opened_at is not null as "consensusOpen"
		 from (${table}) f
		 join public.challenges c on c.id = f.challenge_id
		 join public.jury_stages g on g.challenge_id = c.id and g.stage = $2`,
		[item, stage]
	);
	return row ?? null;
}

/**
 * Opens an item for the caller as a juror: public.jury_scoring_item first, which refuses
 * (in words, through jury-refusals) a conflicted, unassigned, undeclared or sealed item
 * and anyone not on the jury. The item's reads are sent with it, after it, all together
 * (one round trip, issue 16): a refusal aborts the transaction, so they fail and nothing
 * of the item is read then. Null when the item is not of this challenge and stage. The
 * item is read as it was frozen: the application's snapshot at shortlisting, the final tender's at selection (private.jury_stage_kind); the criteria of the stage in order with the caller's scores; the other
 * jurors' submitted scores, revisions and the discussion only as far as RLS shows them
 * (all of the caller's own submitted, or the consensus step opened).
 */
export async function openJurorItem(
	tx: Queryable,
	challengeId: string,
	stage: EvaluatedStage,
	item: string
): Promise<JurorItem | null> {
	const kind = jurorItemKind(stage);
	const [[access], app, criteria, scores, revisions, comments, attachments] = await Promise.all([
		tx.query<{ challenge_id: string; stage: string; step: number }>(
			`select challenge_id, stage, score_step::float8 as step
			 from public.jury_scoring_item($2, $1)`,
			[item, kind]
		),
		readFrozen(tx, kind, item, stage),
		tx.query<ScoredCriterion>(
			`select k.id, k.name, k.description, k.max_points as "maxPoints",
			   case when x.id is null then null else jsonb_build_object(
			     'id', x.id, 'points', x.points::float8, 'justification', x.justification, 'lang', x.lang, 'state', x.state)
			   end as mine
			 from public.challenge_criteria k
			 left join public.jury_scores x on x.criterion_id = k.id and x.item_id = $3
			   and x.juror_id in (select j.id from public.jury_members j
			                      where j.user_id = (select auth.uid()) and j.challenge_id = $1 and j.stage = $2)
			 where k.challenge_id = $1 and k.stage = $2
			 order by k.position, k.id`,
			[challengeId, stage, item]
		),
		// Every score of the item the caller may read (their own, and the others' submitted
		// ones once revealed), the revisions of those, and the discussion (RLS).
		tx.query<{
			id: string;
			jurorId: string;
			mine: boolean;
			criterion: string;
			points: number;
			justification: string;
			lang: Locale;
			state: string;
		}>(
			`select x.id, x.juror_id as "jurorId", x.juror_id in (select private.my_juror_ids()) as mine,
			   x.criterion_id as criterion, x.points::float8 as points, x.justification, x.lang, x.state
			 from public.jury_scores x where x.item_id = $1`,
			[item]
		),
		tx.query<Omit<Revision, 'juror'> & { scoreId: string }>(
			`select r.score_id as "scoreId", x.criterion_id as criterion, r.old_points::float8 as "oldPoints",
			   r.new_points::float8 as "newPoints", r.reason, r.lang, r.revised_at as "revisedAt"
			 from public.jury_score_revisions r join public.jury_scores x on x.id = r.score_id
			 where x.item_id = $1
			 order by r.revised_at, r.id`,
			[item]
		),
		tx.query<Omit<JuryComment, 'juror'> & { jurorId: string; mine: boolean }>(
			`select m.id, m.juror_id as "jurorId", m.juror_id in (select private.my_juror_ids()) as mine,
			   m.body, m.lang, m.created_at as "createdAt"
			 from public.jury_comments m where m.item_id = $1
			 order by m.created_at, m.id`,
			[item]
		),
		// The tender's concept named through the tender, as RLS shows it (readFrozen's row).
		kind === 'final_tender'
			? tx.query<{ id: string; fileKey: string }>(
					`select id, file_key as "fileKey" from public.concept_attachments
					 where concept_id = (select (t.snapshot ->> 'concept')::uuid
					                     from public.final_tenders t where t.id = $1)`,
					[item]
				)
			: Promise.resolve([])
	]);
	if (access.challenge_id !== challengeId || access.stage !== stage) return null;
	if (!app) return null;
	const number = jurorNumbers([...scores, ...comments]);
	const scoreJuror = new Map(scores.map((x) => [x.id, number(x)]));
	const { lang, snapshot, ...rest } = app;
	const content =
		kind === 'application'
			? {
					kind,
					snapshot: withCoverage(snapshot as Snapshot),
					langs: snapshotLangs(snapshot as Snapshot, lang as Locale)
				}
			: {
					kind,
					tender: snapshot as FinalTenderSnapshot,
					descriptionHtml: renderMarkdown((snapshot as FinalTenderSnapshot).description ?? ''),
					attachmentIds: Object.fromEntries(attachments.map((a) => [a.fileKey, a.id]))
				};
	return {
		challengeId,
		stage,
		item,
		scoreStep: access.step,
		...rest,
		...content,
		criteria,
		others: scores
			.filter((x) => !x.mine && x.state === 'submitted')
			.map((x) => ({
				juror: number(x),
				criterion: x.criterion,
				points: x.points,
				justification: x.justification,
				lang: x.lang
			})),
		revisions: revisions.map(({ scoreId, ...r }) => ({
			...r,
			juror: scoreJuror.get(scoreId) ?? 0
		})),
		comments: comments.map(({ jurorId, mine, ...c }) => ({
			...c,
			juror: number({ jurorId, mine })
		}))
	};
}

/**
 * Numbers the jurors whose rows a page shows without their names: 0 the caller, the others
 * 1, 2, … in the order of their (meaningless) ids, so one juror keeps one number on a page.
 */
function jurorNumbers(rows: readonly { jurorId: string; mine: boolean }[]) {
	const others = [...new Set(rows.filter((r) => !r.mine).map((r) => r.jurorId))].sort();
	return (row: { jurorId: string; mine: boolean }) =>
		row.mine ? 0 : others.indexOf(row.jurorId) + 1;
}

const REVISE = 'select public.jury_revise_score($1::uuid, $2, $3, $4)';

/** A form the database was not asked about: the fields' problems as message keys. */
export type FormRefused = { ok: false; errors: Record<string, string> };

/** The step and criteria an item is scored on, after public.jury_scoring_item let the caller. */
async function scoringRules(tx: Queryable, kind: JuryItemKind, item: string) {
	const [access] = await tx.query<{ challenge_id: string; stage: string; step: number }>(
		`select challenge_id, stage, score_step::float8 as step
		 from public.jury_scoring_item($2, $1)`,
		[item, kind]
	);
	const criteria = await tx.query<{ id: string; maxPoints: number }>(
		`select id, max_points as "maxPoints" from public.challenge_criteria
		 where challenge_id = $1 and stage = $2 order by position, id`,
		[access.challenge_id, access.stage]
	);
	return { step: access.step, criteria };
}

/** The first issue per field of a failed parse, as message keys. */
function fieldErrors(issues: readonly { path: PropertyKey[]; message: string }[]) {
	const errors: Record<string, string> = {};
	for (const issue of issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
	return errors;
}

/**
 * Saves (`submit` false) or submits the caller's scores on an item of `stage` (its kind:
 * jurorItemKind) from the posted form
 * fields `raw` (points_<criterion>, justification_<criterion>). The form is checked first
 * by scoreFormSchema with the stage's criteria and step (the database's rule: a draft
 * only needs what it gives to stand; a submit needs every criterion scored and justified),
 * then public.jury_save_scores or public.jury_submit_scores records it, which refuses
 * anything else (conflict, not assigned, already submitted: thrown, for jury-refusals).
 * Returns ok, or the fields' problems as message keys with nothing changed.
 */
export async function scoreItem(
	tx: Queryable,
	stage: EvaluatedStage,
	item: string,
	raw: Record<string, string>,
	submit: boolean
): Promise<{ ok: true } | FormRefused> {
	const kind = jurorItemKind(stage);
	const { step, criteria } = await scoringRules(tx, kind, item);
	const parsed = scoreFormSchema(criteria, step, submit).safeParse(raw);
	if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues) };
	const scores: ScoreEntry[] = parsed.data;
	await tx.query(
		submit
			? 'select public.jury_submit_scores($3, $1, $2::jsonb)'
			: 'select public.jury_save_scores($3, $1, $2::jsonb)',
		[item, scores, kind]
	);
	return { ok: true };
}

/**
 * Revises one of the caller's submitted scores on `item` in the consensus step from the
 * posted fields (score, points, justification, reason), checked by revisionSchema with the
 * criterion's maximum and the stage's step, then public.jury_revise_score, which keeps the
 * old value, the new one, the reason and the time, and refuses a closed consensus step, a
 * draft or someone else's score (thrown, for jury-refusals). A score id not the caller's
 * on this item is refused as jury_not_juror, as the database would.
 */
export async function reviseScore(
	tx: Queryable,
	stage: EvaluatedStage,
	item: string,
	raw: Record<string, string>
): Promise<{ ok: true } | FormRefused> {
	const { step, criteria } = await scoringRules(tx, jurorItemKind(stage), item);
	const scoreId = isUuid(raw.score ?? '') ? raw.score : null;
	const [score] = await tx.query<{ criterion: string }>(
		`select criterion_id as criterion from public.jury_scores
		 where id = $1 and item_id = $2 and juror_id in (select private.my_juror_ids())`,
		[scoreId, item]
	);
	const maxPoints = criteria.find((c) => c.id === score?.criterion)?.maxPoints;
	// Not the caller's score on this item: the database refuses it in its own words.
	if (maxPoints === undefined) await tx.query(REVISE, [scoreId, 0, '', '']);
	const parsed = revisionSchema(maxPoints!, step).safeParse(raw);
	if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues) };
	const r = parsed.data;
	await tx.query(REVISE, [r.score, r.points, r.justification, r.reason]);
	return { ok: true };
}

/**
 * Adds the caller's comment on an item to the consensus discussion (public.jury_comment:
 * the step must be open, the juror free to score the item, the body 1–4000 characters
 * after trimming; refusals thrown, for jury-refusals). Returns the comment's id.
 */
export async function commentOnItem(
	tx: Queryable,
	stage: EvaluatedStage,
	item: string,
	body: string
): Promise<string> {
	const [row] = await tx.query<{ id: string }>('select public.jury_comment($3, $1, $2) as id', [
		item,
		body,
		jurorItemKind(stage)
	]);
	return row.id;
}

/**
 * Declares no conflict of interest on every item of the stage the caller has not yet
 * declared on ("declare none for all remaining"; public.jury_declare_conflicts, items
 * from public.jury_conflict_candidates, so only an accepted juror of the stage: 42501
 * jury_not_juror). Declarations already made stay as they are. Returns how many were
 * recorded.
 */
export async function declareNoneRemaining(
	tx: Queryable,
	challengeId: string,
	stage: EvaluatedStage
): Promise<number> {
	const open = await tx.query<{ item: string }>(
		'select item from public.jury_conflict_candidates($1, $2) where conflict is null',
		[challengeId, stage]
	);
	if (!open.length) return 0;
	return declareConflicts(
		tx,
		challengeId,
		stage,
		open.map(({ item }) => ({ item, conflict: false }))
	);
}
