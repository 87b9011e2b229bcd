import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, prefixQuery, searchStem } from './search';

describe('search terms', () => {
	it('become required prefixes', () => {
		expect(prefixQuery('Lumi')).toBe('lumi:*');
		expect(prefixQuery('  tekoäly  työ ')).toBe('tekoaly:* & tyo:*');
		expect(prefixQuery('')).toBe('');
	});

	it('are folded and lose one inflectional ending (issue 11, item 5)', () => {
		expect(foldForSearch('Työllistymistä Åbo Ørsted Straße Æro')).toBe(
			'tyollistymista abo orsted strasse aero'
		);
		expect(searchStem('valmennuksen')).toBe('valmennu');
		expect(searchStem('tyollistyminen')).toBe('tyollistymi');
		expect(searchStem('tyohon')).toBe('tyo');
		expect(searchStem('kansainvalisten')).toBe('kansainvali');
		expect(searchStem('kysymyksia')).toBe('kysymy');
		expect(searchStem('utbildningen')).toBe('utbildning');
		expect(searchStem('coaching')).toBe('coach');
		expect(searchStem('tekoaly')).toBe('tekoaly');
		expect(searchStem('ai')).toBe('ai');
	});

	it('drop tsquery operators and punctuation', () => {
		expect(prefixQuery("snow & !(problem) | 'x':*")).toBe('snow:* & problem:* & x:*');
		expect(prefixQuery('!!!')).toBe('');
	});

	it('only ever produce words joined by & (property)', () => {
		fc.assert(
			fc.property(fc.string(), (s) => {
				expect(prefixQuery(s)).toMatch(/^$|^[\p{L}\p{N}]+:\*( & [\p{L}\p{N}]+:\*)*$/u);
			})
		);
	});
});
