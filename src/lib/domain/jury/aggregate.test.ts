import { describe, expect, it } from 'vitest';
import type { Criterion } from '$lib/domain/criteria';
import { aggregateScores } from './aggregate';

const criteria: Criterion[] = [30, 10, 10, 10, 10].map((maxPoints, i) => ({
	stage: 'selection',
	name: { en: `C${i + 1}` },
	description: {},
	maxPoints
}));

describe('aggregateScores', () => {
	it('gives each juror’s points and total, the means and the spread', () => {
		const [a] = aggregateScores(criteria, [
			{ juror: 'j2', item: 'x', points: [20, 8, 7, 6, 9] }, // 50
			{ juror: 'j1', item: 'x', points: [25, 9, 8, 7.5, 8.5] }, // 58
			{ juror: 'j3', item: 'x', points: [22, 7, 7, 6, 6] } // 48
		]);
		expect(a.item).toBe('x');
		expect(a.jurors.map((j) => [j.juror, j.total])).toEqual([
			['j1', 58],
			['j2', 50],
			['j3', 48]
		]);
		expect(a.criterionMeans).toEqual([67 / 3, 8, 22 / 3, 6.5, 23.5 / 3]);
		expect(a.mean).toBe(52);
		expect([a.min, a.max, a.range]).toEqual([48, 58, 10]);
		// Population SD of 58, 50, 48 around 52: sqrt((36 + 4 + 16) / 3).
		expect(a.stdDev).toBeCloseTo(Math.sqrt(56 / 3), 12);
		expect(a.disagreement).toBe(false); // 10 ≤ 0.2 × 70 = 14
	});

	it('flags disagreement above a share of the stage’s maximum points', () => {
		const cards = [
			{ juror: 'a', item: 'x', points: [30, 10, 10, 10, 10] }, // 70
			{ juror: 'b', item: 'x', points: [20, 10, 10, 10, 5.5] } // 55.5: range 14.5
		];
		expect(aggregateScores(criteria, cards)[0].disagreement).toBe(true);
		expect(aggregateScores(criteria, cards, 0.25)[0].disagreement).toBe(false); // 17.5
		cards[1].points[4] = 6; // range exactly 14: not more than the threshold
		expect(aggregateScores(criteria, cards)[0].disagreement).toBe(false);
	});

	it('adds in hundredths, so equal scores give equal means bit for bit', () => {
		const tenths = [0.1, 0.2, 0.3, 0.4, 0.5];
		const [x, y] = aggregateScores(criteria, [
			{ juror: 'a', item: 'x', points: tenths },
			{ juror: 'a', item: 'y', points: [...tenths].reverse() }
		]);
		expect(x.mean).toBe(1.5);
		expect(y.mean).toBe(x.mean);
	});

	it('orders items by id and handles a single juror', () => {
		const result = aggregateScores(criteria, [
			{ juror: 'a', item: 'b', points: [1, 1, 1, 1, 1] },
			{ juror: 'a', item: 'a', points: [2, 2, 2, 2, 2] }
		]);
		expect(result.map((r) => [r.item, r.mean, r.range, r.stdDev])).toEqual([
			['a', 10, 0, 0],
			['b', 5, 0, 0]
		]);
	});

	it('refuses malformed scorecards as bugs', () => {
		const ok = { juror: 'a', item: 'x', points: [1, 1, 1, 1, 1] };
		expect(() => aggregateScores(criteria, [ok, ok])).toThrow(RangeError);
		expect(() => aggregateScores(criteria, [{ ...ok, points: [1] }])).toThrow(RangeError);
		expect(() => aggregateScores(criteria, [{ ...ok, points: [1, 1, 1, 1, 0.001] }])).toThrow(
			RangeError
		);
		expect(() => aggregateScores(criteria, [ok], 1.5)).toThrow(RangeError);
	});
});
