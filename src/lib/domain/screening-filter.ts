import { z } from 'zod';
import { searchWords } from './search';

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

/** The longest search kept; a longer one is no search, as a bad state is all. */
export const SCREENING_SEARCH_MAX = 200;

/**
 * The owner's list as its address asks for it (a GET form, so the address is the state):
 * `state` one of SCREENING_STATE_CHOICES, `q` words of a team's name, `page` 1-based.
 * Anything else in their place is no filter and the first page, never an error.
 */
const screeningQuerySchema = z.object({
	state: z.enum(SCREENING_STATE_CHOICES).catch('all'),
	q: z.string().trim().max(SCREENING_SEARCH_MAX).catch(''),
	page: z.coerce.number().int().min(1).max(100_000).catch(1)
});
export type ScreeningQuery = z.infer<typeof screeningQuerySchema>;

/** Reads the list's query from its address (the first of a repeated field). */
export function parseScreeningQuery(params: URLSearchParams): ScreeningQuery {
	return screeningQuerySchema.parse({
		state: params.get('state') ?? undefined,
		q: params.get('q') ?? undefined,
		page: params.get('page') ?? undefined
	});
}

/** What the database is asked for: the state, and the folded words every name must hold. */
export interface ScreeningFilter {
	state: ScreeningStateChoice;
	/** Folded (searchWords: lower case, no accents), each a part of the team's folded name. */
	words: string[];
}

export const NO_SCREENING_FILTER: ScreeningFilter = { state: 'all', words: [] };

/** The filter of a query: its state, and its search as folded words (none for punctuation). */
export const screeningFilterOf = (query: Pick<ScreeningQuery, 'state' | 'q'>): ScreeningFilter => ({
	state: query.state,
	words: searchWords(query.q)
});

/** Whether the filter may leave anything out: then the page says how many match, or that none does. */
export const narrows = (filter: ScreeningFilter) =>
	filter.state !== 'all' || filter.words.length > 0;
