import { describe, expect, it } from 'vitest';
import { applyOp, emptyBoard, type BoardOp, type BoardState } from './board';
import { boardChanges } from './board-changes';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const apply = (state: BoardState, op: BoardOp, actorId = 'anna') =>
	applyOp(state, { seq: state.seq + 1, opId: id(900 + state.seq), actorId, at: 1000, op });
const note = (n: number): BoardOp => ({
	type: 'note.add',
	noteId: id(n),
	text: `Idea ${n}`,
	colour: 'blue',
	x: 0,
	y: 0
});

describe('boardChanges', () => {
	it("tells of others' notes, not one's own", () => {
		const before = emptyBoard();
		const after = apply(apply(before, note(1), 'anna'), note(2), 'me');
		expect(boardChanges(before, after, 'me')).toEqual([{ kind: 'note_added', authorId: 'anna' }]);
	});

	it('tells of the phase, the lock, the timer, the spotlight and the reveal', () => {
		const before = apply(emptyBoard(), note(1));
		let after = apply(before, { type: 'phase.goto', index: 3 }, 'fiia');
		after = apply(after, { type: 'board.lock', locked: true }, 'fiia');
		after = apply(after, { type: 'timer.start', seconds: 60 }, 'fiia');
		after = apply(after, { type: 'spotlight', target: { kind: 'note', id: id(1) } }, 'fiia');
		after = apply(after, { type: 'votes.reveal', revealed: true }, 'fiia');
		expect(boardChanges(before, after, 'me')).toEqual([
			{ kind: 'phase', index: 3 },
			{ kind: 'locked', locked: true },
			{ kind: 'timer', running: true },
			{ kind: 'spotlight', text: 'Idea 1' },
			{ kind: 'revealed' }
		]);
	});

	it('says nothing when nothing anyone would notice changed', () => {
		const before = apply(emptyBoard(), note(1));
		const after = apply(before, { type: 'note.move', noteId: id(1), x: 5, y: 5 });
		expect(boardChanges(before, after, 'me')).toEqual([]);
	});
});
