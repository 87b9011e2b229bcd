/**
 * The result-based bonus of the production phase (issue 14), after the City of Helsinki's
 * innovation partnership for employment training (shared/seeds): the owner defines
 * outcome categories with a bonus per result, and targets; the partner reports per month
 * how many clients started and how many results each category reached — counts only, no
 * personal data of end users. Money is in integer cents, months are the first day of the
 * month (`YYYY-MM-01`), counts are whole and never negative.
 */
import type { Day } from './day';

/** An outcome category: a bonus in whole cents for every result in it (0: counted, not paid). */
export interface OutcomeCategory {
	id: string;
	bonusCents: number;
}

/** One month's report: clients started, clients progressed, and results per category id. */
export interface OutcomeReport {
	/** The month reported, as its first day: `2022-03-01`. */
	month: Day;
	clientsStarted: number;
	/**
	 * Clients who moved into work or training this month, whether or not their result
	 * entitles to a bonus (Helsinki: 96 progressed, 82 of them in bonus categories).
	 */
	clientsProgressed: number;
	results: Readonly<Record<string, number>>;
}

export type OutcomeReportIssueCode =
	| 'month_not_first_day'
	| 'month_in_future'
	| 'count_not_whole'
	| 'count_negative'
	| 'category_unknown'
	| 'results_above_progressed';

/** A whole, finite count (0, 1, 2 …): the only numbers a report carries. */
const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;

/**
 * Checks one month's report against the challenge's categories and the day it is given on
 * (`today`, a Helsinki day). Returns the issues, empty when it stands: the month must be a
 * first day (`YYYY-MM-01`) and not after the current month (a result cannot be reported
 * before it happens), every count whole and not negative, every category one of
 * `categories`, and the results no more than the clients progressed (each result is a
 * client who progressed). The database holds the same rule (its parity test feeds both).
 */
export function validateOutcomeReport(
	report: OutcomeReport,
	categories: readonly OutcomeCategory[],
	today: Day
): OutcomeReportIssueCode[] {
	const issues = new Set<OutcomeReportIssueCode>();
	if (!/^\d{4}-\d{2}-01$/.test(report.month)) issues.add('month_not_first_day');
	else if (report.month > `${today.slice(0, 7)}-01`) issues.add('month_in_future');
	const known = new Set(categories.map((c) => c.id));
	const counts = [
		report.clientsStarted,
		report.clientsProgressed,
		...Object.values(report.results)
	];
	for (const n of counts) {
		if (!Number.isSafeInteger(n)) issues.add('count_not_whole');
		else if (n < 0) issues.add('count_negative');
	}
	for (const id of Object.keys(report.results)) if (!known.has(id)) issues.add('category_unknown');
	if (counts.every(isCount) && resultCount(report) > report.clientsProgressed) {
		issues.add('results_above_progressed');
	}
	return [...issues];
}

/** The results a report counts, over every category. */
export function resultCount(report: Pick<OutcomeReport, 'results'>): number {
	return Object.values(report.results).reduce((sum, n) => sum + n, 0);
}

/**
 * The bonus one report earns, in cents: each category's results × its bonus. Results in
 * a category not in `categories` earn nothing (validateOutcomeReport refuses them).
 */
export function reportBonusCents(
	report: Pick<OutcomeReport, 'results'>,
	categories: readonly OutcomeCategory[]
): number {
	return categories.reduce((sum, c) => sum + (report.results[c.id] ?? 0) * c.bonusCents, 0);
}

/** One month of the summary: what was reported and earned, and the running totals. */
export interface BonusMonth {
	month: Day;
	clientsStarted: number;
	clientsProgressed: number;
	/** Results per category id, every category present (0 when not reported). */
	results: Record<string, number>;
	bonusCents: number;
	cumulativeStarted: number;
	cumulativeProgressed: number;
	cumulativeResults: number;
	cumulativeBonusCents: number;
}

export interface BonusSummary {
	months: BonusMonth[];
	clientsStarted: number;
	clientsProgressed: number;
	results: number;
	bonusCents: number;
	/** Share of started clients who progressed (0–1): Helsinki 96 / 288 = 0.333. */
	progressedShare: number;
}

/**
 * Sums the reports for the owner's and the partner's page, the charts and the CSV: takes
 * the categories and one report per month (the version in force; throws RangeError for
 * two reports of one month), returns the months in order with their bonus and running
 * totals, and the totals. The total bonus is the sum over months and categories; the
 * progressed share is never above 1 (progressed clients are capped by started ones).
 */
export function bonusSummary(
	categories: readonly OutcomeCategory[],
	reports: readonly OutcomeReport[]
): BonusSummary {
	const sorted = [...reports].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
	const months: BonusMonth[] = [];
	let started = 0;
	let progressed = 0;
	let results = 0;
	let bonus = 0;
	for (const [i, r] of sorted.entries()) {
		if (i > 0 && sorted[i - 1].month === r.month) {
			throw new RangeError(`two reports for ${r.month}`);
		}
		const cents = reportBonusCents(r, categories);
		started += r.clientsStarted;
		progressed += r.clientsProgressed;
		results += resultCount(r);
		bonus += cents;
		months.push({
			month: r.month,
			clientsStarted: r.clientsStarted,
			clientsProgressed: r.clientsProgressed,
			results: Object.fromEntries(categories.map((c) => [c.id, r.results[c.id] ?? 0])),
			bonusCents: cents,
			cumulativeStarted: started,
			cumulativeProgressed: progressed,
			cumulativeResults: results,
			cumulativeBonusCents: bonus
		});
	}
	return {
		months,
		clientsStarted: started,
		clientsProgressed: progressed,
		results,
		bonusCents: bonus,
		progressedShare: share(progressed, started)
	};
}

/**
 * `part` of `whole` as a share from 0 to 1: progress to a target (105 of 200 clients), or
 * progressed of started clients. Never above 1 (a target passed is reached, not 130 %
 * of it) and 0 for a whole of 0 or less.
 */
export function share(part: number, whole: number): number {
	if (!(whole > 0) || !(part > 0)) return 0;
	return Math.min(1, part / whole);
}

/** The owner's targets for production: clients to start and results to reach (null: none). */
export interface OutcomeTargets {
	clientsToStart: number | null;
	resultsToReach: number | null;
}

/** Progress to one target: what is reached, the target, and the share (0–1, never above). */
export interface TargetProgress {
	target: 'clients_started' | 'results';
	reached: number;
	goal: number;
	share: number;
}

/**
 * Progress to each target the owner set, from a summary (bonusSummary): clients started
 * against clients to start, results against results to reach. A target not set (null or
 * not above 0) is left out. Shares come from `share`, so never above 1.
 */
export function targetProgress(summary: BonusSummary, targets: OutcomeTargets): TargetProgress[] {
	const out: TargetProgress[] = [];
	const add = (target: TargetProgress['target'], reached: number, goal: number | null) => {
		if (goal !== null && goal > 0) out.push({ target, reached, goal, share: share(reached, goal) });
	};
	add('clients_started', summary.clientsStarted, targets.clientsToStart);
	add('results', summary.results, targets.resultsToReach);
	return out;
}

/** Where a month's report stands: given, confirmed by the owner, or disputed with a comment. */
export type ReportStatus = 'submitted' | 'confirmed' | 'disputed';

/** One version of one month's report, as far as the record rules need it. */
export interface ReportVersion {
	month: Day;
	version: number;
	status: ReportStatus;
}

/**
 * The version in force of every month: its latest (highest) version, months in order. A
 * disputed report stays on record; the partner's correction is a new version that takes
 * its place. The database keeps versions 1, 2, 3 … per month without gaps.
 */
export function reportsInForce<T extends ReportVersion>(versions: readonly T[]): T[] {
	const latest = new Map<string, T>();
	for (const v of versions) {
		const seen = latest.get(v.month);
		if (!seen || v.version > seen.version) latest.set(v.month, v);
	}
	return [...latest.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

export type ReportChangeRefusal = 'month_confirmed' | 'not_latest' | 'already_reviewed';

/**
 * Whether the partner may give a new version of `month` (its first report, or a
 * correction), given every version on record: refused once the month is confirmed (a
 * confirmed month is locked). A submitted, not yet reviewed report may be corrected too.
 * The database holds the same rule (public.outcome_report_submit: outcome_month_confirmed).
 */
export function canReport(
	versions: readonly ReportVersion[],
	month: Day
): ReportChangeRefusal | null {
	const current = reportsInForce(versions.filter((v) => v.month === month))[0];
	return current?.status === 'confirmed' ? 'month_confirmed' : null;
}

/**
 * Whether the owner may confirm or dispute version `version` of `month`: only the version
 * in force (`not_latest` for one a correction replaced), and only once (`already_reviewed`).
 * The database holds the same rule (public.outcome_report_review).
 */
export function canReview(
	versions: readonly ReportVersion[],
	month: Day,
	version: number
): ReportChangeRefusal | null {
	const current = reportsInForce(versions.filter((v) => v.month === month))[0];
	if (!current || current.version !== version) return 'not_latest';
	return current.status === 'submitted' ? null : 'already_reviewed';
}

/** Euros from cents in the reader's language: `1 500,00 €`, `€1,500.00`. */
export function formatEuros(cents: number, locale: string, wholeEuros = false): string {
	return new Intl.NumberFormat(locale === 'en' ? 'en-IE' : `${locale}-FI`, {
		style: 'currency',
		currency: 'EUR',
		minimumFractionDigits: wholeEuros ? 0 : 2,
		maximumFractionDigits: wholeEuros ? 0 : 2
	}).format(cents / 100);
}

/** A month (`2021-07-01`) named in the reader's language: long `heinäkuu 2021`, short `7/21`. */
export function monthLabel(month: Day, locale: string): { long: string; short: string } {
	const [y, mo] = month.split('-').map(Number);
	const long = new Intl.DateTimeFormat(locale, {
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(Date.UTC(y, mo - 1, 1)));
	return { long, short: `${mo}/${String(y).slice(2)}` };
}

/** The month `offset` months from `month` (both first days): `addMonths('2022-01-01', -1)` is `2021-12-01`. */
export function addMonths(month: Day, offset: number): Day {
	const [y, mo] = month.split('-').map(Number);
	const d = new Date(Date.UTC(y, mo - 1 + offset, 1));
	return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-01`;
}

/**
 * The months a partner may pick on the report form, newest first: from the current month
 * (`today`'s, a Helsinki day) back `count` months. Future months are never offered (the
 * database refuses them too).
 */
export function reportableMonths(today: Day, count = 24): Day[] {
	const current = `${today.slice(0, 7)}-01`;
	return Array.from({ length: count }, (_, i) => addMonths(current, -i));
}

/**
 * The month the report form opens on: the month after the latest reported one, unless
 * that is in the future; with nothing reported, the month before the current one (a
 * month is reported once it is over).
 */
export function nextMonthToReport(reported: readonly Day[], today: Day): Day {
	const current = `${today.slice(0, 7)}-01`;
	const latest = [...reported].sort().at(-1);
	if (!latest) return addMonths(current, -1);
	const next = addMonths(latest, 1);
	return next > current ? current : next;
}
