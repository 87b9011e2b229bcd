import type { Locale } from './locale';

/**
 * Compares names in the reader's alphabet, case- and accent-insensitive (fi, sv: … z å ä ö;
 * en: accents folded): the same order as public.sort_key in SQL, for lists sorted in
 * TypeScript (issue 11, item 4). Ties keep their order (Array.prototype.sort is stable).
 */
export function compareNames(locale: Locale): (a: string, b: string) => number {
	return new Intl.Collator(locale, { sensitivity: 'base' }).compare;
}
