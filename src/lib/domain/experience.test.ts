import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	isMonth,
	lookbackWindow,
	mergePeriods,
	monthFromIndex,
	monthIndex,
	monthsInWindow,
	teamCoverage,
	validateWorkEntry,
	type CommonProject,
	type TeamRequirements,
	type WorkEntry
} from './experience';

// 2026-03-15 noon in Helsinki; window for 3 years is 2023-04..2026-03.
const deadline = new Date('2026-03-15T10:00:00Z');
const window3 = { from: '2023-04', to: '2026-03' };

describe('months', () => {
	it('indexes months as year * 12 + month - 1', () => {
		expect(monthIndex('2026-01')).toBe(2026 * 12);
		expect(monthIndex('2026-12')).toBe(2026 * 12 + 11);
		expect(monthIndex('2027-01') - monthIndex('2026-12')).toBe(1);
	});

	it('turns an index back into a zero-padded month', () => {
		expect(monthFromIndex(2026 * 12 + 2)).toBe('2026-03');
		expect(monthFromIndex(2026 * 12 + 11)).toBe('2026-12');
		expect(monthFromIndex(5 * 12)).toBe('0005-01');
	});

	it('refuses malformed months and indices', () => {
		expect(() => monthIndex('2026-13')).toThrow(RangeError);
		expect(() => monthIndex('2026-3')).toThrow(RangeError);
		expect(() => monthFromIndex(-1)).toThrow(RangeError);
		expect(() => monthFromIndex(1.5)).toThrow(RangeError);
	});

	it('accepts only YYYY-MM with month 01-12', () => {
		for (const ok of ['2026-01', '2026-12', '1999-09', '0000-01']) expect(isMonth(ok)).toBe(true);
		for (const bad of [
			'2026-00',
			'2026-13',
			'2026-1',
			'26-01',
			'2026-01-01',
			' 2026-01',
			'2026/01',
			''
		]) {
			expect(isMonth(bad)).toBe(false);
		}
	});
});

describe('lookbackWindow', () => {
	it('is years * 12 months ending with the deadline month', () => {
		expect(lookbackWindow(deadline, 3)).toEqual(window3);
		expect(lookbackWindow(deadline, 1)).toEqual({ from: '2025-04', to: '2026-03' });
		expect(lookbackWindow(new Date('2026-01-10T12:00:00Z'), 2)).toEqual({
			from: '2024-02',
			to: '2026-01'
		});
	});

	it('takes the deadline month in Helsinki, not UTC', () => {
		// 22:30 UTC on 28 February is 00:30 on 1 March in Helsinki (UTC+2 in winter).
		expect(lookbackWindow(new Date('2026-02-28T22:30:00Z'), 1).to).toBe('2026-03');
		// 20:59 UTC on 31 October is 22:59 in Helsinki, still October.
		expect(lookbackWindow(new Date('2025-10-31T20:59:00Z'), 1).to).toBe('2025-10');
	});

	it('refuses a look-back that is not a positive number of months', () => {
		expect(() => lookbackWindow(deadline, 0)).toThrow(RangeError);
		expect(() => lookbackWindow(deadline, -1)).toThrow(RangeError);
		expect(() => lookbackWindow(deadline, 0.01)).toThrow(RangeError);
	});
});

describe('mergePeriods', () => {
	it('sorts and joins overlapping and adjacent periods', () => {
		expect(
			mergePeriods([
				{ start: '2024-06', end: '2024-08' },
				{ start: '2024-01', end: '2024-03' },
				{ start: '2024-04', end: '2024-04' },
				{ start: '2024-07', end: '2024-12' },
				{ start: '2025-02', end: '2025-02' }
			])
		).toEqual([
			{ start: '2024-01', end: '2024-04' },
			{ start: '2024-06', end: '2024-12' },
			{ start: '2025-02', end: '2025-02' }
		]);
	});

	it('joins across a year boundary and keeps a contained period inside', () => {
		expect(
			mergePeriods([
				{ start: '2023-01', end: '2023-12' },
				{ start: '2023-05', end: '2023-06' },
				{ start: '2024-01', end: '2024-02' }
			])
		).toEqual([{ start: '2023-01', end: '2024-02' }]);
	});

	it('keeps a one-month gap and drops empty periods', () => {
		expect(
			mergePeriods([
				{ start: '2024-01', end: '2024-01' },
				{ start: '2024-03', end: '2024-03' },
				{ start: '2024-09', end: '2024-05' }
			])
		).toEqual([
			{ start: '2024-01', end: '2024-01' },
			{ start: '2024-03', end: '2024-03' }
		]);
		expect(mergePeriods([])).toEqual([]);
	});
});

describe('monthsInWindow', () => {
	it('counts both ends inclusive', () => {
		expect(monthsInWindow([{ start: '2024-01', end: '2024-12' }], window3)).toBe(12);
		expect(monthsInWindow([{ start: '2024-05', end: '2024-05' }], window3)).toBe(1);
	});

	it('counts nothing for an entry ending the month before the window starts', () => {
		expect(monthsInWindow([{ start: '2020-01', end: '2023-03' }], window3)).toBe(0);
		expect(monthsInWindow([{ start: '2020-01', end: '2023-04' }], window3)).toBe(1);
	});

	it('counts one month for an entry starting in the deadline month', () => {
		expect(monthsInWindow([{ start: '2026-03', end: null }], window3)).toBe(1);
		expect(monthsInWindow([{ start: '2026-03', end: '2026-03' }], window3)).toBe(1);
	});

	it('ignores entries entirely after the window', () => {
		expect(monthsInWindow([{ start: '2026-04', end: null }], window3)).toBe(0);
		expect(monthsInWindow([{ start: '2026-04', end: '2026-09' }], window3)).toBe(0);
	});

	it('runs an ongoing entry up to the deadline month', () => {
		expect(monthsInWindow([{ start: '2025-04', end: null }], window3)).toBe(12);
		expect(monthsInWindow([{ start: '2010-01', end: null }], window3)).toBe(36);
	});

	it('clips an entry spanning the whole window to the window length', () => {
		expect(monthsInWindow([{ start: '2015-01', end: '2030-12' }], window3)).toBe(36);
	});

	it('counts overlapping months once', () => {
		expect(
			monthsInWindow(
				[
					{ start: '2024-01', end: '2024-06' },
					{ start: '2024-04', end: '2024-09' },
					{ start: '2024-01', end: '2024-06' },
					{ start: '2024-08', end: null }
				],
				window3
			)
		).toBe(27); // 2024-01 .. 2026-03
	});

	it('adds separate periods', () => {
		expect(
			monthsInWindow(
				[
					{ start: '2023-01', end: '2023-06' }, // 3 in window
					{ start: '2025-01', end: '2025-02' } // 2
				],
				window3
			)
		).toBe(5);
		expect(monthsInWindow([], window3)).toBe(0);
	});
});

describe('teamCoverage', () => {
	const req: TeamRequirements = {
		areas: ['software_development', 'service_design'],
		lookbackYears: 3,
		minTeamSize: 2,
		requireCommonHistory: false
	};
	const entries: WorkEntry[] = [
		{ memberId: 'aino', area: 'software_development', start: '2024-01', end: '2024-12' },
		{ memberId: 'aino', area: 'software_development', start: '2024-07', end: '2025-03' },
		{ memberId: 'eero', area: 'software_development', start: '2025-10', end: null },
		{ memberId: 'eero', area: 'service_design', start: '2023-04', end: '2023-09' }
	];

	it('counts each member per area, merging one person’s entries', () => {
		const c = teamCoverage(['aino', 'eero'], entries, [], req, deadline);
		expect(c.areas).toEqual([
			{
				area: 'software_development',
				members: [
					{ memberId: 'aino', months: 15 }, // 2024-01 .. 2025-03, overlap once
					{ memberId: 'eero', months: 6 } // 2025-10 .. 2026-03
				],
				covered: true
			},
			{ area: 'service_design', members: [{ memberId: 'eero', months: 6 }], covered: true }
		]);
		expect(c).toMatchObject({
			teamSize: 2,
			teamSizeOk: true,
			commonHistoryOk: null,
			shortfalls: [],
			ok: true
		});
	});

	it('keeps the required area order and reports uncovered areas', () => {
		const c = teamCoverage(
			['aino', 'eero'],
			entries,
			[],
			{ ...req, areas: ['project_management', 'service_design', 'business_design'] },
			deadline
		);
		expect(c.areas.map((a) => [a.area, a.covered])).toEqual([
			['project_management', false],
			['service_design', true],
			['business_design', false]
		]);
		expect(c.areas[0].members).toEqual([]);
		expect(c.shortfalls).toEqual([
			{ code: 'area_not_covered', area: 'project_management' },
			{ code: 'area_not_covered', area: 'business_design' }
		]);
		expect(c.ok).toBe(false);
	});

	it('omits members whose experience is all outside the window', () => {
		const c = teamCoverage(
			['aino', 'eero'],
			[
				{ memberId: 'aino', area: 'service_design', start: '2019-01', end: '2023-03' },
				{ memberId: 'eero', area: 'service_design', start: '2023-03', end: '2023-04' }
			],
			[],
			{ ...req, areas: ['service_design'] },
			deadline
		);
		expect(c.areas[0].members).toEqual([{ memberId: 'eero', months: 1 }]);
	});

	it('ignores entries of people outside the team', () => {
		const c = teamCoverage(
			['aino', 'eero'],
			[
				...entries,
				{ memberId: 'ville', area: 'business_design', start: '2024-01', end: null },
				{ memberId: 'ville', area: 'service_design', start: '2024-01', end: null }
			],
			[],
			{ ...req, areas: ['business_design', 'service_design'] },
			deadline
		);
		expect(c.areas[0]).toEqual({ area: 'business_design', members: [], covered: false });
		expect(c.areas[1].members).toEqual([{ memberId: 'eero', months: 6 }]);
		expect(c.teamSize).toBe(2);
	});

	it('matches owner-defined areas whatever their case or spacing (normaliseArea)', () => {
		const c = teamCoverage(
			['aino'],
			[{ memberId: 'aino', area: 'Circular economy', start: '2025-01', end: '2025-01' }],
			[],
			{
				...req,
				areas: ['circular  economy', 'Circular economy', 'circular design'],
				minTeamSize: 1
			},
			deadline
		);
		expect(c.areas.map((a) => a.covered)).toEqual([true, true, false]);
	});

	it('reports a 2-member team when 3 are needed', () => {
		const c = teamCoverage(['aino', 'eero'], entries, [], { ...req, minTeamSize: 3 }, deadline);
		expect(c.teamSize).toBe(2);
		expect(c.teamSizeOk).toBe(false);
		expect(c.shortfalls).toEqual([{ code: 'team_too_small', have: 2, need: 3 }]);
		expect(c.ok).toBe(false);
	});

	it('counts distinct members for team size', () => {
		const c = teamCoverage(
			['aino', 'eero', 'aino'],
			entries,
			[],
			{ ...req, minTeamSize: 3 },
			deadline
		);
		expect(c.teamSize).toBe(2);
		expect(c.areas[0].members.map((m) => m.memberId)).toEqual(['aino', 'eero']);
	});

	describe('common history', () => {
		const withHistory = { ...req, requireCommonHistory: true };
		const check = (projects: CommonProject[], members = ['aino', 'eero', 'ilona']) =>
			teamCoverage(members, entries, projects, withHistory, deadline);

		it('is met by a project of two team members inside the window', () => {
			const c = check([{ memberIds: ['aino', 'eero'], start: '2024-02', end: '2024-10' }]);
			expect(c.commonHistoryOk).toBe(true);
			expect(c.shortfalls).toEqual([]);
			expect(c.ok).toBe(true);
		});

		it('is met by an ongoing project or one touching the window by one month', () => {
			expect(
				check([{ memberIds: ['eero', 'ilona'], start: '2026-03', end: null }]).commonHistoryOk
			).toBe(true);
			expect(
				check([{ memberIds: ['eero', 'ilona'], start: '2020-01', end: '2023-04' }]).commonHistoryOk
			).toBe(true);
		});

		it('is not met when only one team member was on the project', () => {
			const c = check([
				{ memberIds: ['aino', 'ville', 'outsider'], start: '2024-01', end: '2025-01' },
				{ memberIds: ['eero', 'eero'], start: '2024-01', end: '2025-01' }
			]);
			expect(c.commonHistoryOk).toBe(false);
			expect(c.shortfalls).toEqual([{ code: 'no_common_history' }]);
			expect(c.ok).toBe(false);
		});

		it('is not met by projects outside the window', () => {
			const c = check([
				{ memberIds: ['aino', 'eero'], start: '2019-01', end: '2023-03' },
				{ memberIds: ['aino', 'eero'], start: '2026-04', end: null }
			]);
			expect(c.commonHistoryOk).toBe(false);
			expect(c.ok).toBe(false);
		});

		it('is not met without projects', () => {
			expect(check([]).commonHistoryOk).toBe(false);
		});

		it('lists shortfalls in order: areas, team size, common history', () => {
			const c = teamCoverage(
				['aino'],
				entries,
				[],
				{ ...withHistory, areas: ['business_design'], minTeamSize: 2 },
				deadline
			);
			expect(c.shortfalls).toEqual([
				{ code: 'area_not_covered', area: 'business_design' },
				{ code: 'team_too_small', have: 1, need: 2 },
				{ code: 'no_common_history' }
			]);
			expect(c.ok).toBe(false);
		});
	});

	it('uses the look-back years from the requirements', () => {
		const c = teamCoverage(
			['aino', 'eero'],
			entries,
			[],
			{ ...req, lookbackYears: 1 }, // 2025-04 .. 2026-03
			deadline
		);
		expect(c.areas[0].members).toEqual([{ memberId: 'eero', months: 6 }]);
		expect(c.areas[1].covered).toBe(false);
	});
});

describe('validateWorkEntry', () => {
	const today = new Date('2026-03-15T10:00:00Z');

	it('accepts a past or ongoing entry, including the current month', () => {
		expect(validateWorkEntry({ start: '2024-01', end: '2025-06' }, today)).toEqual([]);
		expect(validateWorkEntry({ start: '2024-01', end: null }, today)).toEqual([]);
		expect(validateWorkEntry({ start: '2026-03', end: '2026-03' }, today)).toEqual([]);
	});

	it('refuses malformed months', () => {
		expect(validateWorkEntry({ start: '2024-13', end: '2025-1' }, today)).toEqual([
			'start_invalid',
			'end_invalid'
		]);
		expect(validateWorkEntry({ start: '', end: null }, today)).toEqual(['start_invalid']);
	});

	it('refuses an end before the start', () => {
		expect(validateWorkEntry({ start: '2025-06', end: '2025-05' }, today)).toEqual([
			'end_before_start'
		]);
	});

	it('refuses months after the current month', () => {
		expect(validateWorkEntry({ start: '2026-04', end: null }, today)).toEqual(['start_in_future']);
		expect(validateWorkEntry({ start: '2026-01', end: '2026-04' }, today)).toEqual([
			'end_in_future'
		]);
		expect(validateWorkEntry({ start: '2027-01', end: '2026-12' }, today)).toEqual([
			'end_before_start',
			'start_in_future',
			'end_in_future'
		]);
	});

	it('takes the current month in Helsinki', () => {
		// 31 March 22:30 UTC is already 1 April in Helsinki (UTC+3 in summer time).
		const lateMarch = new Date('2026-03-31T22:30:00Z');
		expect(validateWorkEntry({ start: '2026-04', end: null }, lateMarch)).toEqual([]);
	});
});

describe('properties', () => {
	// Years 2000..2039 keep arithmetic simple while spanning many windows and year boundaries.
	const idx = fc.integer({ min: 2000 * 12, max: 2040 * 12 - 1 });
	const month = idx.map(monthFromIndex);
	const entry = fc.record({ start: month, end: fc.option(month, { nil: null }) });
	const period = fc.tuple(idx, idx).map(([a, b]) => ({
		start: monthFromIndex(Math.min(a, b)),
		end: monthFromIndex(Math.max(a, b))
	}));
	const window = fc
		.tuple(idx, fc.integer({ min: 1, max: 120 }))
		.map(([to, len]) => ({ from: monthFromIndex(to - len + 1), to: monthFromIndex(to) }));
	const windowLength = (w: { from: string; to: string }) =>
		monthIndex(w.to) - monthIndex(w.from) + 1;

	const monthSet = (periods: { start: string; end: string }[]) => {
		const s = new Set<number>();
		for (const p of periods)
			for (let i = monthIndex(p.start); i <= monthIndex(p.end); i++) s.add(i);
		return s;
	};

	it('monthsInWindow stays between 0 and the window length', () => {
		fc.assert(
			fc.property(fc.array(entry, { maxLength: 12 }), window, (entries, w) => {
				const n = monthsInWindow(entries, w);
				expect(Number.isInteger(n)).toBe(true);
				expect(n).toBeGreaterThanOrEqual(0);
				expect(n).toBeLessThanOrEqual(windowLength(w));
			})
		);
	});

	it('monthsInWindow equals a month-by-month count', () => {
		fc.assert(
			fc.property(fc.array(entry, { maxLength: 8 }), window, (entries, w) => {
				const from = monthIndex(w.from);
				const to = monthIndex(w.to);
				let count = 0;
				for (let i = from; i <= to; i++) {
					const covered = entries.some(
						(e) => monthIndex(e.start) <= i && (e.end === null || i <= monthIndex(e.end))
					);
					if (covered) count++;
				}
				expect(monthsInWindow(entries, w)).toBe(count);
			})
		);
	});

	it('monthsInWindow ignores order and duplicates', () => {
		// The original entries, and the same entries plus some repeats in a random order.
		const reshuffled = fc
			.array(entry, { minLength: 1, maxLength: 8 })
			.chain((entries) =>
				fc.tuple(fc.constant(entries), fc.array(fc.constantFrom(...entries), { maxLength: 8 }))
			)
			.chain(([entries, repeats]) => {
				const all = [...entries, ...repeats];
				return fc.tuple(
					fc.constant(entries),
					fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length })
				);
			});
		fc.assert(
			fc.property(reshuffled, window, ([entries, shuffled], w) => {
				expect(monthsInWindow(shuffled, w)).toBe(monthsInWindow(entries, w));
			})
		);
	});

	it('mergePeriods gives sorted, separated periods covering the same months', () => {
		fc.assert(
			fc.property(fc.array(period, { maxLength: 12 }), (periods) => {
				const merged = mergePeriods(periods);
				for (const p of merged) expect(monthIndex(p.start)).toBeLessThanOrEqual(monthIndex(p.end));
				for (let i = 1; i < merged.length; i++) {
					// A gap of at least one month, so neither overlapping nor adjacent.
					expect(monthIndex(merged[i].start)).toBeGreaterThan(monthIndex(merged[i - 1].end) + 1);
				}
				expect([...monthSet(merged)].sort((a, b) => a - b)).toEqual(
					[...monthSet(periods)].sort((a, b) => a - b)
				);
			})
		);
	});

	it('monthIndex and monthFromIndex round-trip', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 9999 * 12 + 11 }), (i) => {
				const m = monthFromIndex(i);
				expect(isMonth(m)).toBe(true);
				expect(monthIndex(m)).toBe(i);
			})
		);
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, mo) => {
				const m = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}`;
				expect(monthFromIndex(monthIndex(m))).toBe(m);
			})
		);
	});
});
