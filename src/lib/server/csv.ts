import { stringify } from 'csv-stringify/sync';
import { guardCell, type CsvTable } from '$lib/domain/csv';
import type { Locale } from '$lib/domain/locale';

/**
 * The field separator for a reader. Excel opens a double-clicked .csv with the list
 * separator of the computer's region: `;` in Finland and Sweden (the comma is their
 * decimal sign), `,` in English-speaking regions. We take the reader's language as the
 * best guess of that region. A `sep=;` first line would force it, but Excel then ignores
 * the BOM and shows ä/ö/å wrongly, so we do not write one. Every cell is quoted, so a
 * `;` or `,` inside text never splits a cell whichever separator a program assumes.
 */
export const csvDelimiter = (locale: Locale): ';' | ',' => (locale === 'en' ? ',' : ';');

/**
 * The one CSV writer of every export (applications, ideas, workshop outcome): RFC 4180
 * through csv-stringify, a UTF-8 BOM so Excel reads ä/ö/å, CRLF line ends, every cell
 * quoted and passed through the formula guard (guardCell) first.
 */
export function writeCsv(table: CsvTable, locale: Locale): string {
	return stringify(
		[table.header, ...table.rows].map((row) => row.map(guardCell)),
		{
			bom: true,
			delimiter: csvDelimiter(locale),
			quoted: true,
			quoted_empty: true,
			record_delimiter: 'windows',
			eof: true
		}
	);
}

/** A CSV download: the written table with the headers every export sends. */
export function csvResponse(table: CsvTable, locale: Locale, fileName: string): Response {
	return new Response(writeCsv(table, locale), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
}
