import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Criterion } from '$lib/domain/criteria';
import type { EvaluationInput } from './evaluate';
import { leaveOneJurorOut } from './robustness';
import type { Scorecard } from './scores';

const criteria: Criterion[] = [30, 10, 10, 10, 10].map((maxPoints, i) => ({
	stage: 'selection',
	name: { en: `C${i + 1}` },
	description: {},
	maxPoints
}));
const at = new Date('2026-03-01T10:00:00Z');
const card = (juror: string, item: string, total: number): Scorecard => ({
	juror,
	item,
	points: [total - 40, 10, 10, 10, 10]
});
const input = (scorecards: Scorecard[]): EvaluationInput => ({
	criteria,
	items: [...new Set(scorecards.map((c) => c.item))].map((item) => ({ item, submittedAt: at })),
	scorecards
});

describe('leaveOneJurorOut', () => {
	it('is robust when the jury agrees on the top k', () => {
		const cards = ['j1', 'j2', 'j3'].flatMap((j) => [
			card(j, 'a', 65),
			card(j, 'b', 60),
			card(j, 'c', 50)
		]);
		expect(leaveOneJurorOut(input(cards), 2)).toEqual({ robust: true, topK: ['a', 'b'] });
	});

	it('names the juror whose scores alone put an item in the top k', () => {
		const cards = [
			card('j1', 'a', 65),
			card('j1', 'b', 55),
			card('j1', 'c', 54),
			card('j2', 'a', 65),
			card('j2', 'b', 55),
			card('j2', 'c', 54),
			card('fan', 'a', 60),
			card('fan', 'b', 45),
			card('fan', 'c', 70) // c: 59.33 > b: 51.67 only thanks to fan
		];
		expect(leaveOneJurorOut(input(cards), 2)).toEqual({
			robust: false,
			topK: ['a', 'c'],
			dependsOn: [{ juror: 'fan', topK: ['a', 'b'], entered: ['b'], left: ['c'] }]
		});
	});

	it('counts an item only one juror scored as depending on that juror', () => {
		const cards = [card('j1', 'a', 60), card('j2', 'b', 50), card('j1', 'b', 50)];
		const result = leaveOneJurorOut(input(cards), 1);
		expect(result.robust).toBe(false);
		expect(!result.robust && result.dependsOn.map((d) => d.juror)).toEqual(['j1']);
	});

	it('takes every item when there are fewer than k, and refuses a bad k', () => {
		expect(leaveOneJurorOut(input([card('j', 'a', 50)]), 3)).toEqual({
			robust: true,
			topK: ['a']
		});
		expect(() => leaveOneJurorOut(input([]), 0)).toThrow(RangeError);
		expect(() => leaveOneJurorOut(input([]), 1.5)).toThrow(RangeError);
	});

	it('never depends on a juror who agrees exactly with the consensus (property)', () => {
		// Per item and criterion a consensus in half points and the other jurors' deviations
		// from it, adding up to zero so the consensus is exactly their mean.
		const arb = fc
			.record({
				items: fc.integer({ min: 2, max: 6 }),
				others: fc.integer({ min: 1, max: 4 }),
				k: fc.integer({ min: 1, max: 6 }),
				seed: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 200, maxLength: 200 }),
				prices: fc.option(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 6, maxLength: 6 }))
			})
			.map(({ items, others, k, seed, prices }) => {
				let s = 0;
				const next = () => seed[s++ % seed.length];
				const scorecards: Scorecard[] = [];
				for (let i = 0; i < items; i++) {
					// Items close together and jurors far apart, so fragile results are common.
					const consensus = criteria.map((c) => c.maxPoints / 2 + ((next() % 9) - 4) / 2);
					const deviations = Array.from({ length: others }, () =>
						criteria.map(() => (next() % 17) - 8)
					);
					// The last juror takes the rest so the deviations add up to zero.
					deviations[others - 1] = criteria.map(
						(_, c) => -deviations.slice(0, -1).reduce((sum, d) => sum + d[c], 0)
					);
					deviations.forEach((d, j) =>
						scorecards.push({
							juror: `j${j}`,
							item: `i${i}`,
							points: consensus.map((p, c) => p + d[c] / 2)
						})
					);
					scorecards.push({ juror: 'consensus', item: `i${i}`, points: consensus });
				}
				return {
					k,
					input: {
						criteria,
						items: Array.from({ length: items }, (_, i) => ({
							item: `i${i}`,
							submittedAt: new Date(Date.UTC(2026, 0, 1 + (next() % 3))),
							price: prices ? prices[i] * 1000 : null
						})),
						scorecards,
						priceMaxPoints: prices ? 30 : 0
					} satisfies EvaluationInput
				};
			});
		fc.assert(
			fc.property(arb, ({ input, k }) => {
				const result = leaveOneJurorOut(input, k);
				if (!result.robust) {
					expect(result.dependsOn.map((d) => d.juror)).not.toContain('consensus');
					// As many enter the top k as leave it: the chair's sentence names both.
					for (const d of result.dependsOn) {
						expect(d.entered.length).toBe(d.left.length);
						expect(d.entered.length).toBeGreaterThan(0);
					}
				}
			})
		);
	});
});
