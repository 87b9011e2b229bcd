import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageOf, pageRange, pageWindow, readPage } from './paging';

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

describe('pageWindow and pageRange', () => {
	it('asks the database for the page, the nearest one outside the list', () => {
		expect(pageWindow(2, 50, 1000)).toEqual({ page: 2, pages: 20, offset: 50 });
		expect(pageWindow(21, 50, 1000)).toEqual({ page: 20, pages: 20, offset: 950 });
		expect(pageWindow(3, 50, 0)).toEqual({ page: 1, pages: 1, offset: 0 });
		expect(() => pageWindow(1, 0, 10)).toThrow(RangeError);
	});

	it('says which rows a page shows', () => {
		expect(pageRange({ page: 1, pages: 20, total: 1000 }, 50)).toEqual({ from: 1, to: 50 });
		expect(pageRange({ page: 3, pages: 3, total: 101 }, 50)).toEqual({ from: 101, to: 101 });
		expect(pageRange({ page: 1, pages: 1, total: 0 }, 50)).toEqual({ from: 0, to: 0 });
	});

	it('has the ranges of every page cover 1..total once, each within a page size', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 500 }),
				fc.integer({ min: 1, max: 60 }),
				(total, size) => {
					const { pages } = pageWindow(1, size, total);
					let next = 1;
					for (let page = 1; page <= pages; page++) {
						const window = pageWindow(page, size, total);
						const { from, to } = pageRange({ page, pages, total }, size);
						expect([window.offset + 1, from]).toEqual([next, next]);
						expect(to - from + 1).toBeLessThanOrEqual(size);
						next = to + 1;
					}
					expect(next).toBe(total + 1);
				}
			)
		);
	});
});

describe('readPage', () => {
	it('asks for the page pageWindow settles on, and not at all for an empty list', async () => {
		const asked: [number, number][] = [];
		const read = async (limit: number, offset: number) => {
			asked.push([limit, offset]);
			return [offset];
		};
		expect(await readPage(120, 9, 50, read)).toEqual({
			items: [100],
			page: 3,
			pages: 3,
			total: 120
		});
		expect(await readPage(0, 2, 50, read)).toEqual({ items: [], page: 1, pages: 1, total: 0 });
		expect(asked).toEqual([[50, 100]]);
	});
});
