import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardCell, startsFormula } from './csv';

describe('guardCell', () => {
	it('writes plain values as they are', () => {
		expect(guardCell('Team Tiimi')).toBe('Team Tiimi');
		expect(guardCell(3)).toBe('3');
		expect(guardCell(true)).toBe('true');
		expect(guardCell(null)).toBe('');
		expect(guardCell(undefined)).toBe('');
		expect(guardCell('1+1=2')).toBe('1+1=2');
		expect(guardCell('Åbo; Äänekoski')).toBe('Åbo; Äänekoski');
	});

	// Each of these reached a spreadsheet unchanged before issue 11, item 7.
	it.each([
		'=SUM(A1:A2)',
		'+358401234567',
		'-1+1',
		'@cmd',
		'\tx',
		'\rx',
		'\n=cmd|calc',
		' =1+1',
		'\u00a0\u3000=1',
		'\u200b=1',
		'＝1+1',
		'＋1',
		'－1',
		'＠SUM(A1)',
		'\r\n@x'
	])('neutralises %j, which a spreadsheet could run as a formula', (text) => {
		expect(guardCell(text)).toBe(`'${text}`);
	});
});

describe('startsFormula', () => {
	it('holds for any text whose first non-blank character starts a formula', () => {
		const blank = fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u3000', '\u2028', '\u200b');
		const start = fc.constantFrom('=', '+', '-', '@', '＝', '＋', '－', '＠', '﹦', '−');
		fc.assert(
			fc.property(fc.array(blank), start, fc.string(), (pre, s, rest) => {
				expect(startsFormula(pre.join('') + s + rest)).toBe(true);
			})
		);
	});
});
