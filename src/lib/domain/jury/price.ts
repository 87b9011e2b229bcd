/**
 * Price points at selection (issue 13). The challenge states a price share (criteria.ts:
 * 0–99 % of the total); the lowest price gets all price points and every other price its
 * proportion: lowest ÷ price × price max points, the usual formula in Finnish public
 * procurement (Helsinki's final call: quality 70 points + price 30 points).
 */
import { compareIds, type ItemId } from './scores';

export type PriceIssueCode = 'price_missing' | 'price_not_finite' | 'price_not_positive';

/**
 * Checks one tender's price (euros, or any one currency unit for every tender): returns
 * null when it can be scored, else why not — missing (null), not a finite number, or zero
 * or negative (a free or negative price would take every other tender's price points to
 * zero or below, and the formula divides by it).
 */
export function validatePrice(price: number | null): PriceIssueCode | null {
	if (price === null) return 'price_missing';
	if (!Number.isFinite(price)) return 'price_not_finite';
	if (price <= 0) return 'price_not_positive';
	return null;
}

/**
 * The price max points for a price share: the stage's maximum quality points (e.g.
 * maxQualityPoints of the selection criteria) and the share in whole percent (criteria.ts,
 * 0–99, null for none). Returns points so that price is that share of the total:
 * quality × share ÷ (100 − share); Helsinki: 70 × 30 ÷ 70 = 30. Not rounded.
 * Throws RangeError for a share outside 0–99 or negative quality points.
 */
export function priceMaxPoints(qualityMax: number, priceShare: number | null): number {
	if (priceShare === null) return 0;
	if (!(priceShare >= 0 && priceShare <= 99)) throw new RangeError(`price share ${priceShare}`);
	if (!(qualityMax >= 0)) throw new RangeError(`quality max ${qualityMax}`);
	return (qualityMax * priceShare) / (100 - priceShare);
}

/**
 * One tender's price points: lowest ÷ price × maxPoints (both prices in the same unit;
 * maxPoints ≥ 0). Not rounded: rounding price points to two decimals can create ties the
 * prices did not have; the UI rounds for display. Throws RangeError when validatePrice
 * refuses either price, when lowest > price, or when maxPoints is negative or not finite.
 */
export function pricePoints(price: number, lowest: number, maxPoints: number): number {
	for (const p of [price, lowest]) {
		if (validatePrice(p) !== null) throw new RangeError(`price ${p} cannot be scored`);
	}
	if (lowest > price) throw new RangeError(`lowest price ${lowest} is above ${price}`);
	if (!(maxPoints >= 0 && Number.isFinite(maxPoints))) throw new RangeError(`max ${maxPoints}`);
	return price === lowest ? maxPoints : (lowest / price) * maxPoints;
}

/**
 * Price points for every tender of a stage: takes each item's price and the price max
 * points; the lowest price among them gets maxPoints. Returns the points per item, or,
 * when any price cannot be scored, every refused item with its code (items by id), since
 * one bad price would change the lowest price and so everyone's points.
 */
export function priceAllPoints(
	prices: readonly { item: ItemId; price: number | null }[],
	maxPoints: number
):
	| { ok: true; points: Map<ItemId, number> }
	| { ok: false; issues: { item: ItemId; code: PriceIssueCode }[] } {
	const issues = prices
		.map(({ item, price }) => ({ item, code: validatePrice(price) }))
		.filter((i): i is { item: ItemId; code: PriceIssueCode } => i.code !== null)
		.sort((a, b) => compareIds(a.item, b.item));
	if (issues.length) return { ok: false, issues };
	const lowest = Math.min(...prices.map((p) => p.price as number));
	return {
		ok: true,
		points: new Map(
			prices.map(({ item, price }) => [item, pricePoints(price as number, lowest, maxPoints)])
		)
	};
}
