/**
 * Decisions (issue 13): the verbs of the one decision entity for every gate, each taking a
 * transaction run as the user (`db.as(user, tx => …)`), so row-level security and the
 * definer functions of supabase/migrations/20261206000100_decisions.sql decide what the
 * user may do and see. A refusal is thrown as the database raised it (SQLSTATE TK422 or
 * 42501 with a decision_… hint); routes answer it with juryFailure / juryRefusalAsHttp
 * (src/lib/server/http/jury-refusals.ts), which know every decision code.
 */
import type { LocalizedText, Locale } from '$lib/domain/locale';
import {
	decisionDraftSchema,
	type DecisionItemKind,
	type DecidedStage,
	type DecisionDraftInput
} from '$lib/domain/jury/decision-schemas';
import type { Queryable } from './db';

export type DecisionStage = 'screening' | DecidedStage;

/** A decision as its readers see it (public.decisions under RLS). */
export interface Decision {
	id: string;
	challengeId: string;
	stage: DecisionStage;
	kind: 'decision' | 'correction' | 'void';
	k: number | null;
	rationale: string;
	deviation: string;
	preparedByName: string;
	preparedAt: Date;
	signatory: string;
	/** 'YYYY-MM-DD', the day it is signed (Europe/Helsinki); null in a draft without one. */
	decidedOn: string | null;
	publishedAt: Date | null;
	replaces: string | null;
	/** Whether a published correction or void replaces this decision (decisions.replaced_by). */
	replaced: boolean;
	/** The published correction that replaces this decision, when the reader may open it. */
	replacedBy: string | null;
	comparisonPublished: boolean;
	appeal: string;
	/**
	 * True when `appeal` is the standard instructions (the record holds them in the
	 * challenge's primary language): a page shows them in its reader's language.
	 */
	standardAppeal: boolean;
	lang: Locale;
}

/** One item of a decision: the reader's own only, unless they read the decision whole. */
export interface DecisionItem {
	id: string;
	/** The decided item whatever its kind (decision_items.item_id), and its kind. */
	itemId: string;
	kind: DecisionItemKind;
	/** The application (the item itself, or the one a final tender's concept grew from). */
	applicationId: string | null;
	teamName: string;
	chosen: boolean;
	rank: number | null;
	reason: string;
	quality: number | null;
	price: number | null;
	total: number | null;
}

/** A frozen score: one juror (by ordinal, never named) on one criterion of one item. */
export interface FrozenScore {
	itemId: string;
	criterionId: string;
	juror: number;
	points: number;
	justification: string;
	/** The language the juror wrote the justification in. */
	lang: Locale;
}

/** A row of the comparison table: one item's mean points on one criterion. */
export interface ComparisonRow {
	itemId: string;
	teamName: string;
	chosen: boolean;
	rank: number | null;
	/** Null for an item without frozen scores (then meanPoints is null too). */
	criterionId: string | null;
	meanPoints: number | null;
	quality: number | null;
	price: number | null;
	total: number | null;
}

export interface DecisionCriterion {
	id: string;
	name: LocalizedText;
	maxPoints: number;
}

/** Everything the printable decision document shows, as far as the reader may see it. */
export interface DecisionDocument {
	decision: Decision;
	challenge: {
		title: LocalizedText;
		primaryLocale: Locale;
		procedure: 'open_challenge' | 'innovation_partnership';
		/** The contracting entity: the organisation that owns the challenge. */
		organisation: { names: LocalizedText; primaryLocale: Locale; businessId: string | null };
	};
	criteria: DecisionCriterion[];
	/** Every item for the owner's side; a team's own item only. Best rank first. */
	items: DecisionItem[];
	/** The chosen teams, best rank first. */
	chosen: { teamName: string; rank: number | null }[];
	/** Mean points per item and criterion: the owner's side always; a team when published. */
	comparison: ComparisonRow[];
	/** Frozen scores the reader sees (the owner's side all; a team its own item's). */
	scores: FrozenScore[];
}

/** A team's published result at one stage (readMyResult). */
export interface MyResult {
	decision: Decision;
	/** The challenge's procedure, which names the decision's stage (stageLabel). */
	procedure: DecisionDocument['challenge']['procedure'];
	item: DecisionItem;
	criteria: DecisionCriterion[];
	scores: FrozenScore[];
	chosen: { teamName: string; rank: number | null }[];
	comparison: ComparisonRow[];
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

const DECISION_COLUMNS = `d.id, d.challenge_id as "challengeId", d.stage, d.kind, d.k, d.rationale,
	d.deviation, d.prepared_by_name as "preparedByName", d.prepared_at as "preparedAt",
	d.signatory, to_char(d.decided_on, 'YYYY-MM-DD') as "decidedOn",
	d.published_at as "publishedAt", d.replaces,
	d.replaced_by is not null as replaced,
	(select r.id from public.decisions r where r.id = d.replaced_by) as "replacedBy",
	d.comparison_published as "comparisonPublished", d.appeal, d.lang,
	d.appeal in (select private.decision_default_appeal(l) from unnest(array['fi', 'sv', 'en']) l)
	  as "standardAppeal"`;

/**
 * Prepares the decision of a stage as a draft, or replaces the stage's draft (a draft
 * correction stays a correction). Takes the challenge, the stage and the items and details
 * (parsed with decisionDraftSchema; a ZodError for input that does not parse). Returns the
 * draft's id. Refused by public.decision_prepare: not the chair (decision_not_chair), an
 * unknown stage or item, a duplicate, text too long, a stage already decided
 * (decision_already_published: correct it instead).
 */
export async function prepareDecision(
	tx: Queryable,
	challengeId: string,
	stage: DecidedStage,
	draft: DecisionDraftInput
): Promise<string> {
	const { items, details } = decisionDraftSchema.parse(draft);
	const [row] = await tx.query<{ id: string }>(
		// As text: a JS object would otherwise be sent differently by the two drivers.
		'select public.decision_prepare($1, $2, $3::text::jsonb, $4::text::jsonb) as id',
		[challengeId, stage, JSON.stringify(items), JSON.stringify(details)]
	);
	return row.id;
}

/**
 * Prepares a correction of a published decision: a draft naming it in `replaces`. Takes
 * the decision's id and the new items and details (as prepareDecision). Returns the
 * draft's id; publish it with publishDecision. Refused by public.decision_correct: an
 * unknown decision, not the chair, a draft (decision_not_published), a screening decision,
 * one already replaced (decision_replaced).
 */
export async function correctDecision(
	tx: Queryable,
	decisionId: string,
	draft: DecisionDraftInput
): Promise<string> {
	const { items, details } = decisionDraftSchema.parse(draft);
	const [row] = await tx.query<{ id: string }>(
		'select public.decision_correct($1, $2::text::jsonb, $3::text::jsonb) as id',
		[decisionId, JSON.stringify(items), JSON.stringify(details)]
	);
	return row.id;
}

/**
 * Publishes a draft decision: from then on it never changes; the jury's submitted scores
 * are frozen with it and every member of every named team is mailed. Returns the time of
 * publication. Refused by public.decision_publish (see there): not the chair, already
 * published, the count unset, nobody chosen, an item left out or unknown, a reason
 * missing, more than k + 1 chosen, or a departure from the top k without justification.
 */
export async function publishDecision(tx: Queryable, decisionId: string): Promise<Date> {
	const [row] = await tx.query<{ at: Date }>('select public.decision_publish($1) as at', [
		decisionId
	]);
	return new Date(row.at);
}

/**
 * The decisions of one stage of a challenge, newest first (drafts, published ones and
 * corrections), with the procedure, for the chair's decision page: the current draft to
 * go on with, or the published one to correct. Empty for a reader outside the challenge's
 * team (row-level security).
 */
export async function stageDecisions(
	tx: Queryable,
	challengeId: string,
	stage: DecidedStage
): Promise<Decision[]> {
	const rows = await tx.query<Decision>(
		`select ${DECISION_COLUMNS} from public.decisions d
		 where d.challenge_id = $1 and d.stage = $2
		 order by d.prepared_at desc, d.id`,
		[challengeId, stage]
	);
	return rows.map((r) => ({ ...r, k: num(r.k) }));
}

async function readDecisionRow(tx: Queryable, decisionId: string): Promise<Decision | null> {
	const [row] = await tx.query<Decision>(
		`select ${DECISION_COLUMNS} from public.decisions d where d.id = $1`,
		[decisionId]
	);
	return row ? { ...row, k: num(row.k) } : null;
}

/** A decision's items as the reader may see them, best rank first. */
export async function readItems(tx: Queryable, decisionId: string): Promise<DecisionItem[]> {
	const rows = await tx.query<DecisionItem>(
		`select i.id, i.item_id as "itemId", i.item_kind as kind,
		        coalesce(i.application_id, k.application_id) as "applicationId",
		        i.team_name as "teamName", i.chosen, i.rank, i.reason,
		        i.quality_points as quality, i.price_points as price, i.total_points as total
		 from public.decision_items i
		 left join public.final_tenders f on f.id = i.final_tender_id
		 left join public.concepts k on k.id = coalesce(i.concept_id, f.concept_id)
		 where i.decision_id = $1
		 order by i.rank nulls last, i.team_name, i.id`,
		[decisionId]
	);
	return rows.map((r) => ({
		...r,
		rank: num(r.rank),
		quality: num(r.quality),
		price: num(r.price),
		total: num(r.total)
	}));
}

async function readCriteria(tx: Queryable, d: Decision): Promise<DecisionCriterion[]> {
	if (d.stage !== 'shortlisting' && d.stage !== 'selection') return [];
	return tx.query<DecisionCriterion>(
		`select id, name, max_points as "maxPoints" from public.challenge_criteria
		 where challenge_id = $1 and stage = $2 order by position, id`,
		[d.challengeId, d.stage]
	);
}

async function readScores(tx: Queryable, itemIds: string[]): Promise<FrozenScore[]> {
	if (itemIds.length === 0) return [];
	const rows = await tx.query<FrozenScore>(
		`select s.item_id as "itemId", s.criterion_id as "criterionId", s.juror_ordinal as juror,
		        s.points, s.justification, s.lang
		 from public.decision_scores s
		 left join public.challenge_criteria k on k.id = s.criterion_id
		 where s.item_id = any ($1::uuid[])
		 order by s.item_id, k.position, s.criterion_id, s.juror_ordinal`,
		[itemIds]
	);
	return rows.map((r) => ({ ...r, points: Number(r.points) }));
}

async function readChosen(tx: Queryable, decisionId: string) {
	const rows = await tx.query<{ teamName: string; rank: number | null }>(
		'select team_name as "teamName", rank from public.decision_chosen($1)',
		[decisionId]
	);
	return rows.map((r) => ({ ...r, rank: num(r.rank) }));
}

async function readComparison(tx: Queryable, decisionId: string): Promise<ComparisonRow[]> {
	const rows = await tx.query<ComparisonRow>(
		`select item_id as "itemId", team_name as "teamName", chosen, rank,
		        criterion_id as "criterionId", mean_points as "meanPoints",
		        quality_points as quality, price_points as price, total_points as total
		 from public.decision_comparison($1)`,
		[decisionId]
	);
	return rows.map((r) => ({
		...r,
		rank: num(r.rank),
		meanPoints: num(r.meanPoints),
		quality: num(r.quality),
		price: num(r.price),
		total: num(r.total)
	}));
}

/**
 * The printable decision document's data: the decision, its challenge and the organisation
 * that owns it (the contracting entity), the stage's criteria
 * with their maximum points, the items, the chosen teams and the comparison — each as far
 * as the reader may see it (the owner's side everything, drafts too; a team named in the
 * published decision its own item and, where the procedure publishes it, the comparison).
 * Null when the reader may not read the decision at all (the route answers 404).
 */
export async function readDecision(
	tx: Queryable,
	decisionId: string
): Promise<DecisionDocument | null> {
	const decision = await readDecisionRow(tx, decisionId);
	if (!decision) return null;
	const [[challenge], criteria, items, chosen, comparison] = await Promise.all([
		tx.query<DecisionDocument['challenge']>(
			`select c.title, c.primary_locale as "primaryLocale", c.procedure,
			   json_build_object('names', o.names, 'primaryLocale', o.primary_locale,
			     'businessId', o.business_id) as organisation
			 from public.challenges c join public.organisations o on o.id = c.organisation_id
			 where c.id = $1`,
			[decision.challengeId]
		),
		readCriteria(tx, decision),
		readItems(tx, decisionId),
		readChosen(tx, decisionId),
		readComparison(tx, decisionId)
	]);
	if (!challenge) return null;
	const scores = await readScores(
		tx,
		items.map((i) => i.id)
	);
	return { decision, challenge, criteria, items, chosen, comparison, scores };
}

/**
 * SQL: a subquery of the ids of everything an application grew into and a decision may
 * name — the application, its concept, the concept's final tenders — for `i.item_id in
 * (…)` over public.decision_items, whose item_id (generated: the one application, final
 * tender or concept an item decides, 20261207000301_selection.sql) is indexed. Takes the
 * SQL expression of the application's id (`$1::uuid`, `a.id`); what the reader may not
 * see of the concept and its tenders drops out by their policies. Testing
 * `coalesce(i.application_id, k.application_id)` after joining them instead read every
 * item the reader may see (issue 16).
 */
export const grownFrom = (application: string) =>
	`(select ${application}
	  union all select k.id from public.concepts k where k.application_id = ${application}
	  union all select f.id from public.final_tenders f
	    join public.concepts k on k.id = f.concept_id where k.application_id = ${application})`;

/**
 * A team's published results for its application, newest first: per decision of
 * shortlisting, selection or proof of concept that names it — the application, or the
 * final tender or concept it grew into (the current decision and any it replaced), its own item (chosen, rank, reason, points), its own frozen scores with the
 * jurors' justifications (jurors numbered, never named), the chosen teams, and — where the
 * decision publishes it — the comparison of every item's mean points per criterion.
 * Empty for a reader who is not on the team, and before publication.
 */
export async function readMyResult(tx: Queryable, applicationId: string): Promise<MyResult[]> {
	// The application's own items, and those of the final tender or concept it grew into.
	const rows = await tx.query<{ decisionId: string; itemId: string }>(
		`select i.decision_id as "decisionId", i.id as "itemId"
		 from public.decision_items i
		 join public.decisions d on d.id = i.decision_id
		 where i.item_id in ${grownFrom('$1::uuid')}
		   and d.published_at is not null and d.stage <> 'screening'
		   and $1 in (select a.id from public.applications a
		              join public.team_members m on m.team_id = a.team_id
		              where m.user_id = (select auth.uid()))
		 order by d.published_at desc, d.id`,
		[applicationId]
	);
	// Each decision is read on its own, all sent together (issue 16), kept in this order.
	const documents = await Promise.all(rows.map((r) => readDecision(tx, r.decisionId)));
	return rows.flatMap(({ itemId }, n): MyResult[] => {
		const document = documents[n];
		const item = document?.items.find((i) => i.id === itemId);
		if (!document || !item) return [];
		return [
			{
				decision: document.decision,
				procedure: document.challenge.procedure,
				item,
				criteria: document.criteria,
				scores: document.scores.filter((s) => s.itemId === item.id),
				chosen: document.chosen,
				comparison: document.comparison
			}
		];
	});
}
