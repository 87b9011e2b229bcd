import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOp, emptyBoard, type BoardState } from './board';
import {
	boardDelta,
	boardFromRows,
	settingsOf,
	type BoardDelta,
	type BoardRows,
	type VoteRow
} from './board-rows';
import { FAC, N1, runSession, session } from './board-sessions.testing';

/** The rows of a board, as a fresh read of the tables would give them. */
function rowsOf(state: BoardState): BoardRows {
	return {
		seq: state.seq,
		settings: settingsOf(state),
		notes: Object.values(state.notes),
		clusters: Object.values(state.clusters),
		votes: Object.entries(state.votes).flatMap(([noteId, byVoter]) =>
			Object.entries(byVoter).map(([voterId, dots]) => ({ noteId, voterId, dots }))
		)
	};
}

/** What the op path's statement does to the tables with a delta. */
function applyDelta(rows: BoardRows, delta: BoardDelta, seq: number): BoardRows {
	const upsert = <T extends { id: string }>(list: T[], changed: T[], removed: string[]) => {
		const byId = new Map(list.map((x) => [x.id, x]));
		for (const x of changed) byId.set(x.id, x);
		for (const id of removed) byId.delete(id);
		return [...byId.values()];
	};
	const key = (v: Omit<VoteRow, 'dots'>) => `${v.noteId}/${v.voterId}`;
	const votes = new Map(rows.votes.map((v) => [key(v), v]));
	for (const v of delta.votes) votes.set(key(v), v);
	for (const v of delta.removedVotes) votes.delete(key(v));
	return {
		seq,
		settings: delta.settings ?? rows.settings,
		notes: upsert(rows.notes, delta.notes, delta.removedNotes),
		clusters: upsert(rows.clusters, delta.clusters, delta.removedClusters),
		votes: [...votes.values()]
	};
}

describe('board rows', () => {
	it('give back the board they were read from', () => {
		fc.assert(
			fc.property(session, (steps) => {
				const { state } = runSession(steps);
				expect(boardFromRows(rowsOf(state))).toEqual(state);
			}),
			{ numRuns: 200 }
		);
	});

	it('kept up op by op with deltas, end as the board itself, note order included (property)', () => {
		fc.assert(
			fc.property(session, (steps) => {
				const { state, log } = runSession(steps);
				let before = emptyBoard();
				let rows = rowsOf(before);
				for (const op of log) {
					const after = applyOp(before, op);
					rows = applyDelta(rows, boardDelta(before, after), op.seq);
					before = after;
				}
				const rebuilt = boardFromRows(rows);
				expect(rebuilt).toEqual(state);
				expect(Object.keys(rebuilt.notes)).toEqual(Object.keys(state.notes));
			}),
			{ numRuns: 300 }
		);
	});

	it('name only what an op changed', () => {
		const empty = emptyBoard();
		const board = applyOp(empty, {
			seq: 1,
			opId: N1,
			actorId: FAC.id,
			at: 0,
			op: { type: 'note.add', noteId: N1, text: 'Skills', colour: 'blue', x: 1, y: 2 }
		});
		const delta = boardDelta(empty, board);
		expect(delta.notes.map((n) => n.text)).toEqual(['Skills']);
		expect(delta.settings).toBeNull();
		expect(delta.removedNotes).toEqual([]);
		const locked = applyOp(board, {
			seq: 2,
			opId: N1,
			actorId: FAC.id,
			at: 0,
			op: { type: 'board.lock', locked: true }
		});
		const second = boardDelta(board, locked);
		expect(second.notes).toEqual([]);
		expect(second.settings?.locked).toBe(true);
	});
});
