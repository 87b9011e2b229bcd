import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Criterion } from '$lib/domain/criteria';
import { rankItems, tieBreakOrder, type RankEntry } from './ranking';

const criteria: Criterion[] = [10, 30, 10].map((maxPoints, i) => ({
	stage: 'selection',
	name: { en: `C${i + 1}` },
	description: {},
	maxPoints
}));
const day = (d: number) => new Date(Date.UTC(2026, 0, d));
const entry = (
	item: string,
	total: number | null,
	criterionPoints: number[] | null = total === null ? null : [0, 0, 0],
	submittedAt = day(1)
): RankEntry => ({ item, total, criterionPoints, submittedAt });
const order = (entries: RankEntry[]) => rankItems(entries, criteria).map((r) => r.item);

describe('rankItems', () => {
	it('ranks by total, highest first', () => {
		const ranked = rankItems([entry('a', 50), entry('b', 70), entry('c', 60)], criteria);
		expect(ranked).toEqual([
			{ item: 'b', index: 1, rank: 1 },
			{ item: 'c', index: 2, rank: 2 },
			{ item: 'a', index: 0, rank: 3 }
		]);
	});

	it('breaks ties on the weightiest criterion first, then criteria order', () => {
		expect(tieBreakOrder(criteria)).toEqual([1, 0, 2]);
		expect(order([entry('a', 50, [20, 20, 10]), entry('b', 50, [5, 25, 20])])).toEqual(['b', 'a']);
		expect(order([entry('a', 50, [10, 25, 15]), entry('b', 50, [15, 25, 10])])).toEqual(['b', 'a']);
	});

	it('then on earlier submission, then on id', () => {
		const pts = [10, 20, 20];
		expect(order([entry('a', 50, pts, day(3)), entry('b', 50, pts, day(2))])).toEqual(['b', 'a']);
		expect(order([entry('b', 50, pts), entry('a', 50, pts)])).toEqual(['a', 'b']);
	});

	it('treats float noise in totals as a tie', () => {
		// 0.1 + 0.2 > 0.3 in floating point; a wins the tie on the weightiest criterion.
		expect(order([entry('b', 0.1 + 0.2, [0, 0, 0]), entry('a', 0.3, [0, 1, 0])])).toEqual([
			'a',
			'b'
		]);
	});

	it('puts unscored items last', () => {
		expect(order([entry('a', null), entry('b', 0), entry('c', null, null, day(0))])).toEqual([
			'b',
			'c',
			'a'
		]);
	});

	it('refuses duplicates, bad dates, bad totals and mismatched criteria', () => {
		expect(() => rankItems([entry('a', 1), entry('a', 2)], criteria)).toThrow(RangeError);
		expect(() => rankItems([entry('a', 1, [0, 0, 0], new Date('x'))], criteria)).toThrow(
			RangeError
		);
		expect(() => rankItems([entry('a', Number.NaN)], criteria)).toThrow(RangeError);
		expect(() => rankItems([entry('a', 1, [1])], criteria)).toThrow(RangeError);
	});

	// Few distinct values, so ties on every key are common.
	const entriesArb = fc
		.uniqueArray(
			fc.record({
				item: fc.string({ minLength: 1, maxLength: 3 }),
				total: fc.option(fc.integer({ min: 0, max: 4 }), { freq: 8 }),
				c: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
				day: fc.integer({ min: 1, max: 2 })
			}),
			{ selector: (e) => e.item, maxLength: 12 }
		)
		.map((es) =>
			es.map((e) =>
				entry(e.item, e.total, e.total === null ? null : e.c.map((x) => x * 0.5), day(e.day))
			)
		);

	it('returns a permutation of the input (property)', () => {
		fc.assert(
			fc.property(entriesArb, (entries) => {
				const ranked = rankItems(entries, criteria);
				expect(ranked.map((r) => r.index).sort((a, b) => a - b)).toEqual(entries.map((_, i) => i));
				expect(ranked.map((r) => r.rank)).toEqual(entries.map((_, i) => i + 1));
				ranked.forEach((r) => expect(entries[r.index].item).toBe(r.item));
			})
		);
	});

	it('gives the same order whatever order the input came in (property)', () => {
		fc.assert(
			fc.property(
				entriesArb.chain((entries) =>
					fc.tuple(
						fc.constant(entries),
						fc.shuffledSubarray(entries, { minLength: entries.length })
					)
				),
				([entries, shuffled]) => {
					expect(order(shuffled)).toEqual(order(entries));
				}
			)
		);
	});

	it('never puts a lower total above a higher one (property)', () => {
		fc.assert(
			fc.property(entriesArb, (entries) => {
				const totals = rankItems(entries, criteria).map((r) => entries[r.index].total ?? -1);
				for (let i = 1; i < totals.length; i++)
					expect(totals[i]).toBeLessThanOrEqual(totals[i - 1]);
			})
		);
	});
});
