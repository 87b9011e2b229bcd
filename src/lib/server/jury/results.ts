/**
 * A stage's results as the chair reads them (issue 13): every submitted scorecard, the
 * evaluation (aggregates, optional per-juror normalisation, ranking with its tie-break),
 * the leave-one-juror-out robustness of the top k and the proposed top k. The rules are
 * the domain's (src/lib/domain/jury); this module only reads what they need, in a few
 * set-wise queries (no query per row: 1000 items × 9 jurors is read in one), and shapes
 * the answer as plain data the page renders.
 */
import type { Queryable } from '../db';
import type { LocalizedText } from '$lib/domain/locale';
import type { EvaluatedStage } from '$lib/domain/stages';
import { DEFAULT_DISAGREEMENT_SHARE } from '$lib/domain/jury/aggregate';
import { evaluate, type EvaluationInput } from '$lib/domain/jury/evaluate';
import { priceAllPoints, priceMaxPoints } from '$lib/domain/jury/price';
import { tieBreakOrder } from '$lib/domain/jury/ranking';
import { leaveOneJurorOut } from '$lib/domain/jury/robustness';
import { proposeTopK } from '$lib/domain/jury/decision';
import { maxQualityPoints, type Scorecard } from '$lib/domain/jury/scores';
import { jurorLabel, readItems, readRoster } from './roster';

export interface ResultCriterion {
	id: string;
	name: LocalizedText;
	maxPoints: number;
}

export interface ResultJuror {
	id: string;
	label: string;
	email: string;
}

export interface ResultRow {
	item: string;
	/** 'application' at shortlisting, 'final_tender' at selection. */
	kind: 'application' | 'final_tender';
	teamName: string;
	/** A final tender's price in cents (null without one). */
	priceCents: number | null;
	rank: number;
	/** One entry per juror of `jurors` (same order): their points per criterion and total, or null. */
	scores: ({ points: number[]; total: number } | null)[];
	/** Jurors who submitted; the rest of the fields are null when none did. */
	jurorCount: number;
	criterionMeans: number[] | null;
	mean: number | null;
	min: number | null;
	max: number | null;
	range: number | null;
	stdDev: number | null;
	disagreement: boolean;
	/** Quality points the ranking used (the mean, or the normalised mean). */
	quality: number | null;
	price: number | null;
	total: number | null;
	proposed: boolean;
}

export interface StageResults {
	stage: EvaluatedStage;
	normalised: boolean;
	criteria: ResultCriterion[];
	maxQuality: number;
	/** Jurors differ on an item when their totals differ by more than this many points. */
	disagreementThreshold: number;
	disagreementShare: number;
	/** Criterion indices in the order they break ties (tieBreakOrder). */
	tieBreak: number[];
	/** Jurors with at least one submitted scorecard, by label. */
	jurors: ResultJuror[];
	/** Every item of the stage in rank order; unscored ones last. */
	items: ResultRow[];
	/**
	 * At selection with a price share: the share (%), its maximum points (priceMaxPoints:
	 * quality maximum × share ÷ (100 − share)), whether every tender's price can be scored
	 * (then the ranking adds price points), and the teams whose tender has no price that
	 * can be scored (one would change everyone's points, so none are given then).
	 */
	price: { share: number; maxPoints: number; available: boolean; unpriced: string[] } | null;
	/** k from the challenge's shortlist count (shortlisting) or partner count (selection). */
	k: number | null;
	proposal: { proposed: string[]; tieAtCutoff: boolean } | null;
	robustness:
		| { robust: true }
		| {
				robust: false;
				dependsOn: { juror: string; entered: string[]; left: string[] }[];
		  }
		| null;
	/** Assigned, non-conflicted juror × item pairs not yet submitted; items nobody scored. */
	missing: { pairs: number; unscoredItems: number };
}

interface StageRow {
	shortlistCount: number | null;
	partnerCount: number | null;
	priceShare: number | null;
	criteria: ResultCriterion[] | null;
}

/**
 * The stage's criteria and the challenge's counts and price share: one query. Criteria in
 * the challenge's order (stageCriteria).
 */
async function readStage(tx: Queryable, challengeId: string, stage: EvaluatedStage) {
	const [row] = await tx.query<StageRow>(
		`select c.shortlist_count as "shortlistCount", c.partner_count as "partnerCount",
		   c.price_share as "priceShare",
		   (select json_agg(json_build_object('id', k.id, 'name', k.name, 'maxPoints', k.max_points)
		                    order by k.position, k.id)
		    from public.challenge_criteria k where k.challenge_id = c.id and k.stage = $2) as criteria
		 from public.challenges c where c.id = $1`,
		[challengeId, stage]
	);
	return row;
}

/**
 * Every scorecard the stage expects (public.jury_scorecards: one row per juror and item
 * assigned and free of conflict; the challenge's team only): the submitted ones, and how
 * many are still to come. A juror's scores on an item they declared a conflict on are
 * left out there, even when the conflict was declared after they submitted.
 */
async function readScorecards(
	tx: Queryable,
	challengeId: string,
	stage: EvaluatedStage
): Promise<{ cards: Scorecard[]; missing: number }> {
	const rows = await tx.query<{ juror: string; item: string; points: number[] | null }>(
		'select juror, item, points from public.jury_scorecards($1, $2)',
		[challengeId, stage]
	);
	const cards = rows.filter((r): r is Scorecard & { points: number[] } => r.points !== null);
	return { cards, missing: rows.length - cards.length };
}

/**
 * The results of one stage for the challenge's team. Takes the challenge, the stage and
 * whether to rank on per-juror normalised totals (normaliseTotals, z-scores). Reads the
 * criteria, items (public.jury_items), jurors (public.jury_roster) and submitted
 * scorecards; evaluates them (evaluate: aggregates, disagreement at
 * DEFAULT_DISAGREEMENT_SHARE of the maximum quality points, ranking with rankItems'
 * tie-break), checks the top k with leaveOneJurorOut and proposes it (proposeTopK), k
 * being the challenge's shortlist count at shortlisting and partner count at selection.
 * At selection, when the challenge has a price share, each final tender's price gives
 * price points (priceAllPoints: lowest ÷ price × the price's maximum, which is
 * priceMaxPoints of the stage's maximum quality and the share — Helsinki: 70 × 30 ÷ 70 =
 * 30) and the total is quality + price; while a tender's price is missing the total is
 * quality only and `price` says whose. Returns null for a stage without criteria. Refuses (42501
 * jury_not_chair) a caller neither on the challenge's team nor managing it.
 */
export async function readResults(
	tx: Queryable,
	challengeId: string,
	stage: EvaluatedStage,
	normalise: boolean
): Promise<StageResults | null> {
	const info = await readStage(tx, challengeId, stage);
	if (!info?.criteria?.length) return null;
	const criteria = info.criteria;
	const domainCriteria = criteria.map((c) => ({
		stage,
		name: c.name,
		description: {},
		maxPoints: c.maxPoints
	}));
	const [items, roster, { cards, missing }] = await Promise.all([
		readItems(tx, challengeId, stage),
		readRoster(tx, challengeId, stage),
		readScorecards(tx, challengeId, stage)
	]);
	const known = new Set(items.map((i) => i.id));
	// An item no longer scored at the stage (its screening reversed) keeps no place.
	const scorecards = cards.filter((c) => known.has(c.item));
	const maxQuality = maxQualityPoints(domainCriteria);
	// Price counts at selection, where the final tenders state one (issue 13: "when the
	// stage has a price share"); the unit does not matter to lowest ÷ price, so cents.
	const priceMax =
		stage === 'selection' && info.priceShare ? priceMaxPoints(maxQuality, info.priceShare) : 0;
	const priceCheck =
		priceMax > 0 && items.length
			? priceAllPoints(
					items.map((i) => ({ item: i.id, price: i.priceCents })),
					priceMax
				)
			: null;
	const priced = priceCheck?.ok === true;
	const input: EvaluationInput = {
		criteria: domainCriteria,
		items: items.map((i) => ({
			item: i.id,
			submittedAt: new Date(i.submittedAt),
			price: i.priceCents
		})),
		scorecards,
		priceMaxPoints: priced ? priceMax : 0,
		normalise,
		disagreementShare: DEFAULT_DISAGREEMENT_SHARE
	};
	const evaluation = evaluate(input);
	const k = (stage === 'shortlisting' ? info.shortlistCount : info.partnerCount) ?? null;

	const team = new Map(items.map((i) => [i.id, i.teamName]));
	const byItem = new Map(items.map((i) => [i.id, i]));
	const byJuror = new Map(roster.map((j) => [j.id, j]));
	const jurors = evaluation.jurors.map((id) => {
		const j = byJuror.get(id);
		return { id, label: j ? jurorLabel(j) : id, email: j?.email ?? '' };
	});
	const column = new Map(jurors.map((j, i) => [j.id, i]));
	const proposal = k && scorecards.length ? proposeTopK(evaluation.items, k) : null;
	const proposed = new Set(proposal?.proposed ?? []);
	const robustness = k && scorecards.length ? leaveOneJurorOut(input, k, evaluation) : null;
	const names = (ids: string[]) => ids.map((id) => team.get(id) ?? id);

	return {
		stage,
		normalised: normalise,
		criteria,
		maxQuality,
		disagreementShare: DEFAULT_DISAGREEMENT_SHARE,
		disagreementThreshold: DEFAULT_DISAGREEMENT_SHARE * maxQuality,
		tieBreak: tieBreakOrder(domainCriteria),
		jurors,
		items: evaluation.items.map((e) => {
			const a = e.aggregate;
			const scores: ResultRow['scores'] = jurors.map(() => null);
			for (const j of a?.jurors ?? []) {
				scores[column.get(j.juror) as number] = { points: [...j.points], total: j.total };
			}
			return {
				item: e.item,
				kind: byItem.get(e.item)?.kind ?? 'application',
				teamName: team.get(e.item) ?? '',
				priceCents: byItem.get(e.item)?.priceCents ?? null,
				rank: e.rank,
				scores,
				jurorCount: a?.jurors.length ?? 0,
				criterionMeans: a?.criterionMeans ?? null,
				mean: a?.mean ?? null,
				min: a?.min ?? null,
				max: a?.max ?? null,
				range: a?.range ?? null,
				stdDev: a?.stdDev ?? null,
				disagreement: a?.disagreement ?? false,
				quality: e.quality,
				price: e.price,
				total: e.total,
				proposed: proposed.has(e.item)
			};
		}),
		price:
			priceMax > 0 && info.priceShare
				? {
						share: info.priceShare,
						maxPoints: priceMax,
						available: priced,
						unpriced:
							priceCheck && !priceCheck.ok ? names(priceCheck.issues.map((i) => i.item)) : []
					}
				: null,
		k,
		proposal: proposal && {
			proposed: names(proposal.proposed),
			tieAtCutoff: proposal.tieAtCutoff
		},
		robustness:
			robustness &&
			(robustness.robust
				? { robust: true }
				: {
						robust: false,
						dependsOn: robustness.dependsOn.map((d) => ({
							juror: jurors[column.get(d.juror) as number]?.label ?? d.juror,
							entered: names(d.entered),
							left: names(d.left)
						}))
					}),
		missing: {
			pairs: missing,
			unscoredItems: evaluation.items.filter((e) => !e.aggregate).length
		}
	};
}
