import { describe, expect, it } from 'vitest';
import { applyOp, emptyBoard, type BoardOp, type BoardState } from './board';
import { boardChanges, summarizeChanges } from './board-changes';

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
		expect(boardChanges(before, after, 'me', 1000)).toEqual([
			{ kind: 'phase', index: 3 },
			{ kind: 'locked', locked: true },
			{ kind: 'timer', action: 'started', seconds: 60 },
			{ kind: 'spotlight', text: 'Idea 1' },
			{ kind: 'revealed', revealed: true }
		]);
	});

	it('says nothing when nothing anyone would notice changed', () => {
		const before = apply(emptyBoard(), note(1));
		const after = apply(before, { type: 'note.move', noteId: id(1), x: 5, y: 5 });
		expect(boardChanges(before, after, 'me')).toEqual([]);
	});

	it('tells anonymity both ways', () => {
		const before = emptyBoard();
		const on = apply(before, { type: 'board.anonymous', anonymous: true }, 'fiia');
		expect(boardChanges(before, on, 'me')).toEqual([{ kind: 'anonymous', anonymous: true }]);
		const off = apply(on, { type: 'board.anonymous', anonymous: false }, 'fiia');
		expect(boardChanges(on, off, 'me')).toEqual([{ kind: 'anonymous', anonymous: false }]);
	});

	it('names what happened to the timer: paused, resumed, extended, restarted', () => {
		const started = apply(emptyBoard(), { type: 'timer.start', seconds: 300 }, 'fiia');
		const paused = apply(started, { type: 'timer.pause' }, 'fiia');
		const resumed = apply(paused, { type: 'timer.resume' }, 'fiia');
		const extended = apply(resumed, { type: 'timer.extend', seconds: 60 }, 'fiia');
		const pausedLonger = apply(paused, { type: 'timer.extend', seconds: 60 }, 'fiia');
		const action = (a: BoardState, b: BoardState) =>
			boardChanges(a, b, 'me', 1000).map((c) => (c.kind === 'timer' ? c.action : c.kind));
		expect(action(emptyBoard(), started)).toEqual(['started']);
		expect(action(started, paused)).toEqual(['paused']);
		expect(action(paused, resumed)).toEqual(['resumed']);
		expect(action(resumed, extended)).toEqual(['extended']);
		expect(action(paused, pausedLonger)).toEqual(['extended']);
		expect(action(started, started)).toEqual([]);
		expect(boardChanges(emptyBoard(), started, 'me', 1000)[0]).toMatchObject({ seconds: 300 });
	});
});

describe('summarizeChanges', () => {
	it('says each kind once, the latest, and counts notes with their authors', () => {
		const summary = summarizeChanges([
			{ kind: 'timer', action: 'started', seconds: 60 },
			{ kind: 'note_added', authorId: 'anna' },
			{ kind: 'timer', action: 'started', seconds: 60 },
			{ kind: 'locked', locked: true },
			{ kind: 'note_added', authorId: 'ben' },
			{ kind: 'note_added', authorId: 'anna' },
			{ kind: 'locked', locked: false },
			{ kind: 'note_added', authorId: null }
		]);
		expect(summary.notes).toEqual({ count: 4, authors: ['anna', 'ben', null] });
		expect(summary.rest).toEqual([
			{ kind: 'timer', action: 'started', seconds: 60 },
			{ kind: 'locked', locked: false }
		]);
	});

	it('is empty for no changes', () => {
		expect(summarizeChanges([])).toEqual({ notes: { count: 0, authors: [] }, rest: [] });
	});
});
