import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plainDecimal, readDecimal, readEuros, readWhole } from './decimal';

describe('readDecimal', () => {
	it('reads the decimal comma and point alike, never "1,5" as 15', () => {
		expect(readDecimal('1,5')).toBe(1.5);
		expect(readDecimal('1.5')).toBe(1.5);
		expect(readDecimal('12,5')).toBe(12.5);
		expect(readDecimal(',5')).toBe(0.5);
		expect(readDecimal('7,')).toBe(7);
		expect(readDecimal('-2')).toBe(-2);
	});

	it('takes spaces (also no-break and narrow) as thousands separators', () => {
		expect(readDecimal('12 500,50')).toBe(12500.5);
		expect(readDecimal('1\u00a0000')).toBe(1000);
		expect(readDecimal('1\u202f000,25')).toBe(1000.25);
		expect(readDecimal('  3  ')).toBe(3);
	});

	it('empty is null; anything else that is no number is NaN', () => {
		expect(readDecimal('')).toBeNull();
		expect(readDecimal('   ')).toBeNull();
		expect(readDecimal(undefined)).toBeNull();
		for (const t of ['1,5,0', '1.5,0', '1,5.0', '1e3', '0x10', 'seven', '.', ',', '--1', '1-']) {
			expect(readDecimal(t), t).toBeNaN();
		}
	});

	it('reads back what Finnish, Swedish and English write for any number of hundredths', () => {
		const hundredths = fc.integer({ min: 0, max: 100_000_000 });
		fc.assert(
			fc.property(hundredths, fc.constantFrom('fi-FI', 'sv-FI', 'en-GB'), (h, tag) => {
				const n = h / 100;
				const written = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }).format(n);
				// en-GB groups thousands with a comma, which the grammar does not take.
				const typed = tag === 'en-GB' ? written.replace(/,/g, '') : written;
				expect(readDecimal(typed)).toBe(n);
			})
		);
	});

	it('a comma and a point give the same number; a number is never made ten times larger', () => {
		fc.assert(
			fc.property(fc.nat(100_000), fc.integer({ min: 1, max: 99 }), (whole, frac) => {
				const f = String(frac).padStart(2, '0');
				const comma = readDecimal(`${whole},${f}`);
				expect(comma).toBe(readDecimal(`${whole}.${f}`));
				expect(comma).toBeLessThan(whole + 1);
			})
		);
	});
});

describe('readWhole', () => {
	it('refuses a fraction instead of reading "1,5" as 15', () => {
		expect(readWhole('1,5')).toBeNaN();
		expect(readWhole('1.5')).toBeNaN();
		expect(readWhole('3,0')).toBe(3);
		expect(readWhole('12 000')).toBe(12000);
		expect(readWhole('')).toBeNull();
	});
});

describe('one grammar for amounts and numbers', () => {
	it.each([
		['1 234,50', 123_450],
		['1234.5', 123_450],
		['1 500,5', 150_050],
		['12 000 €', 1_200_000],
		['€ 250', 25_000],
		['1,500.50', 150_050],
		['1,500,000', 150_000_000],
		['0', 0],
		['120\u00a0000,00', 12_000_000],
		['999 999 999 999,99', 99_999_999_999_999]
	])('%s is %i cents', (typed, cents) => expect(readEuros(typed)).toBe(cents));

	it.each([
		'',
		'-5',
		'1,234',
		'12.345',
		'1.555',
		'1,234,5',
		'abc',
		'1e5',
		'1 2,3,4',
		'€',
		'1 000 000 000 000'
	])('%s is not an amount', (typed) => expect(readEuros(typed)).toBeNull());

	it('readEuros reads what readDecimal reads, in cents', () => {
		expect(plainDecimal('12 500,50')).toBe('12500.50');
		fc.assert(
			fc.property(fc.nat(99_999_999_999_999), (cents) => {
				const typed = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
				expect(readEuros(typed)).toBe(cents);
				expect(Math.round(readDecimal(typed)! * 100)).toBe(cents);
			})
		);
	});

	it('reads English grouping as it reads the same amount written plainly', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1_000_000, max: 99_999_999_999 }), (cents) => {
				const euros = Math.floor(cents / 100).toLocaleString('en');
				const typed = `${euros}.${String(cents % 100).padStart(2, '0')}`;
				expect(readEuros(typed)).toBe(cents);
			})
		);
	});
});
