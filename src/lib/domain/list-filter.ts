import { z } from 'zod';
import { searchWords } from './search';

/**
 * Narrowing a long list a person works through (issue 16): the owner's applications, a
 * juror's items, the chair's progress table, the owner's challenges. The address holds
 * the choice (a GET form, ListFilter.svelte), so a narrowed list can be bookmarked, the
 * back button returns to it and a detail page reached from it links back to it.
 */

/** The longest search kept; a longer one is no search, as a bad choice is all. */
export const LIST_SEARCH_MAX = 200;

/** The highest page number read from an address; beyond it, the first page. */
const PAGE_MAX = 100_000;

/** The fields of a list's address: a choice of one state, words of a name, a page. */
export const LIST_QUERY_FIELDS = ['state', 'q', 'page'] as const;

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
 * every row), `q` words of a name (trimmed, at most LIST_SEARCH_MAX), `page` 1-based.
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
		q: z
			.string()
			.trim()
			.max(LIST_SEARCH_MAX)
			.catch('')
			.parse(params.get(`${prefix}q`) ?? ''),
		page: z.coerce
			.number()
			.int()
			.min(1)
			.max(PAGE_MAX)
			.catch(1)
			.parse(params.get(`${prefix}page`) ?? undefined)
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

/** The `fields` of `params` that are set (the first of a repeated one), in that order. */
export function keptFields(
	params: URLSearchParams,
	fields: readonly string[] = LIST_QUERY_FIELDS
): Record<string, string> {
	return Object.fromEntries(
		fields.flatMap((field) => {
			const value = params.get(field);
			return value ? [[field, value]] : [];
		})
	);
}

/**
 * The part of an address a detail page keeps to link back to the list it came from, and
 * on to the next row of it: keptFields as "?state=eligible&q=lab" ('' when none is set).
 * Anything else (a notice) is left behind.
 */
export function keptQuery(
	params: URLSearchParams,
	fields: readonly string[] = LIST_QUERY_FIELDS
): string {
	const text = new URLSearchParams(keptFields(params, fields)).toString();
	return text ? `?${text}` : '';
}

/** `path` with a kept list query and one more field (a notice after a post): "…?q=lab&saved=1". */
export const withField = (path: string, kept: string, field: string, value = '1') =>
	`${path}${kept ? `${kept}&` : '?'}${encodeURIComponent(field)}=${encodeURIComponent(value)}`;

/**
 * A form's named action that keeps the list query of the page it is on ("?/save&status=draft"):
 * a form's action replaces the address's query, so without it the redirect after the post
 * would lose the list the page was reached from.
 */
export const actionKeeping = (action: string, kept: string) =>
	`?/${action}${kept ? `&${kept.slice(1)}` : ''}`;

/**
 * The field a detail page carries the query of the list it was reached from in
 * (`?from=state%3Ddraft%26q%3Dlab`), so that its link back, and the redirect after each of
 * its forms (actionKeeping), return to that list: a name of its own, as a detail page may
 * hold lists with fields of the list's names (a challenge's applications).
 */
export const FROM_FIELD = 'from';

/**
 * The `from` field (as "?from=…") that carries the list query of a list's address
 * `params`: only its `fields` (keptQuery), '' when none is set.
 */
export function fromQuery(
	params: URLSearchParams,
	fields: readonly string[] = LIST_QUERY_FIELDS
): string {
	const kept = keptQuery(params, fields);
	return kept ? `?${new URLSearchParams({ [FROM_FIELD]: kept.slice(1) })}` : '';
}

/**
 * The address of the list at `path` a detail page links back to: the list query its
 * `from` field carries, read as the list reads it (only its `fields`; anything else, a
 * host or another path among them, is dropped), else the whole list.
 */
export function backTo(
	path: string,
	params: URLSearchParams,
	fields: readonly string[] = LIST_QUERY_FIELDS
): string {
	const from = new URLSearchParams(params.get(FROM_FIELD) ?? '');
	return `${path}${keptQuery(from, fields)}`;
}

/** The `from` field of a detail page's address as it keeps it for its forms ("?from=…", or ''). */
export const keptFrom = (params: URLSearchParams) => keptQuery(params, [FROM_FIELD]);
