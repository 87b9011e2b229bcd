/**
 * Team competence from work history: how many months each member has worked in each required
 * area inside the look-back window before an application deadline.
 */
import { helsinkiDay } from './helsinki-time';

export type Month = string; // 'YYYY-MM'

export interface WorkEntry {
	memberId: string;
	area: string;
	start: Month;
	end: Month | null /* null = ongoing */;
}

export interface CommonProject {
	memberIds: string[];
	start: Month;
	end: Month | null;
}

export interface TeamRequirements {
	areas: string[];
	lookbackYears: number;
	minTeamSize: number;
	requireCommonHistory: boolean;
}

export interface CoverageCell {
	memberId: string;
	months: number;
}

export interface AreaCoverage {
	area: string;
	members: CoverageCell[];
	covered: boolean;
}

export interface Coverage {
	areas: AreaCoverage[];
	teamSize: number;
	teamSizeOk: boolean;
	commonHistoryOk: boolean | null /* null when not required */;
	shortfalls: Shortfall[];
	ok: boolean;
}

export type Shortfall =
	| { code: 'area_not_covered'; area: string }
	| { code: 'team_too_small'; have: number; need: number }
	| { code: 'no_common_history' };

export interface Period {
	start: Month;
	end: Month;
}

export interface MonthWindow {
	from: Month;
	to: Month;
}

export type WorkEntryError =
	'start_invalid' | 'end_invalid' | 'end_before_start' | 'start_in_future' | 'end_in_future';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
	return MONTH.test(value);
}

/** Months as consecutive integers, so ranges and lengths are plain arithmetic. */
export function monthIndex(m: Month): number {
	const match = MONTH.exec(m);
	// Failing loudly beats silently counting NaN months from unvalidated input.
	if (!match) throw new RangeError(`Not a YYYY-MM month: ${m}`);
	return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function monthFromIndex(i: number): Month {
	if (!Number.isInteger(i) || i < 0 || i >= 10000 * 12) {
		throw new RangeError(`Month index out of range: ${i}`);
	}
	const year = Math.floor(i / 12);
	const month = (i % 12) + 1;
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

// Deadlines are instants; the calendar month they fall in is the one seen in Helsinki.
function helsinkiMonthIndex(date: Date): number {
	const [year, month] = helsinkiDay(date).split('-').map(Number);
	return year * 12 + month - 1;
}

/** The `years * 12` months ending with the deadline's month, both ends inclusive. */
export function lookbackWindow(deadline: Date, years: number): MonthWindow {
	const length = years * 12;
	if (!Number.isInteger(length) || length < 1) {
		throw new RangeError(`Look-back must be a positive whole number of months: ${years} years`);
	}
	const to = helsinkiMonthIndex(deadline);
	return { from: monthFromIndex(to - length + 1), to: monthFromIndex(to) };
}

/** Sorted, with overlapping or touching periods joined; empty (end before start) ones dropped. */
export function mergePeriods(periods: Period[]): Period[] {
	const ranges = periods
		.map((p) => [monthIndex(p.start), monthIndex(p.end)] as const)
		.filter(([s, e]) => e >= s)
		.sort((a, b) => a[0] - b[0]);
	const merged: [number, number][] = [];
	for (const [s, e] of ranges) {
		const last = merged.at(-1);
		if (last && s <= last[1] + 1) last[1] = Math.max(last[1], e);
		else merged.push([s, e]);
	}
	return merged.map(([s, e]) => ({ start: monthFromIndex(s), end: monthFromIndex(e) }));
}

/** Distinct months the entries cover inside the window; ongoing entries run to the window's end. */
export function monthsInWindow(
	entries: { start: Month; end: Month | null }[],
	window: MonthWindow
): number {
	const from = monthIndex(window.from);
	const to = monthIndex(window.to);
	const clipped: Period[] = [];
	for (const entry of entries) {
		const s = Math.max(monthIndex(entry.start), from);
		const e = Math.min(entry.end === null ? to : monthIndex(entry.end), to);
		if (s <= e) clipped.push({ start: monthFromIndex(s), end: monthFromIndex(e) });
	}
	// Merging first so parallel jobs in one area do not double the experience.
	return mergePeriods(clipped).reduce(
		(sum, p) => sum + monthIndex(p.end) - monthIndex(p.start) + 1,
		0
	);
}

/**
 * Owner-defined areas are free text: the same words match whatever their case or
 * spacing, so "Machine learning" in a challenge matches "machine  learning" in an entry.
 */
export function normaliseArea(area: string): string {
	return area.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function teamCoverage(
	members: string[],
	entries: WorkEntry[],
	projects: CommonProject[],
	req: TeamRequirements,
	deadline: Date
): Coverage {
	const team = [...new Set(members)];
	const inTeam = new Set(team);
	const window = lookbackWindow(deadline, req.lookbackYears);

	const areas: AreaCoverage[] = req.areas.map((area) => {
		const cells: CoverageCell[] = [];
		const key = normaliseArea(area);
		for (const memberId of team) {
			const own = entries.filter((e) => e.memberId === memberId && normaliseArea(e.area) === key);
			const months = monthsInWindow(own, window);
			if (months > 0) cells.push({ memberId, months });
		}
		return { area, members: cells, covered: cells.length > 0 };
	});

	const teamSize = team.length;
	const teamSizeOk = teamSize >= req.minTeamSize;

	// A project counts only if at least two of this team's people were on it, in the window.
	const commonHistoryOk = req.requireCommonHistory
		? projects.some(
				(p) =>
					new Set(p.memberIds.filter((id) => inTeam.has(id))).size >= 2 &&
					monthsInWindow([p], window) > 0
			)
		: null;

	const shortfalls: Shortfall[] = [
		...areas
			.filter((a) => !a.covered)
			.map((a): Shortfall => ({ code: 'area_not_covered', area: a.area })),
		...(teamSizeOk
			? []
			: [{ code: 'team_too_small', have: teamSize, need: req.minTeamSize } as const]),
		...(commonHistoryOk === false ? [{ code: 'no_common_history' } as const] : [])
	];

	return {
		areas,
		teamSize,
		teamSizeOk,
		commonHistoryOk,
		shortfalls,
		ok: shortfalls.length === 0
	};
}

export function validateWorkEntry(
	entry: { start: string; end: string | null },
	today: Date
): WorkEntryError[] {
	const errors: WorkEntryError[] = [];
	const now = helsinkiMonthIndex(today);
	const startOk = isMonth(entry.start);
	const endOk = entry.end === null || isMonth(entry.end);
	if (!startOk) errors.push('start_invalid');
	if (!endOk) errors.push('end_invalid');
	const start = startOk ? monthIndex(entry.start) : null;
	const end = entry.end !== null && endOk ? monthIndex(entry.end) : null;
	if (start !== null && end !== null && end < start) errors.push('end_before_start');
	if (start !== null && start > now) errors.push('start_in_future');
	if (end !== null && end > now) errors.push('end_in_future');
	return errors;
}
