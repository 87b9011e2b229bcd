/**
 * CSV as spreadsheet programs read it (RFC 4180, CRLF, a BOM so Excel takes UTF-8).
 * A cell that starts like a formula (= + - @, tab, return) is prefixed with an
 * apostrophe: an applicant's text must never run as a formula on an officer's machine.
 */
export type Cell = string | number | boolean | null | undefined;

export function csvCell(value: Cell): string {
	let text = value === null || value === undefined ? '' : String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: string[], rows: Cell[][]): string {
	return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
