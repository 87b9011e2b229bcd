import type { Database, Principal, Queryable } from '../db';
import { BoardCache, loadBoard, writeOp } from './board-state';
import {
	applyOp,
	checkOp,
	hiddenNoteOf,
	withRevealCount,
	type BoardOp,
	type BoardRole,
	type RefusalCode,
	type SequencedOp
} from '$lib/domain/board';
import {
	ALL_HIDDEN,
	answerAgain,
	catchUpOf,
	farBehind,
	type HeldCatchUp,
	type HeldOp
} from '$lib/domain/board-gate';

export interface BoardAccess {
	boardId: string;
	workshopId: string;
	/** How the reducer treats the caller: the facilitator controls, participants take part, observers watch. */
	role: BoardRole;
}

/** Whether the caller may use the board, and as whom; null when RLS hides it. */
export async function boardAccess(
	db: Database,
	user: NonNullable<Principal>,
	boardId: string
): Promise<BoardAccess | null> {
	const [row] = await db.as(user, (tx) =>
		tx.query<{ workshop_id: string; role: string | null }>(
			`select b.workshop_id, private.workshop_role(b.workshop_id) as role
			 from public.boards b where b.id = $1`,
			[boardId]
		)
	);
	if (!row?.role) return null;
	return { boardId, workshopId: row.workshop_id, role: boardRole(row.role) };
}

/** The database's workshop role as the reducer knows it. */
const boardRole = (role: string): BoardRole =>
	role === 'facilitator' || role === 'observer' ? role : 'participant';

/**
 * A stored op, held whole for the gate (with the board's secrecy when it was applied), or
 * why not. `repeated`: its id was on the board already, as the caller's own op.
 */
export type OpOutcome =
	{ ok: true; op: HeldOp; repeated: boolean } | { ok: false; code: RefusalCode | 'session_ended' };

/** Stored ops of a board: those after a sequence number, or the one with this op id. */
async function storedOps(tx: Queryable, boardId: string, where: string, value: number | string) {
	const rows = await tx.query<{
		seq: number;
		op_id: string;
		actor_id: string | null;
		at: Date;
		op: BoardOp;
	}>(
		`select seq::int as seq, op_id, actor_id, at, op from public.board_ops
		 where board_id = $1 and ${where} order by seq`,
		[boardId, value]
	);
	return rows.map((r): SequencedOp => ({
		seq: r.seq,
		opId: r.op_id,
		actorId: r.actor_id,
		at: new Date(r.at).getTime(),
		op: r.op
	}));
}
const opsById = (tx: Queryable, boardId: string, opId: string) =>
	storedOps(tx, boardId, 'op_id = $2', opId);

const boards = new BoardCache();

/**
 * Stores one op in one transaction: the caller's right to the board is checked again
 * (it may have been taken away since joining), the board row is locked, the reducer
 * checks the op against the board as stored (so racing dots cannot pass the budget), and
 * the op is kept with the next sequence number together with the rows it changed. An op
 * id already on the board is answered by `answerAgain`: the stored op again to its own
 * actor (a retry), a refusal to anyone else. Null when the caller may no longer use it.
 * With `sessionId` (local_auth.sessions.id) the session must still exist, in the same
 * transaction: otherwise the answer is the refusal 'session_ended'.
 */
export async function storeOp(
	db: Database,
	user: NonNullable<Principal>,
	boardId: string,
	opId: string,
	op: BoardOp,
	sessionId?: string
): Promise<OpOutcome | null> {
	try {
		return await db.serviceAs('board op', user, (tx) =>
			storeOpIn(tx, user, boardId, opId, op, sessionId)
		);
	} catch (err) {
		// What this process remembers of the board may be ahead of what was committed.
		boards.forget(boardId);
		throw err;
	}
}

async function storeOpIn(
	tx: Queryable,
	user: NonNullable<Principal>,
	boardId: string,
	opId: string,
	sent: BoardOp,
	sessionId: string | undefined
): Promise<OpOutcome | null> {
	// The policy helpers read auth.uid() from the claims db.serviceAs set.
	const [board] = await tx.query<{
		seq: number;
		now: Date;
		role: string | null;
		visible: boolean;
		open: boolean;
		session: boolean;
	}>(
		`select seq::int as seq, now() as now,
		   private.workshop_role(workshop_id) as role, private.can_see_board(id) as visible,
		   private.workshop_open(workshop_id) as open,
		   $2::text is null or exists (select 1 from local_auth.sessions s
		                               where s.id = $2 and s.expires_at > now()) as session
		 from public.boards where id = $1 for update`,
		[boardId, sessionId ?? null]
	);
	if (board && !board.session) return { ok: false, code: 'session_ended' };
	if (!board?.visible || !board.role) return null;
	const before = boards.get(boardId, board.seq) ?? (await loadBoard(tx, boardId, 'stored'));
	if (!before) return null;
	const again = async (refusal: RefusalCode | null): Promise<OpOutcome> => {
		const [earlier] = await opsById(tx, boardId, opId);
		const answer = answerAgain(earlier, user.id, refusal);
		// The secrecy it was applied under is not at hand: held as the most hidden.
		if ('repeat' in answer)
			return { ok: true, op: { op: answer.repeat, secrecy: ALL_HIDDEN }, repeated: true };
		return { ok: false, code: answer.refusal };
	};
	const op = withRevealCount(before, sent);
	// An ended workshop's boards are the record: they take no more changes.
	const refusal = board.open
		? checkOp(before, op, { id: user.id, role: boardRole(board.role) })
		: 'workshop_ended';
	// A retried op is often refused only because its first try got in (note exists).
	if (refusal) return again(refusal);
	const sequenced: SequencedOp = {
		seq: board.seq + 1,
		opId,
		actorId: user.id,
		at: new Date(board.now).getTime(),
		op
	};
	const after = applyOp(before, sequenced);
	const stored = await writeOp(tx, boardId, { ...sequenced, at: board.now }, before, after);
	if (!stored) return again(null);
	boards.set(boardId, after);
	const secrecy = {
		anonymous: before.anonymous,
		revealed: before.revealed,
		hiddenNote: hiddenNoteOf(before, op, user.id)
	};
	return { ok: true, op: { op: sequenced, secrecy }, repeated: false };
}

/**
 * What a client that has seen up to `afterSeq` is missing, held for the gate (`catchUpOf`):
 * the ops, or a snapshot when it is too far behind (or new). Null when the board is hidden.
 */
export async function catchUp(
	db: Database,
	user: NonNullable<Principal>,
	access: BoardAccess,
	afterSeq: number
): Promise<HeldCatchUp | null> {
	// The board as RLS lets this user see it (own dots; in anonymous mode own name only);
	// the gate then applies the same rules again.
	const board = await db.as(user, (tx) => loadBoard(tx, access.boardId));
	if (!board) return null;
	if (farBehind(board, afterSeq)) return catchUpOf(board, [], afterSeq);
	// The op log is the facilitator's record (RLS); the user, whose access to the board was
	// just confirmed, gets their gated share of it. Ops stored since the read above come
	// too: the replica ignores what it already has.
	const missed = await db.service('board catch-up', (tx) =>
		storedOps(tx, access.boardId, 'seq > $2', afterSeq)
	);
	return catchUpOf(board, missed, afterSeq);
}
