import { describe, expect, it } from 'vitest';
import type { Criterion } from '$lib/domain/criteria';
import { evaluate } from './evaluate';

const criteria: Criterion[] = [20, 10].map((maxPoints, i) => ({
	stage: 'selection',
	name: { en: `C${i + 1}` },
	description: {},
	maxPoints
}));
const at = new Date('2026-03-01T10:00:00Z');
const items = ['a', 'b', 'c', 'd'].map((item) => ({ item, submittedAt: at }));

describe('evaluate', () => {
	it('ranks on mean quality plus price points, ties on the weightiest criterion', () => {
		const result = evaluate({
			criteria,
			items: [
				{ item: 'b', submittedAt: at, price: 100 },
				{ item: 'a', submittedAt: at, price: 200 }
			],
			scorecards: [
				{ juror: 'j2', item: 'a', points: [16, 8] },
				{ juror: 'j1', item: 'a', points: [20, 10] },
				{ juror: 'j1', item: 'b', points: [12, 6] },
				{ juror: 'j2', item: 'b', points: [10, 6] }
			],
			priceMaxPoints: 20
		});
		expect(result.jurors).toEqual(['j1', 'j2']);
		// Both 37 points; a has 18 on the 20-point criterion, b 11.
		expect(result.items.map((i) => [i.item, i.rank, i.quality, i.price, i.total])).toEqual([
			['a', 1, 27, 10, 37],
			['b', 2, 17, 20, 37]
		]);
		expect(result.items[0].aggregate?.criterionMeans).toEqual([18, 9]);
	});

	it('with normalisation, an item is not sunk by drawing a strict juror', () => {
		const scorecards = [
			{ juror: 'strict', item: 'a', points: [9, 5] }, // 14
			{ juror: 'strict', item: 'b', points: [6, 4] }, // 10
			{ juror: 'generous', item: 'c', points: [20, 10] }, // 30
			{ juror: 'generous', item: 'd', points: [17, 9] } // 26
		];
		const raw = evaluate({ criteria, items, scorecards });
		expect(raw.items.map((i) => i.item)).toEqual(['c', 'd', 'a', 'b']);
		const normalised = evaluate({ criteria, items, scorecards, normalise: true });
		// Each juror's better item is at +1 SD (22 points), the worse at −1 SD (18 points).
		expect(normalised.items.map((i) => [i.item, i.quality])).toEqual([
			['c', 22],
			['a', 22],
			['d', 18],
			['b', 18]
		]);
	});

	it('ranks an item nobody scored last, without a total', () => {
		const result = evaluate({
			criteria,
			items,
			scorecards: [{ juror: 'j', item: 'b', points: [0, 0] }]
		});
		expect(result.items.map((i) => [i.item, i.total])).toEqual([
			['b', 0],
			['a', null],
			['c', null],
			['d', null]
		]);
	});

	it('refuses a scorecard for an unknown item and a price it cannot score', () => {
		expect(() =>
			evaluate({ criteria, items, scorecards: [{ juror: 'j', item: 'x', points: [1, 1] }] })
		).toThrow(RangeError);
		expect(() => evaluate({ criteria, items, scorecards: [], priceMaxPoints: 30 })).toThrow(
			RangeError
		);
	});
});
