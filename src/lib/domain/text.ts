/**
 * Every character String.prototype.trim removes (ECMAScript WhiteSpace and
 * LineTerminator: TAB, LF, VT, FF, CR, SPACE, NBSP, U+1680, U+2000–U+200A, U+2028,
 * U+2029, U+202F, U+205F, U+3000, U+FEFF). Stored text is trimmed of these and only these
 * (the database's private.js_trim).
 */
export const BLANK_CHARACTERS =
	'\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/**
 * The format characters (Unicode general category Cf, Unicode 17) as first–last code
 * point pairs: soft hyphen, Arabic number signs, zero-width space and joiners, direction
 * marks and isolates, word joiner, invisible operators, BOM, interlinear annotation, tags…
 * They draw nothing. text.test.ts checks the list against `/\p{Cf}/u`; the database's
 * private.format_characters() lists the same (tests/integration/rule-parity.test.ts).
 */
const FORMAT_RANGES: readonly (readonly [number, number])[] = [
	[0x00ad, 0x00ad],
	[0x0600, 0x0605],
	[0x061c, 0x061c],
	[0x06dd, 0x06dd],
	[0x070f, 0x070f],
	[0x0890, 0x0891],
	[0x08e2, 0x08e2],
	[0x180e, 0x180e],
	[0x200b, 0x200f],
	[0x202a, 0x202e],
	[0x2060, 0x2064],
	[0x2066, 0x206f],
	[0xfeff, 0xfeff],
	[0xfff9, 0xfffb],
	[0x110bd, 0x110bd],
	[0x110cd, 0x110cd],
	[0x13430, 0x1343f],
	[0x1bca0, 0x1bca3],
	[0x1d173, 0x1d17a],
	[0xe0001, 0xe0001],
	[0xe0020, 0xe007f]
];

/** Every format (Cf) character, in code point order. */
// Built at load and marked pure, so a page that imports this module for nothing (a bundle's
// shared chunk) does not carry them (issue 16: a visitor's JavaScript).
export const FORMAT_CHARACTERS = /* @__PURE__ */ (() =>
	FORMAT_RANGES.flatMap(([first, last]) =>
		Array.from({ length: last - first + 1 }, (_, i) => String.fromCodePoint(first + i))
	).join(''))();

const INVISIBLE = /* @__PURE__ */ (() => new Set([...BLANK_CHARACTERS, ...FORMAT_CHARACTERS]))();

/**
 * Whether a text shows nothing: it consists only of whitespace (BLANK_CHARACTERS) and
 * format characters (FORMAT_CHARACTERS), or is empty, null or undefined. Text that merely
 * contains such characters (an emoji joined by U+200D, Persian with U+200C) is not blank.
 * Every required text field asks this, here and in the database (`private.is_blank`,
 * supabase/migrations/20261215000300_invisible_is_blank.sql); the parity tests in
 * tests/integration/rule-parity*.test.ts hold the two to the same answers.
 */
export function isBlank(text: string | null | undefined): boolean {
	if (!text) return true;
	for (const ch of text) if (!INVISIBLE.has(ch)) return false;
	return true;
}

/** For zod `.refine`: a required text is filled when it is not blank. */
export const isFilled = (text: string): boolean => !isBlank(text);

/** The longest file name stored (the file_name columns' check). */
const FILE_NAME_MAX = 255;

/**
 * The name a posted file is stored under: its own (the browser's `File.name`) when it
 * shows something, else its storage key, at most 255 characters. A name of spaces or
 * invisible characters (a file named U+200B) would be refused by the database as blank
 * (the `…_blank` checks of supabase/migrations/20261216000200_blank_direct_writes.sql).
 */
export function storedFileName(name: string | undefined, key: string): string {
	return (isBlank(name) ? key : name!).slice(0, FILE_NAME_MAX);
}
