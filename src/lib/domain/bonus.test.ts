import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	addMonths,
	bonusSummary,
	nextMonthToReport,
	reportableMonths,
	canReport,
	canReview,
	formatEuros,
	monthLabel,
	reportsInForce,
	targetProgress,
	type ReportVersion,
	reportBonusCents,
	resultCount,
	share,
	validateOutcomeReport,
	type OutcomeCategory,
	type OutcomeReport
} from './bonus';

/** Helsinki's six outcome categories (shared/seeds), with a bonus each in cents. */
const HELSINKI: OutcomeCategory[] = [
	{ id: 'permanent', bonusCents: 200_000 },
	{ id: 'fixed_over_6', bonusCents: 150_000 },
	{ id: 'fixed_under_6', bonusCents: 80_000 },
	{ id: 'subsidised_company', bonusCents: 100_000 },
	{ id: 'subsidised_city', bonusCents: 70_000 },
	{ id: 'vocational', bonusCents: 120_000 }
];

const report = (month: string, started: number, progressed: number, results: number[]) => ({
	month,
	clientsStarted: started,
	clientsProgressed: progressed,
	results: Object.fromEntries(HELSINKI.map((c, i) => [c.id, results[i] ?? 0]))
});

describe('the result-based bonus (issue 14)', () => {
	it("reproduces Helsinki's production phase: 82 results, 96 of 288 clients progressed, 33.3 %", () => {
		// Three months whose category results add up to 20, 11, 11, 15, 13, 12.
		const reports = [
			report('2022-03-01', 120, 30, [6, 3, 4, 5, 4, 3]),
			report('2022-01-01', 90, 28, [7, 4, 3, 4, 4, 4]),
			report('2022-02-01', 78, 38, [7, 4, 4, 6, 5, 5])
		];
		const s = bonusSummary(HELSINKI, reports);
		expect(s.months.map((m) => m.month)).toEqual(['2022-01-01', '2022-02-01', '2022-03-01']);
		expect(HELSINKI.map((c) => s.months.reduce((n, m) => n + m.results[c.id], 0))).toEqual([
			20, 11, 11, 15, 13, 12
		]);
		expect(s.results).toBe(82);
		expect(s.clientsStarted).toBe(288);
		expect(s.clientsProgressed).toBe(96);
		expect(Math.round(s.progressedShare * 1000) / 10).toBe(33.3);
		expect(s.bonusCents).toBe(
			20 * 200_000 + 11 * 150_000 + 11 * 80_000 + 15 * 100_000 + 13 * 70_000 + 12 * 120_000
		);
		expect(s.months.at(-1)!.cumulativeBonusCents).toBe(s.bonusCents);
	});

	it('progress to a target is a share from 0 to 1, never above', () => {
		expect(share(105, 200)).toBe(0.525);
		expect(share(260, 200)).toBe(1);
		expect(share(5, 0)).toBe(0);
		expect(share(0, 10)).toBe(0);
		fc.assert(
			fc.property(
				fc.integer({ min: -10, max: 10_000 }),
				fc.integer({ min: -10, max: 10_000 }),
				(a, b) => {
					const s = share(a, b);
					return s >= 0 && s <= 1;
				}
			)
		);
	});

	const counts = fc.array(fc.nat({ max: 50 }), { minLength: 6, maxLength: 6 });
	const months = fc.uniqueArray(fc.integer({ min: 0, max: 47 }), { maxLength: 12 });

	it('the total bonus is the sum over months and categories, in any order of reports', () => {
		fc.assert(
			fc.property(months, fc.array(counts, { minLength: 12, maxLength: 12 }), (ms, cs) => {
				const reports: OutcomeReport[] = ms.map((m, i) => {
					const month = `${2021 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
					const sum = cs[i].reduce((a, b) => a + b, 0);
					return report(month, sum + 3, sum, cs[i]);
				});
				const s = bonusSummary(HELSINKI, reports);
				const reversed = bonusSummary(HELSINKI, [...reports].reverse());
				const bySum = reports.reduce(
					(total, r) => total + HELSINKI.reduce((t, c) => t + r.results[c.id] * c.bonusCents, 0),
					0
				);
				expect(s.bonusCents).toBe(bySum);
				expect(s.bonusCents).toBe(s.months.reduce((t, m) => t + m.bonusCents, 0));
				expect(reversed).toEqual(s);
				expect(s.progressedShare).toBeLessThanOrEqual(1);
				expect(Number.isInteger(s.bonusCents)).toBe(true);
			})
		);
	});

	it('refuses two reports of one month', () => {
		const r = report('2022-01-01', 1, 0, []);
		expect(() => bonusSummary(HELSINKI, [r, { ...r }])).toThrow(RangeError);
	});

	it('a category without a bonus counts its results but pays nothing', () => {
		const cats = [...HELSINKI, { id: 'other', bonusCents: 0 }];
		const r = { ...report('2022-01-01', 10, 5, [1]), results: { permanent: 1, other: 4 } };
		expect(resultCount(r)).toBe(5);
		expect(reportBonusCents(r, cats)).toBe(200_000);
	});
});

describe('a month’s report, checked (issue 14: counts, no personal data)', () => {
	const today = '2022-03-15';
	const ok = report('2022-03-01', 10, 4, [1, 1, 0, 0, 0, 2]);

	it('lets a whole, past or current month stand', () => {
		expect(validateOutcomeReport(ok, HELSINKI, today)).toEqual([]);
		expect(validateOutcomeReport({ ...ok, month: '2021-12-01' }, HELSINKI, today)).toEqual([]);
	});

	it('refuses a future month, a day that is not the first, and a malformed month', () => {
		expect(validateOutcomeReport({ ...ok, month: '2022-04-01' }, HELSINKI, today)).toEqual([
			'month_in_future'
		]);
		for (const month of ['2022-03-02', '2022-3-01', '', '2022-03-01T00:00'])
			expect(validateOutcomeReport({ ...ok, month }, HELSINKI, today), month).toEqual([
				'month_not_first_day'
			]);
	});

	it('refuses negative, fractional and unknown counts, and more results than progressed', () => {
		expect(validateOutcomeReport({ ...ok, clientsStarted: -1 }, HELSINKI, today)).toEqual([
			'count_negative'
		]);
		expect(
			validateOutcomeReport({ ...ok, results: { ...ok.results, permanent: 1.5 } }, HELSINKI, today)
		).toEqual(['count_not_whole']);
		expect(
			validateOutcomeReport({ ...ok, results: { ...ok.results, elsewhere: 0 } }, HELSINKI, today)
		).toEqual(['category_unknown']);
		expect(validateOutcomeReport({ ...ok, clientsProgressed: 3 }, HELSINKI, today)).toEqual([
			'results_above_progressed'
		]);
		expect(
			validateOutcomeReport({ ...ok, clientsProgressed: Number.NaN }, HELSINKI, today)
		).toEqual(['count_not_whole']);
	});
});

describe('targets and the record of a month (issue 14)', () => {
	it('shows progress to each target set, never above 100 %', () => {
		const s = bonusSummary(HELSINKI, [report('2022-01-01', 288, 96, [20, 11, 11, 15, 13, 12])]);
		expect(targetProgress(s, { clientsToStart: 200, resultsToReach: 100 })).toEqual([
			{ target: 'clients_started', reached: 288, goal: 200, share: 1 },
			{ target: 'results', reached: 82, goal: 100, share: 0.82 }
		]);
		expect(targetProgress(s, { clientsToStart: null, resultsToReach: 0 })).toEqual([]);
	});

	it('the version in force is the latest of each month', () => {
		const vs: ReportVersion[] = [
			{ month: '2022-02-01', version: 1, status: 'disputed' },
			{ month: '2022-01-01', version: 1, status: 'confirmed' },
			{ month: '2022-02-01', version: 2, status: 'submitted' }
		];
		expect(reportsInForce(vs)).toEqual([vs[1], vs[2]]);
		expect(canReport(vs, '2022-01-01')).toBe('month_confirmed');
		expect(canReport(vs, '2022-02-01')).toBeNull();
		expect(canReport(vs, '2022-03-01')).toBeNull();
		expect(canReview(vs, '2022-02-01', 1)).toBe('not_latest');
		expect(canReview(vs, '2022-02-01', 2)).toBeNull();
		expect(canReview(vs, '2022-01-01', 1)).toBe('already_reviewed');
	});

	it('a confirmed month never changes, whatever is tried after', () => {
		const action = fc.record({
			kind: fc.constantFrom('report', 'confirm', 'dispute'),
			month: fc.constantFrom('2022-01-01', '2022-02-01', '2022-03-01'),
			results: fc.nat({ max: 9 })
		});
		fc.assert(
			fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
				type V = ReportVersion & { results: number };
				const record: V[] = [];
				const confirmed = new Map<string, V>();
				for (const a of actions) {
					const mine = record.filter((v) => v.month === a.month);
					const current = reportsInForce(mine)[0];
					if (a.kind === 'report') {
						if (canReport(record, a.month) === null)
							record.push({
								month: a.month,
								version: mine.length + 1,
								status: 'submitted',
								results: a.results
							});
					} else if (current && canReview(record, a.month, current.version) === null) {
						current.status = a.kind === 'confirm' ? 'confirmed' : 'disputed';
						if (current.status === 'confirmed') confirmed.set(a.month, { ...current });
					}
					for (const [month, frozen] of confirmed)
						expect(reportsInForce(record.filter((v) => v.month === month))[0]).toEqual(frozen);
				}
			})
		);
	});
});

describe('euros and months in words', () => {
	it('writes euros and months in the reader’s language', () => {
		expect(formatEuros(150_050, 'en')).toBe('€1,500.50');
		expect(formatEuros(150_000, 'fi', true).replace(/\s/g, ' ')).toBe('1 500 €');
		expect(monthLabel('2021-07-01', 'fi')).toEqual({ long: 'heinäkuu 2021', short: '7/21' });
		expect(monthLabel('2022-03-01', 'en').long).toBe('March 2022');
	});
});

describe('the months of the report form', () => {
	it('offers the current month and earlier, never a future one', () => {
		expect(addMonths('2022-01-01', -1)).toBe('2021-12-01');
		expect(addMonths('2021-12-01', 1)).toBe('2022-01-01');
		expect(reportableMonths('2022-03-15', 3)).toEqual(['2022-03-01', '2022-02-01', '2022-01-01']);
		expect(nextMonthToReport([], '2022-03-15')).toBe('2022-02-01');
		expect(nextMonthToReport(['2021-07-01', '2021-08-01'], '2022-03-15')).toBe('2021-09-01');
		expect(nextMonthToReport(['2022-03-01'], '2022-03-15')).toBe('2022-03-01');
	});
});
