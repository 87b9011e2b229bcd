import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prefixQuery } from './search';

describe('search terms', () => {
	it('become required prefixes', () => {
		expect(prefixQuery('Lumi')).toBe('lumi:*');
		expect(prefixQuery('  tekoäly  työ ')).toBe('tekoäly:* & työ:*');
		expect(prefixQuery('')).toBe('');
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
