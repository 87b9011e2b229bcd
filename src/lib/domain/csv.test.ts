import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('csvCell', () => {
	it('writes plain values as they are', () => {
		expect(csvCell('Team Tiimi')).toBe('Team Tiimi');
		expect(csvCell(3)).toBe('3');
		expect(csvCell(true)).toBe('true');
		expect(csvCell(null)).toBe('');
		expect(csvCell(undefined)).toBe('');
	});

	it('quotes commas, quotes and line breaks, doubling quotes', () => {
		expect(csvCell('a, b')).toBe('"a, b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
	});

	it.each(['=SUM(A1:A2)', '+358401234567', '-1+1', '@cmd', '\tx', '\rx'])(
		'neutralises %j, which a spreadsheet would run as a formula',
		(text) => {
			const cell = csvCell(text);
			const unquoted = cell.startsWith('"') ? cell.slice(1, -1) : cell;
			expect(unquoted.startsWith(`'`)).toBe(true);
		}
	);

	it('neutralises a formula that also needs quoting', () => {
		expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
	});

	it('leaves a formula character inside the text alone', () => {
		expect(csvCell('1+1=2')).toBe('1+1=2');
	});
});

describe('toCsv', () => {
	it('starts with a BOM and ends every row with CRLF', () => {
		expect(toCsv(['a', 'b'], [['1', 'x,y']])).toBe('\uFEFFa,b\r\n1,"x,y"\r\n');
	});

	it('writes only the header when there are no rows', () => {
		expect(toCsv(['a'], [])).toBe('\uFEFFa\r\n');
	});
});
