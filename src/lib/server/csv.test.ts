import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startsFormula } from '$lib/domain/csv';
import { csvDelimiter, writeCsv } from './csv';

/** The cells as a spreadsheet reads them back: BOM off, quotes undone. */
function readBack(csv: string, delimiter: string): string[][] {
	expect(csv.startsWith('\uFEFF')).toBe(true);
	return parse(csv.slice(1), { delimiter, record_delimiter: '\r\n', relax_quotes: false });
}

// Text as applicants write it: Nordic letters, separators, quotes, line breaks,
// full-width and invisible characters, and formula starts anywhere.
const risky = fc
	.array(
		fc.oneof(
			fc.constantFrom(
				...'aäåöÄÅÖ =+-@＝＋－＠;,"\'\t\r\n\u00a0\u3000\u200b|1'.split(''),
				'\r\n',
				'cmd'
			),
			fc.string({ maxLength: 3 })
		),
		{ maxLength: 12 }
	)
	.map((parts) => parts.join(''));

describe('writeCsv', () => {
	it('writes a BOM, quotes every cell, CRLF, ; for Finnish and Swedish, , for English', () => {
		const table = { header: ['team', 'n'], rows: [['Åbo; Ähtäri', 2]] };
		expect(writeCsv(table, 'fi')).toBe('\uFEFF"team";"n"\r\n"Åbo; Ähtäri";"2"\r\n');
		expect(writeCsv(table, 'sv')).toBe('\uFEFF"team";"n"\r\n"Åbo; Ähtäri";"2"\r\n');
		expect(writeCsv(table, 'en')).toBe('\uFEFF"team","n"\r\n"Åbo; Ähtäri","2"\r\n');
		expect(writeCsv({ header: ['a'], rows: [[null], ['']] }, 'fi')).toBe(
			'\uFEFF"a"\r\n""\r\n""\r\n'
		);
	});

	it('guards formulas after leading whitespace and full-width ones', () => {
		const csv = writeCsv({ header: ['x'], rows: [['\n=cmd'], [' =1'], ['＝1']] }, 'fi');
		expect(readBack(csv, ';').slice(1)).toEqual([["'\n=cmd"], ["' =1"], ["'＝1"]]);
	});

	it('for any cells: nothing read back starts a formula, and the text survives', () => {
		fc.assert(
			fc.property(
				fc.array(fc.array(risky, { minLength: 1, maxLength: 4 }), { maxLength: 5 }),
				fc.constantFrom('fi' as const, 'sv' as const, 'en' as const),
				(cells, locale) => {
					const width = Math.max(1, ...cells.map((r) => r.length));
					const rows = cells.map((r) => [...r, ...Array(width - r.length).fill('')]);
					const header = Array.from({ length: width }, (_, i) => `c${i}`);
					const back = readBack(writeCsv({ header, rows }, locale), csvDelimiter(locale));
					expect(back).toHaveLength(rows.length + 1);
					back.slice(1).forEach((row, i) =>
						row.forEach((cell, j) => {
							expect(startsFormula(cell)).toBe(false);
							const original = rows[i][j];
							expect(cell).toBe(startsFormula(original) ? `'${original}` : original);
						})
					);
				}
			),
			{ numRuns: 300 }
		);
	});
});
