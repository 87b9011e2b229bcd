import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexUses, type ConceptUse } from './concept-uses';

const use = fc.record({
	boardId: fc.constantFrom('b1', 'b2'),
	elementId: fc.constantFrom('n1', 'n2', 'c1'),
	kind: fc.constantFrom('board_note' as const, 'board_cluster' as const),
	conceptId: fc.uuid(),
	title: fc.string(),
	lang: fc.constantFrom('fi' as const, 'sv' as const, 'en' as const)
});

describe('indexUses', () => {
	it('finds every use under its board and element, in the order read, and nothing else', () => {
		fc.assert(
			fc.property(fc.array(use), (uses: ConceptUse[]) => {
				const index = indexUses(uses);
				for (const [key, list] of index) {
					expect(list).toEqual(uses.filter((u) => `${u.boardId}:${u.elementId}` === key));
				}
				expect([...index.values()].flat()).toHaveLength(uses.length);
			})
		);
	});

	it('keeps a note on one board apart from the same id on another', () => {
		const index = indexUses([
			{ boardId: 'b1', elementId: 'n1', kind: 'board_note', conceptId: 'x', title: 'X', lang: 'fi' }
		]);
		expect(index.get('b1:n1')).toHaveLength(1);
		expect(index.get('b2:n1')).toBeUndefined();
	});
});
