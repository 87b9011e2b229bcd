import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageOf } from './paging';

describe('pageOf', () => {
	const rows = Array.from({ length: 7 }, (_, i) => i + 1);

	it('gives the rows of the page asked for', () => {
		expect(pageOf(rows, 1, 3)).toEqual({ items: [1, 2, 3], page: 1, pages: 3, total: 7 });
		expect(pageOf(rows, 3, 3)).toEqual({ items: [7], page: 3, pages: 3, total: 7 });
	});

	it('shows the nearest page for a number outside the list', () => {
		expect(pageOf(rows, 9, 3).page).toBe(3);
		expect(pageOf(rows, 0, 3).page).toBe(1);
		expect(pageOf(rows, Number.NaN, 3).page).toBe(1);
	});

	it('is one empty page for an empty list', () => {
		expect(pageOf([], 2, 50)).toEqual({ items: [], page: 1, pages: 1, total: 0 });
	});

	it('refuses a page size that is not a positive whole number', () => {
		expect(() => pageOf(rows, 1, 0)).toThrow(RangeError);
		expect(() => pageOf(rows, 1, 2.5)).toThrow(RangeError);
	});

	it('has the pages together hold every row once, in order', () => {
		fc.assert(
			fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 20 }), (list, size) => {
				const { pages } = pageOf(list, 1, size);
				const all = Array.from({ length: pages }, (_, i) => pageOf(list, i + 1, size).items);
				expect(all.flat()).toEqual(list);
				expect(all.every((p) => p.length <= size)).toBe(true);
			})
		);
	});
});
