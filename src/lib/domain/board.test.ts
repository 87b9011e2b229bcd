import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES } from './locale';
import {
	agendaMinutes,
	applyOp,
	checkOp,
	DEFAULT_AGENDA,
	phaseTitle,
	emptyBoard,
	opSchema,
	redactOp,
	rankedNotes,
	timerRemaining,
	viewFor,
	votesOf,
	type BoardOp,
	type SequencedOp
} from './board';
import { BoardReplica } from './board-sequence';
import {
	ANNA,
	BO,
	C1,
	FAC,
	N1,
	N2,
	serve,
	session,
	runSession,
	uuid
} from './board-sessions.testing';

function board(...steps: [typeof FAC, BoardOp][]) {
	const log: SequencedOp[] = [];
	let state = emptyBoard();
	for (const [actor, op] of steps) {
		const r = serve(state, log, actor, op);
		expect(r.refusal, `${op.type} by ${actor.role}`).toBeNull();
		state = r.state;
	}
	return { state, log };
}

const addNote = (noteId: string, text = 'Match by skills'): BoardOp => ({
	type: 'note.add',
	noteId,
	text,
	colour: 'yellow',
	x: 10,
	y: 20
});

describe('board ops', () => {
	it('let observers change nothing, whatever the phase', () => {
		const OWNER = { id: uuid(903), role: 'observer' as const };
		const { state } = board([ANNA, addNote(N1)]);
		const tries: BoardOp[] = [
			addNote(N2),
			{ type: 'note.move', noteId: N1, x: 1, y: 1 },
			{ type: 'vote.cast', noteId: N1 },
			{ type: 'phase.goto', index: 1 }
		];
		for (const op of tries) expect(checkOp(state, op, OWNER)).toBe('forbidden');
	});

	it('refuse payloads outside the schema: oversize text, unknown type, wrong shapes', () => {
		expect(opSchema.safeParse(addNote(N1, 'x'.repeat(501))).success).toBe(false);
		expect(opSchema.safeParse({ type: 'note.explode', noteId: N1 }).success).toBe(false);
		expect(
			opSchema.safeParse({ type: 'note.move', noteId: 'not-a-uuid', x: 1, y: 1 }).success
		).toBe(false);
		expect(opSchema.safeParse({ ...addNote(N1), x: -5 }).success).toBe(false);
		expect(opSchema.safeParse(addNote(N1)).success).toBe(true);
	});

	it('let each phase allow only its actions: no notes while voting, no votes while ideating', () => {
		const { state } = board([FAC, { type: 'phase.goto', index: 1 }], [ANNA, addNote(N1)]);
		expect(checkOp(state, { type: 'vote.cast', noteId: N1 }, ANNA)).toBe('phase_forbids');
		const voting = board(
			[FAC, { type: 'phase.goto', index: 1 }],
			[ANNA, addNote(N1)],
			[FAC, { type: 'phase.goto', index: 3 }]
		).state;
		expect(checkOp(voting, addNote(N2), ANNA)).toBe('phase_forbids');
		expect(checkOp(voting, { type: 'vote.cast', noteId: N1 }, ANNA)).toBeNull();
	});

	it('keep control ops for the facilitator and notes for their authors', () => {
		const { state } = board([ANNA, addNote(N1)]);
		expect(checkOp(state, { type: 'phase.goto', index: 2 }, ANNA)).toBe('forbidden');
		expect(checkOp(state, { type: 'note.edit', noteId: N1, text: 'mine now' }, BO)).toBe(
			'not_author'
		);
		expect(checkOp(state, { type: 'note.delete', noteId: N1 }, ANNA)).toBeNull();
		expect(checkOp(state, { type: 'note.move', noteId: uuid(77), x: 1, y: 1 }, BO)).toBe(
			'not_found'
		);
		expect(checkOp(state, addNote(N1), BO)).toBe('exists');
	});

	it('refuse participants on a locked board, not the facilitator', () => {
		const { state } = board([FAC, { type: 'board.lock', locked: true }]);
		expect(checkOp(state, addNote(N1), ANNA)).toBe('board_locked');
		expect(checkOp(state, addNote(N1), FAC)).toBeNull();
	});

	it('keep dot votes within the budget per participant and per note', () => {
		let { state } = board(
			[ANNA, addNote(N1)],
			[ANNA, addNote(N2)],
			[FAC, { type: 'votes.configure', perParticipant: 2, perNote: 1 }],
			[FAC, { type: 'phase.goto', index: 3 }],
			[BO, { type: 'vote.cast', noteId: N1 }]
		);
		expect(checkOp(state, { type: 'vote.cast', noteId: N1 }, BO)).toBe('budget_exhausted');
		state = applyOp(state, {
			seq: state.seq + 1,
			opId: uuid(5),
			actorId: BO.id,
			at: 0,
			op: { type: 'vote.cast', noteId: N2 }
		});
		expect(votesOf(state, BO.id)).toBe(2);
		expect(checkOp(state, { type: 'vote.cast', noteId: N2 }, BO)).toBe('budget_exhausted');
		expect(checkOp(state, { type: 'vote.retract', noteId: N1 }, ANNA)).toBe('no_vote');
		expect(rankedNotes(state).map((n) => n.dots)).toEqual([1, 1]);
	});

	it('cluster notes without dragging, and forget the cluster when it is deleted', () => {
		const { state } = board(
			[ANNA, addNote(N1)],
			[FAC, { type: 'phase.goto', index: 2 }],
			[BO, { type: 'cluster.add', clusterId: C1, name: 'Matching' }],
			[BO, { type: 'note.cluster', noteId: N1, clusterId: C1 }]
		);
		expect(state.notes[N1].clusterId).toBe(C1);
		const after = applyOp(state, {
			seq: state.seq + 1,
			opId: uuid(6),
			actorId: BO.id,
			at: 0,
			op: { type: 'cluster.delete', clusterId: C1 }
		});
		expect(after.notes[N1].clusterId).toBeNull();
		expect(after.clusters).toEqual({});
	});

	it('run the timer on server time: every client computes the same remaining seconds', () => {
		const log: SequencedOp[] = [];
		let state = serve(emptyBoard(), log, FAC, { type: 'timer.start', seconds: 300 }, 10_000).state;
		expect(timerRemaining(state, 70_000)).toBe(240);
		state = serve(state, log, FAC, { type: 'timer.pause' }, 70_000).state;
		expect(timerRemaining(state, 999_999)).toBe(240);
		state = serve(state, log, FAC, { type: 'timer.extend', seconds: 60 }, 80_000).state;
		state = serve(state, log, FAC, { type: 'timer.resume' }, 100_000).state;
		expect(timerRemaining(state, 100_000)).toBe(300);
		expect(timerRemaining(state, 500_000)).toBe(0);
	});

	it('hide authors in anonymous mode and others’ dots until revealed', () => {
		const { state } = board(
			[ANNA, addNote(N1)],
			[BO, addNote(N2)],
			[FAC, { type: 'board.anonymous', anonymous: true }],
			[FAC, { type: 'phase.goto', index: 3 }],
			[ANNA, { type: 'vote.cast', noteId: N2 }],
			[BO, { type: 'vote.cast', noteId: N2 }]
		);
		const anna = viewFor(state, ANNA);
		expect(anna.notes[N1].authorId).toBe(ANNA.id);
		expect(anna.notes[N2].authorId).toBeNull();
		expect(anna.votes).toEqual({ [N2]: { [ANNA.id]: 1 } });
		expect(viewFor(state, FAC).notes[N2].authorId).toBe(BO.id);
		const revealed = applyOp(state, {
			seq: state.seq + 1,
			opId: uuid(7),
			actorId: FAC.id,
			at: 0,
			op: { type: 'votes.reveal', revealed: true }
		});
		expect(Object.keys(viewFor(revealed, ANNA).votes[N2])).toHaveLength(2);
	});
});

describe('board replicas (property)', () => {
	it('end in the server’s state whatever order and repetition the ops arrive in', () => {
		fc.assert(
			fc.property(
				session.chain((steps) => {
					const { log } = runSession(steps);
					return fc.tuple(
						fc.constant(steps),
						fc.shuffledSubarray([...log, ...log], { minLength: 2 * log.length })
					);
				}),
				([steps, delivery]) => {
					const { state } = runSession(steps);
					const replica = new BoardReplica(emptyBoard());
					for (const op of delivery) replica.receive(op);
					expect(replica.state).toEqual(state);
					expect(replica.waiting).toBe(false);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('keep ops that arrived after a snapshot was read when the snapshot comes late', () => {
		fc.assert(
			fc.property(
				session.chain((steps) => {
					const { log } = runSession(steps);
					return fc.tuple(fc.constant(steps), fc.nat({ max: log.length }));
				}),
				([steps, cut]) => {
					const { state, log } = runSession(steps);
					// The snapshot of a join, read when `cut` ops were stored; every op came
					// by broadcast before the join's answer did.
					const snapshot = log.slice(0, cut).reduce(applyOp, emptyBoard());
					const replica = new BoardReplica(emptyBoard());
					for (const op of log) replica.receive(op);
					replica.reset(snapshot);
					expect(replica.state).toEqual(state);
					expect(replica.waiting).toBe(false);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('show a participant what viewFor shows, from the redacted ops alone (anonymous, votes hidden)', () => {
		fc.assert(
			fc.property(session, (steps) => {
				const { state, log } = runSession([
					[0, { type: 'board.anonymous', anonymous: true }],
					...steps
				]);
				const replica = new BoardReplica(emptyBoard());
				let before = emptyBoard();
				for (const op of log) {
					replica.receive(redactOp(op, before, ANNA));
					before = applyOp(before, op);
				}
				expect(viewFor(replica.state, ANNA)).toEqual(viewFor(state, ANNA));
			}),
			{ numRuns: 300 }
		);
	});

	it('change nothing when an op is applied again', () => {
		fc.assert(
			fc.property(session, (steps) => {
				const { state, log } = runSession(steps);
				for (const op of log) expect(applyOp(state, op)).toBe(state);
			})
		);
	});

	it('never let a cast dot exceed the budget in force', () => {
		fc.assert(
			fc.property(session, (steps) => {
				let state = emptyBoard();
				for (const op of runSession(steps).log) {
					state = applyOp(state, op);
					if (op.op?.type !== 'vote.cast' || !op.actorId) continue;
					expect(votesOf(state, op.actorId)).toBeLessThanOrEqual(state.budget.perParticipant);
					const onNote = state.votes[op.op.noteId][op.actorId];
					expect(onNote).toBeLessThanOrEqual(state.budget.perNote ?? Infinity);
				}
			})
		);
	});

	it('catches up from a snapshot and keeps ops held beyond it', () => {
		const { state, log } = runSession([
			[1, addNote(N1)],
			[2, addNote(N2)],
			[1, { type: 'note.move', noteId: N1, x: 5, y: 5 }]
		]);
		const replica = new BoardReplica(emptyBoard());
		replica.receive(log[2]);
		expect(replica.waiting).toBe(true);
		let snapshot = emptyBoard();
		for (const op of log.slice(0, 2)) snapshot = applyOp(snapshot, op);
		replica.reset(snapshot);
		expect(replica.state).toEqual(state);
	});
});

describe('phase titles and agenda length', () => {
	it('gives the default agenda a title in every language of the app', () => {
		for (const phase of DEFAULT_AGENDA)
			for (const locale of LOCALES)
				expect(typeof phase.title === 'object' && phase.title[locale]?.trim()).toBeTruthy();
	});

	it("shows the reader's language, else another marked with its lang", () => {
		expect(phaseTitle({ fi: 'Ideointi', en: 'Ideate' }, 'en')).toEqual({
			text: 'Ideate',
			attr: undefined
		});
		expect(phaseTitle({ fi: 'Ideointi' }, 'sv')).toEqual({ text: 'Ideointi', attr: 'fi' });
		expect(phaseTitle({ en: 'Ideate' }, 'fi')).toEqual({ text: 'Ideate', attr: 'en' });
		// A title from before languages claims none.
		expect(phaseTitle('Ideate', 'fi')).toEqual({ text: 'Ideate', attr: undefined });
	});

	it('adds up the minutes, counting rows being typed as nothing', () => {
		expect(agendaMinutes(DEFAULT_AGENDA)).toBe(80);
		expect(
			agendaMinutes([{ minutes: '15' }, { minutes: '' }, { minutes: 'x' }, { minutes: '2.5' }])
		).toBe(15);
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 1, max: 480 })), (ns) => {
				expect(agendaMinutes(ns.map((minutes) => ({ minutes: String(minutes) })))).toBe(
					ns.reduce((a, b) => a + b, 0)
				);
			})
		);
	});
});
