/**
 * The jury's ranking (issue 13) with a tie-break fixed in advance, so the same scores give
 * the same order on every machine and in every appeal, whatever order rows came in.
 */
import type { Criterion } from '$lib/domain/criteria';
import { compareIds, type ItemId } from './scores';

export interface RankEntry {
	item: ItemId;
	/** Quality + price points, or null for an item no juror has scored. */
	total: number | null;
	/** Mean points per criterion (criteria order), or null when unscored. */
	criterionPoints: readonly number[] | null;
	/** When the application or tender was submitted. */
	submittedAt: Date;
}

export interface Ranked {
	item: ItemId;
	/** Position in the input array: the ranking as a permutation of input indices. */
	index: number;
	/** 1 for the first; every rank differs, since the tie-break decides every tie. */
	rank: number;
}

/**
 * Points are compared at a millionth of a point: totals that differ only by floating point
 * noise (quality means plus price ratios) are a tie for the tie-break to settle, and
 * rounding (unlike a tolerance) keeps the comparison transitive.
 */
export const comparablePoints = (points: number): number => Math.round(points * 1e6);

/**
 * The order in which criteria break ties: highest maxPoints first, equal weights in the
 * criteria's own order (Helsinki: the 30-point criterion, then the four 10-point ones in
 * turn). Returns criterion indices.
 */
export function tieBreakOrder(criteria: readonly Criterion[]): number[] {
	return criteria
		.map((c, i) => ({ weight: c.maxPoints, i }))
		.sort((a, b) => b.weight - a.weight || a.i - b.i)
		.map((c) => c.i);
}

/**
 * Ranks items, best first. Takes the entries and the stage's criteria (for the tie-break
 * weights); returns every entry once with its input index and rank. The order:
 * 1. higher total (compared with comparablePoints); unscored items after every scored one;
 * 2. higher mean points on each criterion in tieBreakOrder, in turn — the weightiest
 *    criterion says most about what the buyer valued;
 * 3. earlier submission — the team that was ready first;
 * 4. item id (code-unit order) — arbitrary but fixed, so the order never depends on input.
 * This rule is published with the criteria so that a tie is settled by a rule known in
 * advance, not by the jury after seeing who tied (equal treatment, Act 1397/2016 §3).
 * Throws RangeError for duplicate item ids, an invalid date, a non-finite total, or
 * criterion points whose count differs from the criteria's.
 */
export function rankItems(entries: readonly RankEntry[], criteria: readonly Criterion[]): Ranked[] {
	const order = tieBreakOrder(criteria);
	const ids = new Set<ItemId>();
	for (const e of entries) {
		if (ids.has(e.item)) throw new RangeError(`item ${e.item} given twice`);
		ids.add(e.item);
		if (Number.isNaN(e.submittedAt.getTime())) throw new RangeError(`bad date for ${e.item}`);
		if (e.total !== null && !Number.isFinite(e.total)) throw new RangeError(`bad total ${e.item}`);
		if (e.criterionPoints && e.criterionPoints.length !== criteria.length) {
			throw new RangeError(`criterion points of ${e.item} do not match the criteria`);
		}
	}
	const compare = (a: RankEntry, b: RankEntry): number => {
		if (a.total === null || b.total === null) {
			if (a.total !== b.total) return a.total === null ? 1 : -1;
		} else {
			const byTotal = comparablePoints(b.total) - comparablePoints(a.total);
			if (byTotal) return byTotal;
		}
		if (a.criterionPoints && b.criterionPoints) {
			for (const i of order) {
				const d = comparablePoints(b.criterionPoints[i]) - comparablePoints(a.criterionPoints[i]);
				if (d) return d;
			}
		}
		return a.submittedAt.getTime() - b.submittedAt.getTime() || compareIds(a.item, b.item);
	};
	return entries
		.map((entry, index) => ({ entry, index }))
		.sort((a, b) => compare(a.entry, b.entry))
		.map(({ entry, index }, i) => ({ item: entry.item, index, rank: i + 1 }));
}
