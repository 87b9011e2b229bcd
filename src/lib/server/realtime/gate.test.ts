import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	applyOp,
	checkOp,
	emptyBoard,
	type BoardOp,
	type BoardState,
	type SequencedOp
} from '$lib/domain/board';
import {
	ALL_HIDDEN,
	ANY_PARTICIPANT,
	answerAgain,
	catchUpOf,
	FACILITATOR,
	type HeldOp,
	type Viewer
} from '$lib/domain/board-gate';
import { ANNA, arbitraryOp, BO, FAC, uuid } from '$lib/domain/board-sessions.testing';
import { ASK, TELL, type ServerMessages } from '$lib/realtime/protocol';
import { gate, type Held, type MessageKind } from './gate';

/**
 * A board server in miniature, making the same decisions as the real one with the same
 * functions (checkOp, answerAgain, catchUpOf, the rooms of boards.ts) and sending every
 * message through `gate`: what each person on the board receives, and what the board
 * hid at that moment.
 */
const OLLI: Viewer = { id: uuid(903), role: 'observer' };
const PEOPLE: Viewer[] = [FAC, ANNA, BO, OLLI];
const BOARD = uuid(800);

interface Received {
	kind: MessageKind;
	message: ServerMessages[MessageKind];
	/** What the board hid when it was sent. */
	board: BoardState;
}

class MiniServer {
	log: HeldOp[] = [];
	inbox = new Map<string, Received[]>(PEOPLE.map((p) => [p.id, []]));

	constructor(public state: BoardState) {}

	#send<K extends MessageKind>(to: Viewer, as: Viewer, kind: K, message: Held[K]) {
		this.inbox.get(to.id)!.push({ kind, message: gate(as, kind, message), board: this.state });
	}

	/** board:op from `actor` with this id, as storeOpIn decides and boards.ts tells. */
	op(actor: Viewer, opId: string, op: BoardOp) {
		const before = this.state;
		const refusal = checkOp(before, op, actor);
		const earlier = this.log.find((h) => h.op.opId === opId)?.op;
		if (refusal || earlier) {
			const again = answerAgain(earlier, actor.id, refusal);
			const answer: Held[typeof ASK.op] =
				'repeat' in again
					? { ok: true, op: { op: again.repeat, secrecy: ALL_HIDDEN } }
					: { ok: false, error: again.refusal };
			return this.#send(actor, actor, ASK.op, answer);
		}
		const s: SequencedOp = { seq: before.seq + 1, opId, actorId: actor.id, at: 1000, op };
		this.state = applyOp(before, s);
		const held: HeldOp = {
			op: s,
			secrecy: { anonymous: before.anonymous, revealed: before.revealed }
		};
		this.log.push(held);
		this.#send(actor, actor, ASK.op, { ok: true, op: held });
		for (const p of PEOPLE) {
			if (p === actor) continue;
			const room = p.role === 'facilitator' ? FACILITATOR : ANY_PARTICIPANT;
			this.#send(p, room, TELL.ops, { boardId: BOARD, ops: [held] });
		}
		// Who may see what changed: everyone but the facilitator joins again from scratch.
		if (op.type === 'board.anonymous' || op.type === 'votes.reveal')
			for (const p of PEOPLE) if (p.role !== 'facilitator') this.join(p, 0);
	}

	/** board:join with the last sequence the client saw, as boards.ts and catchUp answer. */
	join(viewer: Viewer, lastSeq: number) {
		const missed = this.log.filter((h) => h.op.seq > lastSeq).map((h) => h.op);
		const catchUp = catchUpOf(this.state, missed, lastSeq);
		this.#send(viewer, viewer, ASK.join, {
			ok: true,
			role: viewer.role,
			serverTime: 0,
			catchUp
		});
	}
}

/** Every op a message carries, whatever its kind. */
function opsIn(r: Received): SequencedOp[] {
	const m = r.message;
	if (r.kind === TELL.ops && 'ops' in m) return m.ops;
	if (r.kind === ASK.op && 'op' in m) return [m.op];
	if (r.kind === ASK.join && 'catchUp' in m && m.catchUp.kind === 'ops') return m.catchUp.ops;
	return [];
}

/**
 * What in a message received by `viewer` names a hidden author or dot of someone else:
 * an op applied in anonymous mode that names its actor, another's dot before the reveal
 * (its actor or its note), a board sent in anonymous mode naming another's note, or
 * another's dots on a board sent before the reveal; and an op answered to anyone but
 * its own actor. Judged against the true log, not against what the gate did.
 */
function leaks(viewer: Viewer, r: Received, log: HeldOp[]): string[] {
	const found: string[] = [];
	for (const got of opsIn(r)) {
		const truth = log.find((h) => h.op.seq === got.seq)!;
		const { op, secrecy } = truth;
		if (op.actorId === viewer.id) continue;
		if (r.kind === ASK.op) found.push(`answer with ${op.opId} of ${op.actorId}`);
		if (secrecy.anonymous && got.actorId !== null) found.push(`author of ${op.seq}`);
		const vote = op.op?.type.startsWith('vote.');
		if (vote && !secrecy.revealed && (got.actorId !== null || got.op !== null))
			found.push(`dot ${op.seq}`);
	}
	const m = r.message;
	if (r.kind === ASK.join && 'catchUp' in m && m.catchUp.kind === 'snapshot') {
		const { notes, votes } = m.catchUp.state;
		if (r.board.anonymous)
			for (const n of Object.values(notes))
				if (n.authorId !== null && n.authorId !== viewer.id) found.push(`author of ${n.id}`);
		if (!r.board.revealed)
			for (const [noteId, byVoter] of Object.entries(votes))
				for (const voter of Object.keys(byVoter))
					if (voter !== viewer.id) found.push(`dots of ${voter} on ${noteId}`);
	}
	return found;
}

const toggles: fc.Arbitrary<BoardOp> = fc.oneof(
	fc.record({ type: fc.constant('board.anonymous' as const), anonymous: fc.boolean() }),
	fc.record({ type: fc.constant('votes.reveal' as const), revealed: fc.boolean() }),
	fc.record({ type: fc.constant('phase.goto' as const), index: fc.constantFrom(1, 3) })
);

/** One step: someone sends an op (with a new id, or an id seen before), or joins again. */
const step = fc.oneof(
	fc.record({
		kind: fc.constant('op' as const),
		who: fc.nat(PEOPLE.length - 1),
		op: fc.oneof({ weight: 3, arbitrary: arbitraryOp }, { weight: 1, arbitrary: toggles }),
		// An earlier op's id (anyone's: broadcasts show them), or a new one.
		reuse: fc.option(fc.nat(), { nil: null })
	}),
	fc.record({ kind: fc.constant('join' as const), who: fc.nat(PEOPLE.length - 1), back: fc.nat(8) })
);

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** Runs the steps from a board that may start anonymous or with the votes phase on. */
function run(start: Partial<BoardState>, steps: Step[]) {
	const server = new MiniServer({ ...emptyBoard(), ...start });
	let fresh = 0;
	for (const s of steps) {
		const who = PEOPLE[s.who];
		if (s.kind === 'join') server.join(who, Math.max(0, server.state.seq - s.back));
		else {
			const ids = server.log.map((h) => h.op.opId);
			const id =
				s.reuse !== null && ids.length ? ids[s.reuse % ids.length] : uuid(20_000 + fresh++);
			server.op(who, id, s.op);
		}
	}
	return server;
}

describe('the per-viewer gate', () => {
	it('lets nothing a participant or observer receives name a hidden author or dot of another', () => {
		fc.assert(
			fc.property(
				fc.record({ anonymous: fc.boolean(), phaseIndex: fc.constantFrom(0, 1, 3) }),
				fc.array(step, { maxLength: 80 }),
				(start, steps) => {
					const server = run(start, steps);
					for (const viewer of PEOPLE) {
						if (viewer.role === 'facilitator') continue;
						for (const r of server.inbox.get(viewer.id)!)
							expect(leaks(viewer, r, server.log)).toEqual([]);
					}
				}
			),
			{ numRuns: 300 }
		);
	});

	it("answers B's re-send of A's op id with a refusal that says nothing of A's op", () => {
		const server = new MiniServer({ ...emptyBoard(), anonymous: true, phaseIndex: 1 });
		const note: BoardOp = {
			type: 'note.add',
			noteId: uuid(1),
			text: 'A',
			colour: 'yellow',
			x: 0,
			y: 0
		};
		server.op(ANNA, uuid(30_000), note);
		server.op(FAC, uuid(30_001), { type: 'phase.goto', index: 3 });
		server.op(ANNA, uuid(30_002), { type: 'vote.cast', noteId: uuid(1) });
		// Bo saw these ids in redacted broadcasts, and sends them again.
		server.op(BO, uuid(30_000), note);
		server.op(BO, uuid(30_002), { type: 'vote.retract', noteId: uuid(1) });
		server.op(BO, uuid(30_002), { type: 'vote.cast', noteId: uuid(1) });
		const answers = server.inbox.get(BO.id)!.filter((r) => r.kind === ASK.op);
		expect(answers.map((r) => r.message)).toEqual([
			{ ok: false, error: 'phase_forbids' },
			{ ok: false, error: 'no_vote' },
			{ ok: false, error: 'duplicate_op' }
		]);
		// Anna's own retry is answered with her op, as stored.
		server.op(ANNA, uuid(30_002), { type: 'vote.cast', noteId: uuid(1) });
		expect(server.inbox.get(ANNA.id)!.at(-1)!.message).toMatchObject({
			ok: true,
			op: { seq: 3, actorId: ANNA.id, op: { type: 'vote.cast' } }
		});
	});
});
