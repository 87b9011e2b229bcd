import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	applyOp,
	checkOp,
	emptyBoard,
	hiddenNoteOf,
	redactOp,
	viewFor,
	withRevealCount,
	type BoardOp,
	type BoardRole,
	type BoardState
} from './board';
import { boardChanges } from './board-changes';

const FAC = { id: 'f', role: 'facilitator' as BoardRole };
const A = { id: 'a', role: 'participant' as BoardRole };
const B = { id: 'b', role: 'participant' as BoardRole };

/** Applies an op as the server would: checked, counted, sequenced. Refused ops are skipped. */
function step(state: BoardState, op: BoardOp, actor: { id: string; role: BoardRole }) {
	if (checkOp(state, op, actor)) return state;
	return applyOp(state, {
		seq: state.seq + 1,
		opId: crypto.randomUUID(),
		actorId: actor.id,
		at: 1000 + state.seq,
		op: withRevealCount(state, op)
	});
}

const noteId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const add = (i: number): BoardOp => ({
	type: 'note.add',
	noteId: noteId(i),
	text: `note ${i}`,
	colour: 'yellow',
	x: 0,
	y: 0
});

describe('private writing (issue 12)', () => {
	it('hides notes from others until the reveal, which shows them all and counts them', () => {
		let s = step(emptyBoard(), { type: 'board.private', privateWriting: true }, FAC);
		s = step(s, add(1), A);
		s = step(s, add(2), B);
		expect(Object.keys(viewFor(s, A).notes)).toEqual([noteId(1)]);
		expect(Object.keys(viewFor(s, B).notes)).toEqual([noteId(2)]);
		expect(Object.keys(viewFor(s, FAC).notes)).toHaveLength(2);
		expect(checkOp(s, { type: 'note.move', noteId: noteId(1), x: 1, y: 1 }, B)).toBe('not_found');
		const before = s;
		s = step(s, { type: 'board.private', privateWriting: false, count: 50 }, FAC);
		expect(s.lastReveal).toEqual({ count: 2, at: before.seq + 1000, by: 'f' });
		expect(Object.keys(viewFor(s, B).notes)).toHaveLength(2);
		expect(Object.values(s.notes).every((n) => !n.hidden)).toBe(true);
		expect(boardChanges(viewFor(before, B), viewFor(s, B), 'b')).toEqual([
			{ kind: 'private', on: false, revealed: 2 }
		]);
	});

	it('refuses dots on a hidden note and lets only the facilitator turn it on', () => {
		let s = emptyBoard();
		expect(checkOp(s, { type: 'board.private', privateWriting: true }, A)).toBe('forbidden');
		s = step(s, { type: 'board.private', privateWriting: true }, FAC);
		s = step(s, add(1), A);
		s = { ...s, phaseIndex: 3 };
		expect(checkOp(s, { type: 'vote.cast', noteId: noteId(1) }, A)).toBe('not_found');
		expect(checkOp(s, { type: 'vote.cast', noteId: noteId(1) }, B)).toBe('not_found');
	});

	it('never lets another participant see a hidden note, by view or by op (property)', () => {
		const actors = [A, B, FAC];
		const arbOp = fc.oneof(
			fc.integer({ min: 0, max: 5 }).map(add),
			fc
				.integer({ min: 0, max: 5 })
				.map((i): BoardOp => ({ type: 'note.edit', noteId: noteId(i), text: `edit ${i}` })),
			fc
				.integer({ min: 0, max: 5 })
				.map((i): BoardOp => ({ type: 'note.delete', noteId: noteId(i) })),
			fc.boolean().map((on): BoardOp => ({ type: 'board.private', privateWriting: on }))
		);
		fc.assert(
			fc.property(
				fc.array(fc.tuple(arbOp, fc.integer({ min: 0, max: 2 })), { maxLength: 30 }),
				(ops) => {
					let s = emptyBoard();
					for (const [op, who] of ops) {
						const actor = actors[who];
						if (checkOp(s, op, actor)) continue;
						const sent = withRevealCount(s, op);
						const sequenced = { seq: s.seq + 1, opId: 'x', actorId: actor.id, at: s.seq, op: sent };
						const secrecy = {
							anonymous: false,
							revealed: false,
							hiddenNote: hiddenNoteOf(s, sent, actor.id)
						};
						s = applyOp(s, sequenced);
						for (const viewer of [A, B]) {
							const received = redactOp(sequenced, secrecy, viewer);
							for (const n of Object.values(viewFor(s, viewer).notes))
								expect(!n.hidden || n.authorId === viewer.id).toBe(true);
							const touched = 'noteId' in sent ? s.notes[sent.noteId] : undefined;
							if (received.op && touched?.hidden) expect(touched.authorId).toBe(viewer.id);
						}
						if (!s.privateWriting) expect(Object.values(s.notes).some((n) => n.hidden)).toBe(false);
					}
				}
			)
		);
	});
});
