import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseTotals, type JurorTotal } from './normalise';

const t = (juror: string, item: string, total: number): JurorTotal => ({ juror, item, total });

describe('normaliseTotals', () => {
	it('puts a strict and a generous juror on one scale', () => {
		// Same preferences, different levels: strict scores 30/40/50, generous 50/60/70.
		const n = normaliseTotals([
			t('strict', 'a', 30),
			t('strict', 'b', 40),
			t('strict', 'c', 50),
			t('generous', 'a', 50),
			t('generous', 'b', 60),
			t('generous', 'c', 70)
		]);
		expect(n.scale.mean).toBe(50);
		expect(n.scale.sd).toBeCloseTo(Math.sqrt(200 / 3), 12);
		const byItem = (item: string) => n.totals.filter((x) => x.item === item).map((x) => x.points);
		for (const item of ['a', 'b', 'c']) {
			const [p, q] = byItem(item);
			expect(p).toBeCloseTo(q, 12);
		}
		expect(byItem('b')[0]).toBeCloseTo(50, 12);
		expect(n.totals[0].z).toBeCloseTo(-Math.sqrt(1.5), 12);
		expect(n.jurors.map((j) => j.juror)).toEqual(['generous', 'strict']);
	});

	it('gives a juror with no spread, or one item, the scale mean', () => {
		const n = normaliseTotals([
			t('flat', 'a', 60),
			t('flat', 'b', 60),
			t('once', 'a', 10),
			t('spread', 'a', 40),
			t('spread', 'b', 60)
		]);
		for (const x of n.totals.filter((x) => x.juror !== 'spread')) {
			expect(x.z).toBe(0);
			expect(x.points).toBe(n.scale.mean);
		}
		expect(n.scale.mean).toBe(46);
		// Only jurors with two or more items count for the scale: flat (sd 0) and spread (10).
		expect(n.scale.sd).toBeCloseTo(Math.sqrt(50), 12);
	});

	it('handles nothing to normalise', () => {
		expect(normaliseTotals([])).toEqual({ scale: { mean: 0, sd: 0 }, jurors: [], totals: [] });
		const [only] = normaliseTotals([t('a', 'x', 42)]).totals;
		expect(only.points).toBe(42);
	});

	it('refuses a non-finite total and a pair given twice', () => {
		expect(() => normaliseTotals([t('a', 'x', Number.NaN)])).toThrow(RangeError);
		expect(() => normaliseTotals([t('a', 'x', 1), t('a', 'x', 2)])).toThrow(RangeError);
	});

	const totalsArb = fc
		.record({
			jurors: fc.integer({ min: 1, max: 4 }),
			items: fc.integer({ min: 1, max: 6 }),
			scores: fc.array(fc.integer({ min: 0, max: 7000 }), { minLength: 24, maxLength: 24 })
		})
		.map(({ jurors, items, scores }) =>
			Array.from({ length: jurors * items }, (_, i) =>
				t(`j${i % jurors}`, `i${Math.floor(i / jurors)}`, scores[i] / 100)
			)
		);

	it('is invariant to adding a constant to all of one juror’s totals (property)', () => {
		fc.assert(
			fc.property(totalsArb, fc.integer({ min: -3000, max: 3000 }), fc.nat(), (totals, c, pick) => {
				const juror = totals[pick % totals.length].juror;
				const shifted = totals.map((x) =>
					x.juror === juror ? { ...x, total: x.total + c / 100 } : x
				);
				const before = normaliseTotals(totals);
				const after = normaliseTotals(shifted);
				// Same z-scores for everyone…
				before.totals.forEach((x, i) => expect(after.totals[i].z).toBeCloseTo(x.z, 6));
				// …and normalised points move together, so differences (and ranks) stay.
				const move = after.scale.mean - before.scale.mean;
				expect(after.scale.sd).toBeCloseTo(before.scale.sd, 6);
				before.totals.forEach((x, i) =>
					expect(after.totals[i].points - move).toBeCloseTo(x.points, 6)
				);
			})
		);
	});

	it('leaves normalised points in place on a fixed scale (property)', () => {
		const scale = { mean: 35, sd: 10 };
		fc.assert(
			fc.property(totalsArb, fc.integer({ min: -3000, max: 3000 }), fc.nat(), (totals, c, pick) => {
				const juror = totals[pick % totals.length].juror;
				const shifted = totals.map((x) =>
					x.juror === juror ? { ...x, total: x.total + c / 100 } : x
				);
				const before = normaliseTotals(totals, scale);
				const after = normaliseTotals(shifted, scale);
				expect(after.scale).toEqual(scale);
				before.totals.forEach((x, i) => expect(after.totals[i].points).toBeCloseTo(x.points, 6));
			})
		);
	});

	it('refuses a fixed scale it cannot use', () => {
		for (const scale of [
			{ mean: Number.NaN, sd: 1 },
			{ mean: 0, sd: -1 },
			{ mean: 0, sd: Infinity }
		]) {
			expect(() => normaliseTotals([t('a', 'x', 1)], scale)).toThrow(RangeError);
		}
	});

	it('is invariant to scaling one juror’s totals by a positive factor (property)', () => {
		fc.assert(
			fc.property(totalsArb, fc.integer({ min: 1, max: 40 }), fc.nat(), (totals, f, pick) => {
				const juror = totals[pick % totals.length].juror;
				const scaled = totals.map((x) =>
					x.juror === juror ? { ...x, total: (x.total * f) / 10 } : x
				);
				const before = normaliseTotals(totals).totals;
				normaliseTotals(scaled).totals.forEach((x, i) => expect(x.z).toBeCloseTo(before[i].z, 6));
			})
		);
	});
});
