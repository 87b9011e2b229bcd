import { z } from 'zod';
import { listPage, listSearch } from './kept-query';
import { searchWords } from './search';

/**
 * Narrowing a long list a person works through (issue 16): the owner's applications, a
 * juror's items, the chair's progress table, the owner's challenges. The address holds
 * the choice (a GET form, ListFilter.svelte), so a narrowed list can be bookmarked, the
 * back button returns to it and a detail page reached from it links back to it.
 */

// A list's search and page are read in kept-query.ts (no zod: a visitor's page imports
// it), as its links back to a list keep them.
export { LIST_SEARCH_MAX } from './kept-query';

/** A list's query as its address asks for it: one of its choices, a search, a 1-based page. */
export interface ListQuery<S extends string> {
	state: S;
	q: string;
	page: number;
}

/**
 * Reads `field` of an address as one of `choices` (the first of a repeated field), or
 * `choices[0]` (every row) for nothing or a value that is not one: never an error.
 */
export function parseChoice<const C extends readonly [string, ...string[]]>(
	params: URLSearchParams,
	field: string,
	choices: C
): C[number] {
	return z
		.enum(choices)
		.catch(choices[0])
		.parse(params.get(field) ?? undefined);
}

/**
 * Reads a list's query from its address: `state` one of `choices` (the first, `all`, is
 * every row), `q` words of a name (listSearch: trimmed, a longer one cut to its first
 * LIST_SEARCH_MAX characters), `page` 1-based (listPage: at most LIST_PAGE_MAX).
 * Anything else in their place is no filter and the first page, never an error; field
 * names may carry a `prefix` when one page holds several lists ("shortlisting-state").
 */
export function parseListQuery<const C extends readonly ['all', ...string[]]>(
	params: URLSearchParams,
	choices: C,
	prefix = ''
): ListQuery<C[number]> {
	return {
		state: parseChoice(params, `${prefix}state`, choices),
		q: listSearch(params.get(`${prefix}q`)),
		page: listPage(params.get(`${prefix}page`))
	};
}

/** What the database is asked for: the state, and the folded words every name must hold. */
export interface ListFilter<S extends string> {
	state: S;
	/** Folded (searchWords: lower case, no accents), each a part of the row's folded name. */
	words: string[];
}

/** Every row: the filter of an address that narrows nothing. */
export const NO_FILTER: ListFilter<'all'> = { state: 'all', words: [] };

/** The filter of a query: its state, and its search as folded words (none for punctuation). */
export const listFilterOf = <S extends string>(
	query: Pick<ListQuery<S>, 'state' | 'q'>
): ListFilter<S> => ({ state: query.state, words: searchWords(query.q) });

/**
 * A list's choices as ListFilter shows them: each with its words (`label`) and how many
 * rows it holds (`count`), in the list's order of choices.
 */
export const countedChoices = <C extends string>(
	choices: readonly C[],
	label: (choice: C) => string,
	count: Record<C, number>
) => choices.map((value) => ({ value, label: label(value), count: count[value] }));

/** Whether the filter may leave anything out: then the page says how many match, or that none does. */
export const narrows = (filter: ListFilter<string>) =>
	filter.state !== 'all' || filter.words.length > 0;
