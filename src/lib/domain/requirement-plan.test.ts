import { describe, expect, it } from 'vitest';
import { planRequirements } from './requirement-plan';

const saved = [
	{ id: 'a', statement: { fi: 'A', en: 'A' } },
	{ id: 'b', statement: { fi: 'B' } },
	{ id: 'c', statement: { fi: 'C' } }
];

describe('planRequirements', () => {
	it('keeps every row when nothing changed, whatever the key order', () => {
		expect(planRequirements(saved, [{ en: 'A', fi: 'A' }, { fi: 'B' }, { fi: 'C' }])).toEqual({
			update: [
				{ id: 'a', position: 1, statement: { en: 'A', fi: 'A' } },
				{ id: 'b', position: 2, statement: { fi: 'B' } },
				{ id: 'c', position: 3, statement: { fi: 'C' } }
			],
			insert: [],
			remove: []
		});
	});

	it('removes only the row taken out, and the rows after it keep their ids', () => {
		const plan = planRequirements(saved, [{ fi: 'A', en: 'A' }, { fi: 'C' }]);
		expect(plan.remove).toEqual(['b']);
		expect(plan.update).toEqual([
			{ id: 'a', position: 1, statement: { fi: 'A', en: 'A' } },
			{ id: 'c', position: 2, statement: { fi: 'C' } }
		]);
		expect(plan.insert).toEqual([]);
	});

	it('edits a changed statement in place and inserts new ones at the end', () => {
		const plan = planRequirements(saved, [
			{ fi: 'A', en: 'A' },
			{ fi: 'B, korjattu' },
			{ fi: 'C' },
			{ fi: 'D' }
		]);
		expect(plan.update.map((u) => [u.id, u.position])).toEqual([
			['a', 1],
			['b', 2],
			['c', 3]
		]);
		expect(plan.update[1].statement).toEqual({ fi: 'B, korjattu' });
		expect(plan.insert).toEqual([{ position: 4, statement: { fi: 'D' } }]);
		expect(plan.remove).toEqual([]);
	});

	it('follows a statement that moved', () => {
		const plan = planRequirements(saved, [{ fi: 'C' }, { fi: 'A', en: 'A' }]);
		expect(plan.update.map((u) => [u.id, u.position])).toEqual([
			['c', 1],
			['a', 2]
		]);
		expect(plan.remove).toEqual(['b']);
	});

	it('inserts everything into an empty list and removes everything for an empty form', () => {
		expect(planRequirements([], [{ fi: 'X' }]).insert).toEqual([
			{ position: 1, statement: { fi: 'X' } }
		]);
		expect(planRequirements(saved, [])).toEqual({
			update: [],
			insert: [],
			remove: ['a', 'b', 'c']
		});
	});

	it('gives a repeated statement one row each', () => {
		const plan = planRequirements(saved.slice(1, 2), [{ fi: 'B' }, { fi: 'B' }]);
		expect(plan.update).toEqual([{ id: 'b', position: 1, statement: { fi: 'B' } }]);
		expect(plan.insert).toEqual([{ position: 2, statement: { fi: 'B' } }]);
	});
});
