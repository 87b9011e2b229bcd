/**
 * Whether a text is empty once leading and trailing whitespace is removed, as
 * String.prototype.trim removes it (ECMAScript WhiteSpace and LineTerminator: TAB, LF,
 * VT, FF, CR, SPACE, NBSP, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F,
 * U+3000, U+FEFF). The database's `private.is_blank` strips exactly these
 * (supabase/migrations/20261201000700_one_rule_each.sql); tests/integration/rule-parity.test.ts
 * holds the two to the same answers. null and undefined are blank.
 */
export function isBlank(text: string | null | undefined): boolean {
	return !text?.trim();
}

/** Every character isBlank treats as whitespace, for tests that generate text. */
export const BLANK_CHARACTERS =
	'\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
