import type { Database, Principal, Queryable } from '../db';
import { BoardCache, loadBoard, writeOp } from './board-state';
import {
	applyOp,
	checkOp,
	viewFor,
	redactOp,
	type BoardOp,
	type BoardRole,
	type BoardState,
	type CatchUp,
	type RefusalCode,
	type SequencedOp
} from '$lib/domain/board';

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

export type OpOutcome =
	| { ok: true; op: SequencedOp; before: BoardState; repeated: boolean }
	| { ok: false; code: RefusalCode | 'session_ended' };

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
 * the op is kept with the next sequence number together with the rows it changed. A
 * retried op id is acknowledged again instead. Null when the caller may no longer use it.
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
		return await db.service('board op', (tx) => storeOpIn(tx, user, boardId, opId, op, sessionId));
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
	op: BoardOp,
	sessionId: string | undefined
): Promise<OpOutcome | null> {
	// The policy helpers read auth.uid() from the claims, as they do under db.as.
	const [board] = await tx.query<{
		seq: number;
		now: Date;
		role: string | null;
		visible: boolean;
		open: boolean;
		session: boolean;
	}>(
		`select set_config('request.jwt.claims', $2, true), seq::int as seq, now() as now,
		   private.workshop_role(workshop_id) as role, private.can_see_board(id) as visible,
		   private.workshop_open(workshop_id) as open,
		   $3::text is null or exists (select 1 from local_auth.sessions s
		                               where s.id = $3 and s.expires_at > now()) as session
		 from public.boards where id = $1 for update`,
		[boardId, JSON.stringify({ sub: user.id, role: 'authenticated' }), sessionId ?? null]
	);
	if (board && !board.session) return { ok: false, code: 'session_ended' };
	if (!board?.visible || !board.role) return null;
	const before = boards.get(boardId, board.seq) ?? (await loadBoard(tx, boardId, 'stored'));
	if (!before) return null;
	const repeated = async (): Promise<OpOutcome | null> => {
		const [earlier] = await opsById(tx, boardId, opId);
		return earlier ? { ok: true, op: earlier, before, repeated: true } : null;
	};
	// An ended workshop's boards are the record: they take no more changes.
	const refusal = board.open
		? checkOp(before, op, { id: user.id, role: boardRole(board.role) })
		: 'workshop_ended';
	// A retried op is often refused only because its first try got in (note exists).
	if (refusal) return (await repeated()) ?? { ok: false, code: refusal };
	const sequenced: SequencedOp = {
		seq: board.seq + 1,
		opId,
		actorId: user.id,
		at: new Date(board.now).getTime(),
		op
	};
	const after = applyOp(before, sequenced);
	const stored = await writeOp(tx, boardId, { ...sequenced, at: board.now }, before, after);
	if (!stored) return repeated();
	boards.set(boardId, after);
	return { ok: true, op: sequenced, before, repeated: false };
}

/** Beyond this many missed ops a reconnecting client gets a snapshot instead. */
export const CATCH_UP_LIMIT = 500;

/**
 * What a client that has seen up to `afterSeq` is missing, as this viewer may see it:
 * the ops themselves, or a snapshot when it is too far behind (or new).
 */
export async function catchUp(
	db: Database,
	user: NonNullable<Principal>,
	access: BoardAccess,
	afterSeq: number
): Promise<CatchUp | null> {
	const viewer = { id: user.id, role: access.role };
	// The board as RLS lets this user see it (own dots; in anonymous mode own name only).
	const board = await db.as(user, (tx) => loadBoard(tx, access.boardId));
	if (!board) return null;
	const behind = board.seq - afterSeq;
	if (afterSeq <= 0 || behind > CATCH_UP_LIMIT || behind < 0) {
		return { kind: 'snapshot', state: viewFor(board, viewer) };
	}
	// The op log is the facilitator's record (RLS); the user, whose access to the board was
	// just confirmed, gets their redacted share of it. Ops stored since the read above come
	// too: the replica ignores what it already has.
	const missed = await db.service('board catch-up', (tx) =>
		storedOps(tx, access.boardId, 'seq > $2', afterSeq)
	);
	// Who may see what changes only with these two ops: across one, send the board itself.
	if (missed.some((s) => s.op?.type === 'board.anonymous' || s.op?.type === 'votes.reveal')) {
		return { kind: 'snapshot', state: viewFor(board, viewer) };
	}
	return { kind: 'ops', ops: missed.map((s) => redactOp(s, board, viewer)) };
}
