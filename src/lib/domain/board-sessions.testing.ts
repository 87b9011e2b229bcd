// Shared by the board tests: a few actors, and random sessions of ops that the server side
// (check, sequence, apply) turns into a board and its log.
import fc from 'fast-check';
import {
	applyOp,
	checkOp,
	emptyBoard,
	type BoardOp,
	type BoardRole,
	type BoardState,
	type SequencedOp
} from './board';

export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const FAC = { id: uuid(900), role: 'facilitator' as BoardRole };
export const ANNA = { id: uuid(901), role: 'participant' as BoardRole };
export const BO = { id: uuid(902), role: 'participant' as BoardRole };
export const N1 = uuid(1);
export const N2 = uuid(2);
export const C1 = uuid(50);

/** The server's side: check, then sequence and apply; refused ops return their reason. */
export function serve(
	state: BoardState,
	log: SequencedOp[],
	actor: typeof FAC,
	op: BoardOp,
	at = 1000
) {
	const refusal = checkOp(state, op, actor);
	if (refusal) return { state, refusal };
	const s = { seq: state.seq + 1, opId: uuid(10_000 + log.length), actorId: actor.id, at, op };
	log.push(s);
	return { state: applyOp(state, s), refusal: null };
}

// Random sessions: a few actors send random ops; the server keeps what it accepts.
export const actors = [FAC, ANNA, BO];
const noteIds = [1, 2, 3, 4].map(uuid);
export const arbitraryOp: fc.Arbitrary<BoardOp> = fc.oneof(
	fc.record({
		type: fc.constant('note.add' as const),
		noteId: fc.constantFrom(...noteIds),
		text: fc.constantFrom('a', 'b'),
		colour: fc.constant('yellow' as const),
		x: fc.nat(100),
		y: fc.nat(100)
	}),
	fc.record({
		type: fc.constant('note.move' as const),
		noteId: fc.constantFrom(...noteIds),
		x: fc.nat(100),
		y: fc.nat(100)
	}),
	fc.record({ type: fc.constant('note.delete' as const), noteId: fc.constantFrom(...noteIds) }),
	fc.record({
		type: fc.constant('note.cluster' as const),
		noteId: fc.constantFrom(...noteIds),
		clusterId: fc.constantFrom(C1, null)
	}),
	fc.record({
		type: fc.constant('cluster.add' as const),
		clusterId: fc.constant(C1),
		name: fc.constant('Group')
	}),
	fc.record({ type: fc.constant('vote.cast' as const), noteId: fc.constantFrom(...noteIds) }),
	fc.record({ type: fc.constant('vote.retract' as const), noteId: fc.constantFrom(...noteIds) }),
	fc.record({ type: fc.constant('phase.goto' as const), index: fc.nat(5) }),
	fc.record({
		type: fc.constant('votes.configure' as const),
		perParticipant: fc.integer({ min: 1, max: 3 }),
		perNote: fc.constantFrom(1, null)
	})
);
export const session = fc.array(fc.tuple(fc.nat(actors.length - 1), arbitraryOp), {
	maxLength: 60
});

export function runSession(steps: [number, BoardOp][]) {
	const log: SequencedOp[] = [];
	let state = emptyBoard();
	for (const [who, op] of steps)
		state = serve(state, log, actors[who], op, 1000 + log.length).state;
	return { state, log };
}
