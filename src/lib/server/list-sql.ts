/**
 * SQL a list filtered in the database shares (issue 16; list-filter.ts reads the filter).
 */

/**
 * The condition that a row's folded text `folded` (an SQL expression of public.search_fold,
 * the table foldForSearch holds in TypeScript) contains every word of the text[] parameter
 * `words` (ListFilter.words, folded the same way): true for no words. Takes SQL, not
 * values; the words travel as a parameter. The words' alias, search_word, is its own so
 * that it hides no alias of the rows' query (`w` was a workshop).
 */
export const holdsWords = (folded: string, words: string) =>
	`not exists (select 1 from unnest(${words}::text[]) as search_word(word)
	   where strpos(${folded}, search_word.word) = 0)`;
