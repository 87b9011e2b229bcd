/**
 * One stage's evaluation end to end (issue 13): scores → per-item aggregates → optional
 * normalisation → price points → totals → ranking. Robustness recomputes it with a juror
 * left out, so everything the ranking depends on goes through here.
 */
import type { Criterion } from '$lib/domain/criteria';
import { aggregateScores, DEFAULT_DISAGREEMENT_SHARE, type ItemAggregate } from './aggregate';
import { normaliseTotals } from './normalise';
import { priceAllPoints } from './price';
import { rankItems } from './ranking';
import { compareIds, type ItemId, type JurorId, type Scorecard } from './scores';

export interface EvaluationItem {
	item: ItemId;
	submittedAt: Date;
	/** The tender's price; needed for every item when priceMaxPoints > 0, else ignored. */
	price?: number | null;
}

export interface EvaluationInput {
	/** The stage's criteria (stageCriteria), the order scorecards use. */
	criteria: readonly Criterion[];
	/** Every item the stage ranks, scored or not. */
	items: readonly EvaluationItem[];
	scorecards: readonly Scorecard[];
	/** Points the lowest price gets (priceMaxPoints); 0 or absent: no price. */
	priceMaxPoints?: number;
	/** Rank on per-juror normalised totals (normalise.ts) instead of raw ones. */
	normalise?: boolean;
	disagreementShare?: number;
}

export interface EvaluatedItem {
	item: ItemId;
	rank: number;
	submittedAt: Date;
	/** Null when no juror scored the item. */
	aggregate: ItemAggregate | null;
	/** Quality points used for the total: the jurors' mean (normalised when asked). */
	quality: number | null;
	/** Price points, null without a price criterion. */
	price: number | null;
	/** quality + price (price alone counts for nothing while quality is missing). */
	total: number | null;
}

export interface Evaluation {
	/** Ranked, best first. */
	items: EvaluatedItem[];
	/** Jurors with at least one scorecard, by id. */
	jurors: JurorId[];
}

/**
 * Evaluates one stage. Takes the criteria, items, scorecards and options above; returns the
 * items in rank order (rankItems' tie-break) with their aggregates, quality, price and
 * total points. Quality is the mean of the jurors' totals, or with `normalise` the mean of
 * their normalised totals (criterion means, used by the tie-break, stay raw). An item
 * nobody scored has null quality and total and ranks last. Throws RangeError when a
 * scorecard names an item not in `items`, when a price is missing or refused by
 * validatePrice while priceMaxPoints > 0 (check with priceAllPoints first to tell the
 * user which), and for everything aggregateScores and rankItems refuse.
 */
export function evaluate(input: EvaluationInput): Evaluation {
	const { criteria, items, scorecards } = input;
	const known = new Set(items.map((i) => i.item));
	for (const card of scorecards) {
		if (!known.has(card.item)) throw new RangeError(`scorecard for unknown item ${card.item}`);
	}
	const aggregates = new Map(
		aggregateScores(
			criteria,
			scorecards,
			input.disagreementShare ?? DEFAULT_DISAGREEMENT_SHARE
		).map((a) => [a.item, a])
	);

	const quality = new Map<ItemId, number>();
	if (input.normalise) {
		const totals = [...aggregates.values()].flatMap((a) =>
			a.jurors.map((j) => ({ juror: j.juror, item: a.item, total: j.total }))
		);
		const sums = new Map<ItemId, { sum: number; n: number }>();
		for (const t of normaliseTotals(totals).totals) {
			const s = sums.get(t.item) ?? { sum: 0, n: 0 };
			sums.set(t.item, { sum: s.sum + t.points, n: s.n + 1 });
		}
		for (const [item, s] of sums) quality.set(item, s.sum / s.n);
	} else {
		for (const a of aggregates.values()) quality.set(a.item, a.mean);
	}

	let price: Map<ItemId, number> | null = null;
	const maxPrice = input.priceMaxPoints ?? 0;
	if (maxPrice > 0) {
		const result = priceAllPoints(
			items.map((i) => ({ item: i.item, price: i.price ?? null })),
			maxPrice
		);
		if (!result.ok) {
			throw new RangeError(`prices cannot be scored: ${JSON.stringify(result.issues)}`);
		}
		price = result.points;
	}

	const evaluated = items.map((i) => {
		const q = quality.get(i.item) ?? null;
		const p = price?.get(i.item) ?? null;
		return {
			item: i.item,
			submittedAt: i.submittedAt,
			aggregate: aggregates.get(i.item) ?? null,
			quality: q,
			price: p,
			total: q === null ? null : q + (p ?? 0)
		};
	});
	const ranking = rankItems(
		evaluated.map((e) => ({
			item: e.item,
			total: e.total,
			criterionPoints: e.aggregate?.criterionMeans ?? null,
			submittedAt: e.submittedAt
		})),
		criteria
	);
	return {
		items: ranking.map((r) => ({ ...evaluated[r.index], rank: r.rank })),
		jurors: [...new Set(scorecards.map((c) => c.juror))].sort(compareIds)
	};
}
