import { describe, expect, it } from 'vitest';
import { applyOp, emptyBoard, type BoardOp, type BoardState } from './board';
import {
	outcomeTable,
	outcomeMarkdown,
	type OutcomeInput,
	type OutcomeLabels
} from './workshop-outcome';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const apply = (state: BoardState, op: BoardOp, actorId = 'anna') =>
	applyOp(state, { seq: state.seq + 1, opId: id(900 + state.seq), actorId, at: 0, op });
const note = (n: number, text: string): BoardOp => ({
	type: 'note.add',
	noteId: id(n),
	text,
	colour: 'yellow',
	x: 0,
	y: 0
});

const labels: OutcomeLabels = {
	sharedBoard: 'Shared board',
	clusters: 'Clusters',
	unclustered: 'Unclustered',
	ranking: 'Ranked',
	votesHidden: 'Not revealed',
	noNotes: 'No notes.',
	dots: (n) => `${n} dots`,
	colour: (c) => c,
	csvHeader: ['Board', 'Rank', 'Note', 'Cluster', 'Colour', 'Dots', 'Author']
};

function board(): BoardState {
	let s = apply(emptyBoard(), note(1, 'Skills first'));
	s = apply(s, note(2, '=cmd|calc'), 'bea');
	s = apply(s, { type: 'cluster.add', clusterId: id(50), name: 'Matching' });
	s = apply(s, { type: 'note.cluster', noteId: id(1), clusterId: id(50) });
	s = apply(s, { type: 'vote.cast', noteId: id(2) }, 'carl');
	s = apply(s, { type: 'vote.cast', noteId: id(2) }, 'dana');
	return apply(s, { type: 'vote.cast', noteId: id(1) }, 'carl');
}

const input = (state: BoardState, seesVotes = false): OutcomeInput => ({
	title: 'Day',
	challengeTitle: 'Jobs',
	startsAt: '1.12.2026 9.00',
	boards: [{ teamName: null, state }],
	names: { anna: 'Anna', bea: 'Bea' },
	seesVotes
});

describe('workshop outcome', () => {
	it('lists clusters with their notes and ranks notes by dots, with authors', () => {
		const md = outcomeMarkdown(
			input(apply(board(), { type: 'votes.reveal', revealed: true })),
			labels
		);
		expect(md).toContain('#### Matching\n\n- Skills first (1 dots) — Anna');
		expect(md).toContain('#### Unclustered\n\n- =cmd|calc (2 dots) — Bea');
		expect(md).toContain(
			'### Ranked\n\n1. =cmd|calc (2 dots) — Bea\n2. Skills first (1 dots) — Anna'
		);
	});

	it('hides authors on an anonymous board and dots before the reveal', () => {
		const md = outcomeMarkdown(
			input(apply(board(), { type: 'board.anonymous', anonymous: true })),
			labels
		);
		expect(md).not.toContain('Anna');
		expect(md).not.toContain('dots)');
		expect(md).toContain('Not revealed');
	});

	it('gives the CSV table ranked (the writer defuses formulas)', () => {
		const table = outcomeTable(input(board(), true), labels);
		expect(table.header).toEqual(['Board', 'Rank', 'Note', 'Cluster', 'Colour', 'Dots', 'Author']);
		expect(table.rows.slice(0, 2)).toEqual([
			['Shared board', 1, '=cmd|calc', 'Unclustered', 'yellow', 2, 'Bea'],
			['Shared board', 2, 'Skills first', 'Matching', 'yellow', 1, 'Anna']
		]);
	});
});
