import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readerQuestions, type PageQuestion } from './reader-questions';

const q = (id: string, created: number, answered: number | null, mine = false): PageQuestion => ({
	id,
	createdAt: new Date(created),
	answeredAt: answered === null ? null : new Date(answered),
	mine
});

describe('readerQuestions', () => {
	it('adds the reader’s unanswered questions and marks their answered ones', () => {
		const visible = [q('a', 1, 50), q('b', 2, 30)];
		const own = [q('b', 2, 30), q('c', 40, null)];
		expect(readerQuestions(visible, own)).toEqual([
			q('a', 1, 50),
			q('c', 40, null, true),
			q('b', 2, 30, true)
		]);
		expect(visible[1].mine).toBe(false);
	});

	it('keeps the reader’s version of a question they asked (merged since, answered since)', () => {
		const answeredSince = { ...q('a', 1, 70), mergedInto: null };
		const visible = [{ ...q('a', 1, 50), mergedInto: null }];
		expect(readerQuestions(visible, [answeredSince])).toEqual([{ ...answeredSince, mine: true }]);
	});

	const lists = fc
		.uniqueArray(
			fc.record({
				id: fc.string({ minLength: 1, maxLength: 3 }),
				created: fc.integer({ min: 0, max: 20 }),
				answered: fc.option(fc.integer({ min: 0, max: 20 })),
				own: fc.boolean(),
				visible: fc.boolean()
			}),
			{ selector: (r) => r.id }
		)
		.map((rows) => ({
			visible: rows.filter((r) => r.visible).map((r) => q(r.id, r.created, r.answered)),
			own: rows.filter((r) => r.own).map((r) => q(r.id, r.created, r.answered))
		}));

	it('holds every id of either list once, mine exactly when the reader’s, newest first', () => {
		fc.assert(
			fc.property(lists, ({ visible, own }) => {
				const merged = readerQuestions(visible, own);
				const ids = new Set([...visible, ...own].map((x) => x.id));
				expect(merged.map((x) => x.id).toSorted()).toEqual([...ids].toSorted());
				const ownIds = new Set(own.map((x) => x.id));
				for (const x of merged) expect(x.mine).toBe(ownIds.has(x.id));
				const at = (x: PageQuestion) => (x.answeredAt ?? x.createdAt).getTime();
				for (let i = 1; i < merged.length; i++)
					expect(at(merged[i - 1])).toBeGreaterThanOrEqual(at(merged[i]));
			})
		);
	});
});
