/**
 * What a CSV export holds before it is written (src/lib/server/csv.ts writes it), and the
 * formula guard: an applicant's text must never run as a formula on an officer's machine
 * (OWASP "CSV injection"; issue 11, item 7).
 */
export type Cell = string | number | boolean | null | undefined;

/** A table to export: the header row and the data rows, cells in column order. */
export interface CsvTable {
	header: string[];
	rows: Cell[][];
}

/**
 * Characters a spreadsheet may skip before it looks for a formula: every Unicode space
 * and line break (\s covers tab, LF, CR, NBSP, U+3000 …) and the zero-width ones.
 */
const LEADING = '[\\s\\u200b-\\u200d\\u2060\\ufeff]*';
/** = + - @ and their full-width and small forms (＝＋－＠, ﹦﹢﹣﹫) and the minus sign. */
const FORMULA_START = '[=+\\-@\\uff1d\\uff0b\\uff0d\\uff20\\ufe66\\ufe62\\ufe63\\ufe6b\\u2212]';
const STARTS_FORMULA = new RegExp(`^(?:${LEADING}${FORMULA_START}|[\\t\\r\\n])`, 'u');

/** Whether a spreadsheet could read the text as a formula (or a formula after a break). */
export const startsFormula = (text: string): boolean => STARTS_FORMULA.test(text);

/**
 * The text of a cell, safe to open in a spreadsheet: null and undefined are empty; text
 * that starts a formula, after any leading whitespace, or starts with a tab or line
 * break, gets an apostrophe in front, which spreadsheets show as text. Anything else is
 * left exactly as it was.
 */
export function guardCell(value: Cell): string {
	const text = value === null || value === undefined ? '' : String(value);
	return startsFormula(text) ? `'${text}` : text;
}
