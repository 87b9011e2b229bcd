import type { Queryable } from './db';

/**
 * SQL a list filtered in the database shares (issue 16; list-filter.ts reads the filter).
 */

/**
 * A condition that is `true` as the planner reads it yet names parameter `param` (cast to
 * `type`), so the parameter's type stays known: Postgres folds the OR with true away while
 * planning. For a filter that is "none" in this statement (holdsWords, isChoice).
 */
const unfiltered = (param: string, type: string) => `(${param}::${type} is null or true)`;

/**
 * The condition that a row's folded text `folded` (an SQL expression of public.search_fold,
 * the table foldForSearch holds in TypeScript) contains every word of the text[] parameter
 * `param` (ListFilter.words, folded the same way), whose value is `words`. Takes SQL, not
 * values; the words travel as the parameter. The words' alias, search_word, is its own so
 * that it hides no alias of the rows' query (`w` was a workshop).
 *
 * Without words the condition is `true` as the planner reads it (unfiltered), so a list
 * read without words tests nothing per row and may be read from an index alone (issue 16:
 * the empty search was an anti-join per row, and kept /manage from its index; a statement
 * per case, as the db-lint rule `optional-filter` asks of SQL).
 */
export const holdsWords = (folded: string, param: string, words: readonly string[]) =>
	words.length
		? `not exists (select 1 from unnest(${param}::text[]) as search_word(word)
	   where strpos(${folded}, search_word.word) = 0)`
		: unfiltered(param, 'text[]');

/**
 * The condition that a row's `column` (SQL) is the choice `choice` of a list's filter, the
 * text parameter `param` holding it: `true` as the planner reads it for 'all'
 * (unfiltered), so a statement per case rather than `$n = 'all' or …` tested on every row
 * of a generic plan.
 */
export const isChoice = (column: string, param: string, choice: string) =>
	choice === 'all' ? unfiltered(param, 'text') : `${column}::text = ${param}`;

/** How many options a choice (a `<select>`) offers at most; past it, words narrow it. */
export const CHOICE_MAX = 200;

/** A choice's options: the first CHOICE_MAX (or its own cap) found, in order, and how many were found. */
export interface Choice<T> {
	options: T[];
	/** How many of the found are offered (at most the cap readChoice was given). */
	shown: number;
	total: number;
}

/**
 * Reads a choice (issue 16: a choice of 500 challenges or board notes was cut without a
 * word): `rows` is SQL selecting every option the caller may choose, already narrowed by
 * its words (holdsWords), `order` the order of its output columns. Returns the first
 * `max` (CHOICE_MAX unless a shorter choice is wanted, a filter beside a list) in that
 * order and how many `rows` finds, counted in the same statement, so the page can say
 * that words find the others (ChoiceSearch.svelte).
 */
export async function readChoice<T extends object>(
	tx: Queryable,
	rows: string,
	order: string,
	params: unknown[],
	max = CHOICE_MAX
): Promise<Choice<T>> {
	const found = await tx.query<T & { choice_total: number }>(
		`select *, count(*) over ()::int as choice_total from (${rows}) as choice
		 order by ${order} limit ${Math.trunc(max)}`,
		params
	);
	return {
		options: found.map(({ choice_total: _total, ...option }) => option as unknown as T),
		shown: found.length,
		total: found[0]?.choice_total ?? 0
	};
}
