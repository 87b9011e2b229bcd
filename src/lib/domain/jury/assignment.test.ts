import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignJurors, type AssignmentInput } from './assignment';

const loads = (input: AssignmentInput) => assignJurors(input).loads.map((l) => l.load);

describe('assignJurors', () => {
	it('by default gives every juror every item they are not conflicted on', () => {
		const result = assignJurors({
			items: ['b', 'a'],
			jurors: ['j2', 'j1'],
			conflicts: [{ juror: 'j2', item: 'a' }]
		});
		expect(result).toEqual({
			items: [
				{ item: 'a', jurors: ['j1'] },
				{ item: 'b', jurors: ['j1', 'j2'] }
			],
			loads: [
				{ juror: 'j1', load: 2 },
				{ juror: 'j2', load: 1 }
			],
			short: []
		});
	});

	it('reports an item every juror is conflicted on', () => {
		const result = assignJurors({
			items: ['a'],
			jurors: ['j1'],
			conflicts: [{ juror: 'j1', item: 'a' }]
		});
		expect(result.short).toEqual([{ item: 'a', available: 0, wanted: 1 }]);
	});

	it('gives each item k jurors with loads within one', () => {
		const items = Array.from({ length: 9 }, (_, i) => `i${i}`);
		const result = assignJurors({ items, jurors: ['a', 'b', 'c', 'd'], conflicts: [], perItem: 2 });
		expect(result.items.every((i) => i.jurors.length === 2)).toBe(true);
		expect(result.loads.map((l) => l.load).sort()).toEqual([4, 4, 5, 5]);
	});

	it('moves work around a juror’s conflicts to keep loads even', () => {
		// j1 is conflicted on a and b: a naive pass would give c and d to j1 and j2 alike.
		expect(
			loads({
				items: ['a', 'b', 'c', 'd'],
				jurors: ['j1', 'j2'],
				conflicts: [
					{ juror: 'j1', item: 'a' },
					{ juror: 'j1', item: 'b' }
				],
				perItem: 1
			})
		).toEqual([2, 2]);
	});

	it('reports items short of k non-conflicted jurors and gives them all there are', () => {
		const result = assignJurors({
			items: ['a', 'b'],
			jurors: ['j1', 'j2', 'j3'],
			conflicts: [
				{ juror: 'j1', item: 'a' },
				{ juror: 'j2', item: 'a' },
				{ juror: 'x', item: 'b' }
			],
			perItem: 2
		});
		expect(result.short).toEqual([{ item: 'a', available: 1, wanted: 2 }]);
		expect(result.items[0]).toEqual({ item: 'a', jurors: ['j3'] });
	});

	it('refuses duplicates and a bad perItem', () => {
		expect(() => assignJurors({ items: ['a', 'a'], jurors: ['j'], conflicts: [] })).toThrow(
			RangeError
		);
		expect(() => assignJurors({ items: ['a'], jurors: ['j', 'j'], conflicts: [] })).toThrow(
			RangeError
		);
		for (const perItem of [0, -1, 1.5]) {
			expect(() => assignJurors({ items: ['a'], jurors: ['j'], conflicts: [], perItem })).toThrow(
				RangeError
			);
		}
	});

	const inputArb = (maxItems: number, maxJurors: number) =>
		fc
			.record({
				items: fc.integer({ min: 1, max: maxItems }),
				jurors: fc.integer({ min: 1, max: maxJurors }),
				perItem: fc.option(fc.integer({ min: 1, max: maxJurors }), { freq: 4 }),
				conflicts: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: maxItems * 2 })
			})
			.map(({ items, jurors, perItem, conflicts }): AssignmentInput => ({
				items: Array.from({ length: items }, (_, i) => `i${i}`),
				jurors: Array.from({ length: jurors }, (_, j) => `j${j}`),
				conflicts: conflicts.map(([j, i]) => ({ juror: `j${j % jurors}`, item: `i${i % items}` })),
				perItem: perItem ?? undefined
			}));

	it('never assigns a conflicted juror and fills what it can (property)', () => {
		fc.assert(
			fc.property(inputArb(30, 8), (input) => {
				const result = assignJurors(input);
				const conflicted = new Set(input.conflicts.map((c) => `${c.juror}|${c.item}`));
				for (const { item, jurors } of result.items) {
					for (const juror of jurors) expect(conflicted.has(`${juror}|${item}`)).toBe(false);
					const available = input.jurors.filter((j) => !conflicted.has(`${j}|${item}`)).length;
					expect(jurors.length).toBe(Math.min(input.perItem ?? Infinity, available));
					expect(new Set(jurors).size).toBe(jurors.length);
				}
				const counted = new Map<string, number>();
				for (const { jurors } of result.items) {
					for (const j of jurors) counted.set(j, (counted.get(j) ?? 0) + 1);
				}
				for (const { juror, load } of result.loads) expect(load).toBe(counted.get(juror) ?? 0);
			})
		);
	});

	it('balances loads within one when there are no conflicts (property)', () => {
		fc.assert(
			fc.property(inputArb(40, 9), (input) => {
				const l = loads({ ...input, conflicts: [], perItem: input.perItem ?? 1 });
				expect(Math.max(...l) - Math.min(...l)).toBeLessThanOrEqual(1);
			})
		);
	});

	it('is as balanced as any assignment can be, within one whenever possible (property)', () => {
		// Brute force over every assignment of small cases.
		fc.assert(
			fc.property(inputArb(4, 4), (input) => {
				const k = input.perItem ?? 1;
				const conflicted = new Set(input.conflicts.map((c) => `${c.juror}|${c.item}`));
				const choices = input.items.map((item) => {
					const ok = input.jurors.filter((j) => !conflicted.has(`${j}|${item}`));
					return subsets(ok, Math.min(k, ok.length));
				});
				let bestSquares = Infinity;
				let withinOne = false;
				for (const pick of product(choices)) {
					const l = input.jurors.map((j) => pick.filter((s) => s.includes(j)).length);
					bestSquares = Math.min(
						bestSquares,
						l.reduce((s, x) => s + x * x, 0)
					);
					if (Math.max(...l) - Math.min(...l) <= 1) withinOne = true;
				}
				const l = loads({ ...input, perItem: k });
				expect(l.reduce((s, x) => s + x * x, 0)).toBe(bestSquares);
				if (withinOne) expect(Math.max(...l) - Math.min(...l)).toBeLessThanOrEqual(1);
			})
		);
	});

	it('gives the same assignment whatever order items and jurors come in (property)', () => {
		fc.assert(
			fc.property(
				inputArb(12, 5).chain((input) =>
					fc.record({
						input: fc.constant(input),
						items: fc.shuffledSubarray([...input.items], { minLength: input.items.length }),
						jurors: fc.shuffledSubarray([...input.jurors], { minLength: input.jurors.length })
					})
				),
				({ input, items, jurors }) => {
					expect(assignJurors({ ...input, items, jurors })).toEqual(assignJurors(input));
				}
			)
		);
	});
});

function subsets<T>(xs: readonly T[], n: number): T[][] {
	if (n === 0) return [[]];
	if (xs.length < n) return [];
	const [first, ...rest] = xs;
	return [...subsets(rest, n - 1).map((s) => [first, ...s]), ...subsets(rest, n)];
}

function* product<T>(lists: T[][], prefix: T[] = []): Generator<T[]> {
	if (prefix.length === lists.length) yield prefix;
	else for (const x of lists[prefix.length]) yield* product(lists, [...prefix, x]);
}
