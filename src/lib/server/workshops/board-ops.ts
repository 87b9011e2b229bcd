import type { Database, Principal } from '../db';
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
	/** How the reducer treats the caller: the facilitator controls, everybody else takes part. */
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
	return {
		boardId,
		workshopId: row.workshop_id,
		role: row.role === 'facilitator' ? 'facilitator' : 'participant'
	};
}

export type OpOutcome =
	| { ok: true; op: SequencedOp; before: BoardState; repeated: boolean }
	| { ok: false; code: RefusalCode };

const toSequenced = (r: {
	seq: string | number;
	op_id: string;
	actor_id: string | null;
	at: Date;
	op: BoardOp;
}): SequencedOp => ({
	seq: Number(r.seq),
	opId: r.op_id,
	actorId: r.actor_id,
	at: new Date(r.at).getTime(),
	op: r.op
});

/**
 * Stores one op in one transaction: the caller's right to the board is checked again
 * (it may have been taken away since joining), the board row is locked, a retried op id
 * is acknowledged again, else the reducer checks the op against the board as stored (so
 * racing dots cannot pass the budget) and the op is kept with the next sequence number
 * and the new state. Null when the caller may no longer use the board.
 */
export async function storeOp(
	db: Database,
	user: NonNullable<Principal>,
	boardId: string,
	opId: string,
	op: BoardOp
): Promise<OpOutcome | null> {
	return db.service('board op', async (tx) => {
		// The policy helpers read auth.uid() from the claims, as they do under db.as.
		await tx.query("select set_config('request.jwt.claims', $1, true)", [
			JSON.stringify({ sub: user.id, role: 'authenticated' })
		]);
		const [board] = await tx.query<{
			seq: string;
			state: BoardState;
			now: Date;
			role: string | null;
			visible: boolean;
		}>(
			`select seq, state, now() as now, private.workshop_role(workshop_id) as role,
			   private.can_see_board(id) as visible
			 from public.boards where id = $1 for update`,
			[boardId]
		);
		if (!board?.visible || !board.role) return null;
		// Asked only once the lock is held, so a concurrent try of the same op is seen.
		const [earlier] = await tx.query<Parameters<typeof toSequenced>[0]>(
			'select seq, op_id, actor_id, at, op from public.board_ops where board_id = $1 and op_id = $2',
			[boardId, opId]
		);
		if (earlier) return { ok: true, op: toSequenced(earlier), before: board.state, repeated: true };
		const role: BoardRole = board.role === 'facilitator' ? 'facilitator' : 'participant';
		const refusal = checkOp(board.state, op, { id: user.id, role });
		if (refusal) return { ok: false, code: refusal };
		const sequenced: SequencedOp = {
			seq: Number(board.seq) + 1,
			opId,
			actorId: user.id,
			at: new Date(board.now).getTime(),
			op
		};
		await tx.query(
			`with stored as (
			   insert into public.board_ops (board_id, seq, op_id, actor_id, at, op)
			   values ($1, $2, $3, $4, $5, $6))
			 update public.boards set seq = $2, state = $7, updated_at = now() where id = $1`,
			[boardId, sequenced.seq, opId, user.id, board.now, op, applyOp(board.state, sequenced)]
		);
		return { ok: true, op: sequenced, before: board.state, repeated: false };
	});
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
	return db.as(user, async (tx) => {
		const [board] = await tx.query<{ seq: string; state: BoardState }>(
			'select seq, state from public.boards where id = $1',
			[access.boardId]
		);
		if (!board) return null;
		const behind = Number(board.seq) - afterSeq;
		if (afterSeq <= 0 || behind > CATCH_UP_LIMIT || behind < 0) {
			return { kind: 'snapshot', state: viewFor(board.state, viewer) };
		}
		const rows = await tx.query<Parameters<typeof toSequenced>[0]>(
			`select seq, op_id, actor_id, at, op from public.board_ops
			 where board_id = $1 and seq > $2 order by seq`,
			[access.boardId, afterSeq]
		);
		// Who may see what changes only with these two ops: across one, send the board itself.
		if (rows.some((r) => r.op.type === 'board.anonymous' || r.op.type === 'votes.reveal')) {
			return { kind: 'snapshot', state: viewFor(board.state, viewer) };
		}
		const ops = rows.map((r) => redactOp(toSequenced(r), board.state, viewer));
		return { kind: 'ops', ops };
	});
}
