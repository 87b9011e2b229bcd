import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { niceAxis, stack } from './chart';

describe('chart arithmetic', () => {
	it('gives round axes', () => {
		expect(niceAxis(82)).toEqual({ max: 100, ticks: [0, 25, 50, 75, 100] });
		expect(niceAxis(20)).toEqual({ max: 20, ticks: [0, 5, 10, 15, 20] });
		expect(niceAxis(3)).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
		expect(niceAxis(0)).toEqual({ max: 1, ticks: [0, 1] });
	});

	it('an axis always holds its value, with whole steps and few ticks', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 10_000_000 }), (v) => {
				const a = niceAxis(v);
				expect(a.max).toBeGreaterThanOrEqual(v);
				expect(a.ticks.at(-1)).toBe(a.max);
				expect(a.ticks.every(Number.isInteger)).toBe(true);
				expect(a.ticks.length).toBeLessThanOrEqual(9);
			})
		);
	});

	it('stacks segments bottom up to the total, skipping zeros', () => {
		expect(stack([2, 0, 3])).toEqual([
			{ series: 0, start: 0, value: 2 },
			{ series: 2, start: 2, value: 3 }
		]);
		fc.assert(
			fc.property(fc.array(fc.nat({ max: 100 })), (vs) => {
				const s = stack(vs);
				const total = vs.reduce((a, b) => a + b, 0);
				const last = s.at(-1);
				expect(last ? last.start + last.value : 0).toBe(total);
			})
		);
	});
});
