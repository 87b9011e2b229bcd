import type { Database, Principal, Queryable } from '../db';
import { claimsOf } from '../db/database';
import { BoardCache, loadBoard, writeOps } from './board-state';
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
async function storedOps(
	tx: Queryable,
	boardId: string,
	where: string,
	value: number | string | string[]
) {
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

const boards = new BoardCache();

/** An op waiting for its board's next transaction, and where its outcome goes. */
interface Pending {
	user: NonNullable<Principal>;
	opId: string;
	op: BoardOp;
	sessionId: string | undefined;
	resolve: (outcome: OpOutcome | null) => void;
	reject: (err: unknown) => void;
}
type Queue = { waiting: Pending[] };

/** At most this many ops go into one transaction; the rest wait for the next. */
const BATCH_LIMIT = 200;

/** The ops waiting for each board being written, per database (tests use several). */
const queues = new WeakMap<Database, Map<string, Queue>>();

/**
 * Stores one op, with the other ops sent to the same board meanwhile, in one transaction
 * (`storeBatch`): a busy board takes its row lock once per batch, not once per op, and
 * while one batch is written the next gathers. Ops of a board go to the database in the
 * order they reach this process; the database's row lock orders them among instances.
 * Resolves to the op's outcome, null when the caller may no longer use the board
 * (`storeBatch`); rejects when the database fails. A failed batch is tried again op by op,
 * each in its own transaction, so that one op that fails cannot sink the others.
 * With `sessionId` (local_auth.sessions.id) the session must still exist, checked in the
 * transaction that stores the op: otherwise the answer is the refusal 'session_ended'.
 */
export function storeOp(
	db: Database,
	user: NonNullable<Principal>,
	boardId: string,
	opId: string,
	op: BoardOp,
	sessionId?: string
): Promise<OpOutcome | null> {
	const ofDb = queues.get(db) ?? new Map<string, Queue>();
	queues.set(db, ofDb);
	const running = ofDb.get(boardId);
	const queue = running ?? { waiting: [] };
	const outcome = new Promise<OpOutcome | null>((resolve, reject) =>
		queue.waiting.push({ user, opId, op, sessionId, resolve, reject })
	);
	if (!running) {
		ofDb.set(boardId, queue);
		void drain(db, boardId, queue, ofDb);
	}
	return outcome;
}

/**
 * Writes a board's waiting ops, batch after batch, until none wait; then forgets the queue.
 * It starts once the current turn of the event loop is done, so that ops arriving in the
 * same turn (sockets read together) go in the first batch.
 */
async function drain(db: Database, boardId: string, queue: Queue, ofDb: Map<string, Queue>) {
	await new Promise((resolve) => setImmediate(resolve));
	while (queue.waiting.length) {
		const batch = queue.waiting.splice(0, BATCH_LIMIT);
		try {
			const outcomes = await writeBatch(db, boardId, batch);
			batch.forEach((p, i) => p.resolve(outcomes[i]));
		} catch (err) {
			if (batch.length === 1) batch[0].reject(err);
			else
				for (const p of batch)
					await writeBatch(db, boardId, [p]).then(([o]) => p.resolve(o), p.reject);
		}
	}
	ofDb.delete(boardId);
}

/** One transaction of `storeBatch`; what this process remembers of the board is dropped when it fails. */
async function writeBatch(db: Database, boardId: string, batch: Pending[]) {
	try {
		return await db.service('board ops', (tx) => storeBatch(tx, boardId, batch));
	} catch (err) {
		// What this process remembers of the board may be ahead of what was committed.
		boards.forget(boardId);
		throw err;
	}
}

/**
 * The same promise, its failure no longer unhandled: statements sent ahead fail too when
 * the transaction fails, and whoever awaits them still sees the failure.
 */
function quietly<T>(promise: Promise<T>): Promise<T> {
	promise.catch(() => {});
	return promise;
}

/** A person's standing on a board, read under their claims. */
interface Rights {
	role: string | null;
	visible: boolean;
	open: boolean;
	session: boolean;
}

/**
 * Each sender's rights on the board, from the current memberships, in two statements
 * whatever the batch's size: private.board_senders_rights sets each distinct sender's
 * claims in turn (as `claimFor` would) and asks the policy helpers, and one query finds
 * which of the senders' sessions (local_auth.sessions) still stand. Both are sent before
 * any answer is awaited (postgres.js pipelines them, run in the order sent: after the
 * row lock). Returns, per op of the batch, its sender's rights; undefined when the
 * board is gone.
 */
function rightsOf(tx: Queryable, boardId: string, batch: Pending[]) {
	const senders = new Map<string, { claims: string; headers: string }>();
	for (const { user } of batch) {
		const c = claimsOf(user);
		senders.set(`${c.claims} ${c.headers}`, c);
	}
	const keys = [...senders.keys()];
	const checked = quietly(
		tx.query<Omit<Rights, 'session'> & { sender: number }>(
			`select sender, role, visible, open
			 from private.board_senders_rights($1, $2::text[], $3::text[])`,
			[boardId, keys.map((k) => senders.get(k)!.claims), keys.map((k) => senders.get(k)!.headers)]
		)
	);
	const sessionIds = [...new Set(batch.map((p) => p.sessionId).filter((s) => s !== undefined))];
	const live = quietly(
		sessionIds.length
			? tx
					.query<{ id: string }>(
						'select id from local_auth.sessions where id = any($1::text[]) and expires_at > now()',
						[sessionIds]
					)
					.then((rows) => new Set(rows.map((r) => r.id)))
			: Promise.resolve(new Set<string>())
	);
	const rights = quietly(
		Promise.all([checked, live]).then(([rows, alive]) => ({
			bySender: new Map(rows.map((r) => [keys[r.sender - 1], r])),
			alive
		}))
	);
	return async (p: Pending): Promise<Rights | undefined> => {
		const { bySender, alive } = await rights;
		const c = claimsOf(p.user);
		const r = bySender.get(`${c.claims} ${c.headers}`);
		if (!r) return undefined;
		const session = p.sessionId === undefined || alive.has(p.sessionId);
		return { role: r.role, visible: r.visible, open: r.open, session };
	};
}

/**
 * Stores a batch of ops of one board, in order, in the caller's transaction: the board row
 * is locked, each sender's right to the board is checked again (it may have been taken
 * away since joining; the session too), the reducer checks each op against the board as
 * stored plus the batch's ops before it (so racing dots cannot pass the budget), and the
 * accepted ops are kept with the next sequence numbers together with the rows they
 * changed. An op id already on the board (or earlier in the batch) is answered by
 * `answerAgain`: the stored op again to its own actor (a retry), a refusal to anyone else.
 * Returns one outcome per op, in the batch's order.
 */
async function storeBatch(
	tx: Queryable,
	boardId: string,
	batch: Pending[]
): Promise<(OpOutcome | null)[]> {
	// Sent together, run in this order: the lock first, so that what follows sees every op
	// committed before it and the memberships as they are now.
	const locked = tx.query<{ seq: number; now: Date }>(
		'select seq::int as seq, now() as now from public.boards where id = $1 for update',
		[boardId]
	);
	const repeats = quietly(
		storedOps(
			tx,
			boardId,
			'op_id = any($2::uuid[])',
			batch.map((p) => p.opId)
		)
	);
	const rights = rightsOf(tx, boardId, batch);
	const [board] = await locked;
	const earlier = new Map((await repeats).map((o) => [o.opId, o]));
	if (!board) return batch.map(() => null);
	const stored = boards.get(boardId, board.seq) ?? (await loadBoard(tx, boardId, 'stored'));
	if (!stored) return batch.map(() => null);
	let state = stored;
	const accepted: SequencedOp[] = [];
	// The notes and clusters the batch adds, with the sequence number of the op that did.
	const added: Record<string, number> = {};
	const outcomes: (OpOutcome | null)[] = [];
	for (const p of batch) {
		const r = await rights(p);
		if (r && !r.session) {
			outcomes.push({ ok: false, code: 'session_ended' });
			continue;
		}
		if (!r?.visible || !r.role) {
			outcomes.push(null);
			continue;
		}
		const op = withRevealCount(state, p.op);
		// An ended workshop's boards are the record: they take no more changes.
		const refusal = r.open
			? checkOp(state, op, { id: p.user.id, role: boardRole(r.role) })
			: 'workshop_ended';
		const first = earlier.get(p.opId);
		// A retried op is often refused only because its first try got in (note exists).
		if (refusal || first) {
			const answer = answerAgain(first, p.user.id, refusal);
			// The secrecy it was applied under is not at hand: held as the most hidden.
			outcomes.push(
				'repeat' in answer
					? { ok: true, op: { op: answer.repeat, secrecy: ALL_HIDDEN }, repeated: true }
					: { ok: false, code: answer.refusal }
			);
			continue;
		}
		const sequenced: SequencedOp = {
			seq: state.seq + 1,
			opId: p.opId,
			actorId: p.user.id,
			at: new Date(board.now).getTime(),
			op
		};
		const next = applyOp(state, sequenced);
		for (const kind of ['notes', 'clusters'] as const)
			if (next[kind] !== state[kind])
				for (const id of Object.keys(next[kind]))
					if (!(id in state[kind])) added[id] = sequenced.seq;
		const secrecy = {
			anonymous: state.anonymous,
			revealed: state.revealed,
			hiddenNote: hiddenNoteOf(state, op, p.user.id)
		};
		outcomes.push({ ok: true, op: { op: sequenced, secrecy }, repeated: false });
		accepted.push(sequenced);
		earlier.set(p.opId, sequenced);
		state = next;
	}
	if (!accepted.length) return outcomes;
	if (!(await writeOps(tx, boardId, accepted, board.now, stored, state, added)))
		throw new Error('board op ids already stored under the lock');
	boards.set(boardId, state);
	return outcomes;
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
