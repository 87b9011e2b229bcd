import {
	LIST_SEARCH_MAX,
	listFilterOf,
	parseListQuery,
	type ListFilter,
	type ListQuery
} from './list-filter';

/**
 * Where a submitted application stands in screening, as public.screening_decisions says it:
 * no current decision (never screened, or its decision voided by a withdrawal before it was
 * submitted again), or the current decision's eligible or not (a corrected decision counts
 * as its correction says).
 */
export const SCREENING_STATES = ['unscreened', 'eligible', 'ineligible'] as const;

/** A choice of the owner's list: one state, or every application. */
export const SCREENING_STATE_CHOICES = ['all', ...SCREENING_STATES] as const;
export type ScreeningStateChoice = (typeof SCREENING_STATE_CHOICES)[number];

/** The longest search kept (list-filter's, as for every list). */
export const SCREENING_SEARCH_MAX = LIST_SEARCH_MAX;

export type ScreeningQuery = ListQuery<ScreeningStateChoice>;

/**
 * The owner's list as its address asks for it (parseListQuery): `state` one of
 * SCREENING_STATE_CHOICES, `q` words of a team's name, `page` 1-based.
 */
export const parseScreeningQuery = (params: URLSearchParams): ScreeningQuery =>
	parseListQuery(params, SCREENING_STATE_CHOICES);

/** What the database is asked for: the state, and the folded words every team's name must hold. */
export type ScreeningFilter = ListFilter<ScreeningStateChoice>;

/** The filter of a query: its state, and its search as folded words (none for punctuation). */
export const screeningFilterOf = (query: Pick<ScreeningQuery, 'state' | 'q'>): ScreeningFilter =>
	listFilterOf(query);

export { narrows } from './list-filter';

/** How many submitted applications there are in each screening state, and in all. */
export type ScreeningCounts = Record<ScreeningStateChoice, number>;

/**
 * Whether an application whose current screening decision says `eligible` (true, false;
 * null: no decision in force) is in `state` (SCREENING_STATE_CHOICES; `all` holds every one).
 * Each state compares with a constant: `eligible === (state === 'eligible')`, a nullable
 * boolean against a computed one, sent V8's optimising compiler into a loop of
 * deoptimisations, a fifth of the owner's list's server time (issue 16, bench:http profile).
 */
export function inScreeningState(state: ScreeningStateChoice, eligible: boolean | null): boolean {
	switch (state) {
		case 'unscreened':
			return eligible === null;
		case 'eligible':
			return eligible === true;
		case 'ineligible':
			return eligible === false;
		default:
			return true;
	}
}

/** How many of `rows` (each with its current decision's `eligible`, null for none) are in each state. */
export const screeningCountsOf = (rows: readonly { eligible: boolean | null }[]): ScreeningCounts =>
	Object.fromEntries(
		SCREENING_STATE_CHOICES.map((state) => [
			state,
			rows.filter((r) => inScreeningState(state, r.eligible)).length
		])
	) as ScreeningCounts;
