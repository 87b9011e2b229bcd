/**
 * What the jury's scores add up to per item: each juror's points and total, the means, how
 * far apart the jurors are, and a flag when they disagree enough that the chair should
 * look before deciding (issue 13).
 */
import type { Criterion } from '$lib/domain/criteria';
import {
	compareIds,
	hundredthsOrThrow,
	maxQualityPoints,
	type ItemId,
	type JurorId,
	type Scorecard
} from './scores';

/**
 * Jurors disagree on an item when their totals differ by more than this share of the
 * stage's maximum quality points (Helsinki: 0.2 × 70 = 14 points).
 */
export const DEFAULT_DISAGREEMENT_SHARE = 0.2;

export interface JurorScore {
	juror: JurorId;
	/** Points per criterion, criteria order. */
	points: readonly number[];
	/** The criteria's points added up. */
	total: number;
}

export interface ItemAggregate {
	item: ItemId;
	/** Every juror who scored the item, ordered by juror id. */
	jurors: JurorScore[];
	/** The jurors' mean points per criterion, criteria order. */
	criterionMeans: number[];
	/** The jurors' mean total: the item's quality points. */
	mean: number;
	/** Lowest and highest juror total, and their difference (max − min). */
	min: number;
	max: number;
	range: number;
	/** Population standard deviation of the jurors' totals (divides by the jurors' count). */
	stdDev: number;
	/** range > disagreementShare × the stage's maximum quality points. */
	disagreement: boolean;
}

/** Groups scorecards per item; throws RangeError for a juror who scored an item twice. */
export function scorecardsByItem(scorecards: readonly Scorecard[]): Map<ItemId, Scorecard[]> {
	const byItem = new Map<ItemId, Scorecard[]>();
	for (const card of scorecards) {
		const cards = byItem.get(card.item) ?? [];
		if (cards.some((c) => c.juror === card.juror)) {
			throw new RangeError(`juror ${card.juror} scored item ${card.item} twice`);
		}
		cards.push(card);
		byItem.set(card.item, cards);
	}
	return byItem;
}

/**
 * Aggregates the scorecards of one stage. Takes the stage's criteria (stageCriteria order),
 * the scorecards (points on each criterion's scale, as validateScorecard returns them) and
 * the disagreement share (0–1 of the stage's maximum quality points, default
 * DEFAULT_DISAGREEMENT_SHARE: a share rather than absolute points, so one setting fits a
 * 70-point Helsinki stage and a 10-point shortlist alike). Returns one ItemAggregate per
 * item that has scorecards, ordered by item id; sums and means are computed from whole
 * hundredths, so equal scores give bit-for-bit equal means. Throws RangeError for a
 * scorecard whose point count differs from the criteria's, points that are not whole
 * hundredths, a juror scoring an item twice, or a share outside 0–1 — all refused earlier
 * by validateScorecard and the database, so here they are bugs.
 */
export function aggregateScores(
	criteria: readonly Criterion[],
	scorecards: readonly Scorecard[],
	disagreementShare: number = DEFAULT_DISAGREEMENT_SHARE
): ItemAggregate[] {
	if (!(disagreementShare >= 0 && disagreementShare <= 1)) {
		throw new RangeError(`disagreement share ${disagreementShare} is not within 0–1`);
	}
	const maxTotal = maxQualityPoints(criteria);
	const result: ItemAggregate[] = [];
	for (const [item, cards] of scorecardsByItem(scorecards)) {
		const jurors = cards
			.map((card) => {
				if (card.points.length !== criteria.length) {
					throw new RangeError(`scorecard of ${card.juror} for ${item} has a wrong point count`);
				}
				const hundredths = card.points.map(hundredthsOrThrow);
				const totalH = hundredths.reduce((a, b) => a + b, 0);
				return { juror: card.juror, points: card.points, hundredths, totalH };
			})
			.sort((a, b) => compareIds(a.juror, b.juror));
		const n = jurors.length;
		const totals = jurors.map((j) => j.totalH);
		const sumH = totals.reduce((a, b) => a + b, 0);
		const meanH = sumH / n;
		const minH = Math.min(...totals);
		const maxH = Math.max(...totals);
		const variance = totals.reduce((s, t) => s + (t - meanH) ** 2, 0) / n;
		result.push({
			item,
			jurors: jurors.map((j) => ({ juror: j.juror, points: j.points, total: j.totalH / 100 })),
			criterionMeans: criteria.map(
				(_, i) => jurors.reduce((s, j) => s + j.hundredths[i], 0) / (n * 100)
			),
			// One division of whole numbers: equal sums over equal counts give equal floats.
			mean: sumH / (n * 100),
			min: minH / 100,
			max: maxH / 100,
			range: (maxH - minH) / 100,
			stdDev: Math.sqrt(variance) / 100,
			disagreement: maxH - minH > disagreementShare * maxTotal * 100
		});
	}
	return result.sort((a, b) => compareIds(a.item, b.item));
}
