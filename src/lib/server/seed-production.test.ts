import { describe, expect, it } from 'vitest';
import { addMonths, bonusSummary } from '$lib/domain/bonus';
import { DISPUTED_MONTH, HELSINKI_CATEGORIES, HELSINKI_MONTHS } from './seed-production';

describe("the demo's production phase (issue 14, shared/seeds)", () => {
	it("adds up to Helsinki's figures: 20, 11, 11, 15, 13, 12 = 82 results; 96 of 288 progressed", () => {
		const categories = HELSINKI_CATEGORIES.map((c, i) => ({
			id: `c${i}`,
			bonusCents: c.bonusCents
		}));
		const s = bonusSummary(
			categories,
			HELSINKI_MONTHS.map((m, i) => ({
				month: addMonths('2021-07-01', i),
				clientsStarted: m.started,
				clientsProgressed: m.progressed,
				results: Object.fromEntries(m.results.map((n, j) => [`c${j}`, n]))
			}))
		);
		expect(s.months.map((m) => m.month)).toEqual([
			'2021-07-01',
			'2021-08-01',
			'2021-09-01',
			'2021-10-01',
			'2021-11-01',
			'2021-12-01',
			'2022-01-01',
			'2022-02-01',
			'2022-03-01'
		]);
		expect(categories.map((c) => s.months.reduce((n, m) => n + m.results[c.id], 0))).toEqual([
			20, 11, 11, 15, 13, 12
		]);
		expect(s.results).toBe(82);
		expect(s.clientsStarted).toBe(288);
		expect(s.clientsProgressed).toBe(96);
		expect((s.progressedShare * 100).toFixed(1)).toBe('33.3');
		expect(s.bonusCents).toBe(
			s.months.reduce((t, m) => t + m.bonusCents, 0) // the sum over months…
		);
		expect(s.bonusCents).toBe(
			categories.reduce((t, c, j) => t + c.bonusCents * [20, 11, 11, 15, 13, 12][j], 0) // …and categories
		);
		expect(HELSINKI_MONTHS.every((m) => m.results.reduce((a, b) => a + b, 0) <= m.progressed)).toBe(
			true
		);
		expect(DISPUTED_MONTH).toBeLessThan(HELSINKI_MONTHS.length - 1);
	});
});
