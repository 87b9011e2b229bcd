/**
 * What one viewer may receive of a board, for the server's per-viewer gate
 * (src/lib/server/realtime/gate.ts): ops and boards are held whole until they are sent,
 * and each receiver gets them through `gateOp` / `gateCatchUp`, which apply the same
 * rules as `viewFor` and `redactOp` (anonymous mode hides others' names, others' dots are
 * hidden until the reveal). Also the two decisions that choose what is sent: the
 * catch-up of a rejoining client, and the answer to an op id sent again.
 */
import {
	redactOp,
	viewFor,
	type BoardRole,
	type BoardState,
	type CatchUp,
	type RefusalCode,
	type SequencedOp
} from './board';

/** Who receives a message: a person (by user id) in their role on the board. */
export interface Viewer {
	id: string;
	role: BoardRole;
}

/**
 * Receivers who are nobody in particular: everyone in a room whose members share one
 * view. `ANYONE` (a board's room, every role) and `ANY_PARTICIPANT` (everyone but the
 * facilitator) see nobody's own, so nothing private of anyone; `FACILITATOR` sees all.
 */
export const ANYONE: Viewer = { id: '', role: 'observer' };
export const ANY_PARTICIPANT: Viewer = { id: '', role: 'participant' };
export const FACILITATOR: Viewer = { id: '', role: 'facilitator' };

/**
 * What the board hid when an op was applied: others' names (anonymous), others' dots (not
 * revealed), and the note the op touched when private writing hid it (`hiddenNoteOf`).
 */
export type Secrecy = Pick<BoardState, 'anonymous' | 'revealed'> & {
	hiddenNote?: { authorId: string | null } | null;
};

/** The most a board ever hides: for an op whose board at the time is not at hand. */
export const ALL_HIDDEN: Secrecy = {
	anonymous: true,
	revealed: false,
	hiddenNote: { authorId: null }
};

/** An op as the server holds it before any gate: whole, with the secrecy it was applied under. */
export interface HeldOp {
	op: SequencedOp;
	secrecy: Secrecy;
}

/** A catch-up before the gate: held ops, or the whole board. */
export type HeldCatchUp = { kind: 'ops'; ops: HeldOp[] } | { kind: 'snapshot'; state: BoardState };

/** A held op as this viewer may receive it (`redactOp`). */
export const gateOp = (viewer: Viewer, held: HeldOp): SequencedOp =>
	redactOp(held.op, held.secrecy, viewer);

/** A held catch-up as this viewer may receive it: ops through `gateOp`, a board through `viewFor`. */
export const gateCatchUp = (viewer: Viewer, held: HeldCatchUp): CatchUp =>
	held.kind === 'snapshot'
		? { kind: 'snapshot', state: viewFor(held.state, viewer) }
		: { kind: 'ops', ops: held.ops.map((op) => gateOp(viewer, op)) };

/** Beyond this many missed ops a reconnecting client gets a snapshot instead. */
export const CATCH_UP_LIMIT = 500;

/** The ops after which who may see what changes: a catch-up across one sends the board instead. */
const changesSecrecy = (s: SequencedOp) =>
	s.op?.type === 'board.anonymous' ||
	s.op?.type === 'votes.reveal' ||
	s.op?.type === 'board.private';

/** Whether a client that has seen up to `afterSeq` gets the board itself, whatever it missed. */
export const farBehind = (board: Pick<BoardState, 'seq'>, afterSeq: number) =>
	afterSeq <= 0 || board.seq - afterSeq > CATCH_UP_LIMIT || board.seq < afterSeq;

/**
 * What a client that has seen up to `afterSeq` is missing, before the gate: the `missed`
 * ops (stored after `afterSeq`, in order), or the `board` itself when the client is new
 * (`afterSeq` 0), too far behind, ahead of the board, or when the missed ops change who
 * may see what. The ops are held with the board's present secrecy, which they were all
 * applied under (no op among them changed it).
 */
export function catchUpOf(board: BoardState, missed: SequencedOp[], afterSeq: number): HeldCatchUp {
	// During private writing which missed op touched a hidden note is not known here (the
	// board was read as the caller may see it): the board itself is sent.
	if (farBehind(board, afterSeq) || board.privateWriting || missed.some(changesSecrecy))
		return { kind: 'snapshot', state: board };
	const secrecy = { anonymous: board.anonymous, revealed: board.revealed };
	return { kind: 'ops', ops: missed.map((op) => ({ op, secrecy })) };
}

/**
 * The answer to an op whose id is already on the board, or that was refused: `earlier`
 * is the op stored with that id, if any. Its own actor, retrying after a lost answer,
 * gets it again as stored. Anyone else (who may have seen the id in a broadcast) gets
 * the refusal their op earned on its own, or else `duplicate_op`: never the stored op,
 * which would name an anonymous author or a hidden dot. Issue 11, item 3.
 */
export function answerAgain(
	earlier: SequencedOp | undefined,
	actorId: string,
	refusal: RefusalCode | null
): { repeat: SequencedOp } | { refusal: RefusalCode } {
	if (earlier && earlier.actorId === actorId) return { repeat: earlier };
	return { refusal: refusal ?? 'duplicate_op' };
}
