import { describe, expect, it } from 'vitest';
import { priceAllPoints, priceMaxPoints, pricePoints, validatePrice } from './price';

describe('price points', () => {
	it('gives the lowest price all points and others lowest ÷ price of them', () => {
		expect(pricePoints(100_000, 100_000, 30)).toBe(30);
		expect(pricePoints(200_000, 100_000, 30)).toBe(15);
		expect(pricePoints(120_000, 100_000, 30)).toBeCloseTo(25, 12);
		expect(pricePoints(300_000, 100_000, 0)).toBe(0);
	});

	it('derives price max points from the price share of the total', () => {
		expect(priceMaxPoints(70, 30)).toBe(30); // Helsinki: 70 + 30
		expect(priceMaxPoints(100, 0)).toBe(0);
		expect(priceMaxPoints(50, 50)).toBe(50);
		expect(priceMaxPoints(70, null)).toBe(0);
		expect(() => priceMaxPoints(70, 100)).toThrow(RangeError);
		expect(() => priceMaxPoints(70, -1)).toThrow(RangeError);
	});

	it('refuses a price that is missing, zero, negative or not finite', () => {
		expect(validatePrice(1)).toBeNull();
		expect(validatePrice(null)).toBe('price_missing');
		expect(validatePrice(0)).toBe('price_not_positive');
		expect(validatePrice(-5)).toBe('price_not_positive');
		expect(validatePrice(Number.NaN)).toBe('price_not_finite');
		expect(validatePrice(Infinity)).toBe('price_not_finite');
		expect(() => pricePoints(0, 0, 30)).toThrow(RangeError);
		expect(() => pricePoints(Infinity, 1, 30)).toThrow(RangeError);
		expect(() => pricePoints(100, 200, 30)).toThrow(RangeError);
		expect(() => pricePoints(100, 100, -1)).toThrow(RangeError);
	});

	it('scores every tender against the lowest, or lists every refused price', () => {
		const ok = priceAllPoints(
			[
				{ item: 'b', price: 150_000 },
				{ item: 'a', price: 100_000 },
				{ item: 'c', price: 400_000 }
			],
			30
		);
		expect(ok).toEqual({
			ok: true,
			points: new Map([
				['b', 20],
				['a', 30],
				['c', 7.5]
			])
		});
		expect(
			priceAllPoints(
				[
					{ item: 'b', price: 0 },
					{ item: 'a', price: null },
					{ item: 'c', price: 5 }
				],
				30
			)
		).toEqual({
			ok: false,
			issues: [
				{ item: 'a', code: 'price_missing' },
				{ item: 'b', code: 'price_not_positive' }
			]
		});
	});
});
