import type { Queryable } from '../db';
import { emptyBoard, type BoardState, type SequencedOp } from '$lib/domain/board';
import { boardDelta, boardFromRows, settingsOf, type BoardRows } from '$lib/domain/board-rows';

/** Who wrote each note: as stored (the server's own reads), or as the caller may know it. */
const AUTHOR = {
	stored: 'n.author_id',
	visible: '(select a.author_id from public.board_note_authors(b.id) a where a.note_id = n.id)'
};

/**
 * A board as its tables hold it (settings on the board row; notes, clusters and dots in
 * their own), in one query. Under RLS (`visible`) the caller gets what they may see of it
 * (others' dots and, in anonymous mode, others' names left out); null when it is hidden.
 */
export async function loadBoard(
	tx: Queryable,
	boardId: string,
	authors: keyof typeof AUTHOR = 'visible'
): Promise<BoardState | null> {
	const [row] = await tx.query<BoardRows>(
		`select b.seq::int as seq, b.settings,
		   coalesce((select jsonb_agg(jsonb_build_object('id', n.id, 'authorId', ${AUTHOR[authors]},
		       'text', n.body, 'colour', n.colour, 'x', n.x, 'y', n.y, 'clusterId', n.cluster_id, 'hidden', n.hidden)
		       order by n.added_seq, n.id)
		     from public.board_notes n where n.board_id = b.id), '[]') as notes,
		   coalesce((select jsonb_agg(jsonb_build_object('id', c.id, 'name', c.name)
		       order by c.added_seq, c.id)
		     from public.board_clusters c where c.board_id = b.id), '[]') as clusters,
		   coalesce((select jsonb_agg(jsonb_build_object('noteId', v.note_id, 'voterId', v.voter_id,
		       'dots', v.dots))
		     from public.board_votes v where v.board_id = b.id), '[]') as votes
		 from public.boards b where b.id = $1`,
		[boardId]
	);
	return row ? boardFromRows(row) : null;
}

/** A new board's row: its agenda and the default settings, no notes yet. */
export async function insertBoard(
	tx: Queryable,
	workshopId: string,
	teamId: string | null,
	agenda: BoardState['phases']
) {
	await tx.query('insert into public.boards (workshop_id, team_id, settings) values ($1, $2, $3)', [
		workshopId,
		teamId,
		settingsOf(emptyBoard(agenda))
	]);
}

/**
 * Stores sequenced ops (one board, consecutive sequence numbers from `before.seq + 1`, in
 * order, all stamped `at`) and what they changed together, `before` → `after`, in one
 * statement. `added` gives the notes and clusters the ops added (or added again) the
 * sequence number of the op that did, which orders them on the board; each new one is in
 * the interface language of the person whose op added it (profiles.locale, as
 * private.caller_locale() answers for them), whoever else sent ops in the same batch.
 * False when an op
 * id is already on the board: the others may have been stored, so the caller must roll
 * the transaction back (holding the board row's lock, it looked for repeats first, so
 * this does not happen in practice).
 */
export async function writeOps(
	tx: Queryable,
	boardId: string,
	ops: Omit<SequencedOp, 'at'>[],
	at: Date,
	before: BoardState,
	after: BoardState,
	added: Record<string, number>
): Promise<boolean> {
	const d = boardDelta(before, after);
	const rows = ops.map((o) => ({ seq: o.seq, opId: o.opId, actorId: o.actorId, op: o.op }));
	const [row] = await tx.query<{ stored: number }>(
		`with stored as (
		   insert into public.board_ops (board_id, seq, op_id, actor_id, at, op)
		   select $1, o.seq, o."opId", o."actorId", $5, o.op
		   from jsonb_to_recordset($3::jsonb) as o(seq bigint, "opId" uuid, "actorId" uuid, op jsonb)
		   on conflict (board_id, op_id) do nothing returning seq),
		 complete as (select from stored having count(*) = $4),
		 -- A new note's or cluster's language: the interface language of whoever's op added
		 -- it (private.caller_locale() for them), whichever sender's claims are set now.
		 added_by as (
		   select o.seq, coalesce(p.locale, 'fi') as lang
		   from jsonb_to_recordset($3::jsonb) as o(seq bigint, "actorId" uuid)
		   left join public.profiles p on p.id = o."actorId"),
		 board as (
		   update public.boards set seq = $2, settings = coalesce($6::jsonb, settings), updated_at = now()
		   where id = $1 and exists (select from complete)),
		 notes as (
		   insert into public.board_notes (board_id, id, author_id, body, colour, x, y, cluster_id,
		     added_seq, hidden, lang)
		   select $1, n.id, n."authorId", n.text, n.colour, n.x, n.y, n."clusterId",
		     coalesce(($13::jsonb ->> n.id::text)::bigint, $2), coalesce(n.hidden, false),
		     coalesce((select a.lang from added_by a where a.seq = ($13::jsonb ->> n.id::text)::bigint),
		              private.caller_locale())
		   from jsonb_to_recordset($7::jsonb) as n(id uuid, "authorId" uuid, text text, colour text,
		     x integer, y integer, "clusterId" uuid, hidden boolean)
		   where exists (select from complete)
		   on conflict (board_id, id) do update set body = excluded.body, colour = excluded.colour,
		     x = excluded.x, y = excluded.y, cluster_id = excluded.cluster_id,
		     hidden = excluded.hidden,
		     added_seq = coalesce(($13::jsonb ->> excluded.id::text)::bigint, board_notes.added_seq)),
		 notes_gone as (
		   delete from public.board_notes where board_id = $1 and exists (select from complete)
		     and id in (select jsonb_array_elements_text($8::jsonb)::uuid)),
		 clusters as (
		   insert into public.board_clusters (board_id, id, name, added_seq, lang)
		   select $1, c.id, c.name, coalesce(($13::jsonb ->> c.id::text)::bigint, $2),
		     coalesce((select a.lang from added_by a where a.seq = ($13::jsonb ->> c.id::text)::bigint),
		              private.caller_locale())
		   from jsonb_to_recordset($9::jsonb) as c(id uuid, name text)
		   where exists (select from complete)
		   on conflict (board_id, id) do update set name = excluded.name,
		     added_seq = coalesce(($13::jsonb ->> excluded.id::text)::bigint, board_clusters.added_seq)),
		 clusters_gone as (
		   delete from public.board_clusters where board_id = $1 and exists (select from complete)
		     and id in (select jsonb_array_elements_text($10::jsonb)::uuid)),
		 votes as (
		   insert into public.board_votes (board_id, note_id, voter_id, dots)
		   select $1, v."noteId", v."voterId", v.dots
		   from jsonb_to_recordset($11::jsonb) as v("noteId" uuid, "voterId" uuid, dots integer)
		   where exists (select from complete)
		   on conflict (board_id, note_id, voter_id) do update set dots = excluded.dots),
		 votes_gone as (
		   delete from public.board_votes v using jsonb_to_recordset($12::jsonb) as g("noteId" uuid, "voterId" uuid)
		   where v.board_id = $1 and v.note_id = g."noteId" and v.voter_id = g."voterId"
		     and exists (select from complete))
		 select count(*)::int as stored from complete`,
		[
			boardId,
			after.seq,
			rows,
			ops.length,
			at,
			d.settings,
			d.notes,
			d.removedNotes,
			d.clusters,
			d.removedClusters,
			d.votes,
			d.removedVotes,
			added
		]
	);
	return row.stored === 1;
}

/**
 * The boards this process last wrote, as of their sequence number: an op then needs only
 * the board row's lock and sequence, not the whole board read again. A board another
 * instance wrote to since has moved on in sequence, so its entry is simply not used.
 */
export class BoardCache {
	readonly #boards = new Map<string, BoardState>();
	constructor(readonly limit = 500) {}

	get(boardId: string, seq: number): BoardState | undefined {
		const state = this.#boards.get(boardId);
		return state?.seq === seq ? state : undefined;
	}

	set(boardId: string, state: BoardState) {
		this.#boards.delete(boardId);
		this.#boards.set(boardId, state);
		// Oldest written first out: a Map keeps insertion order.
		if (this.#boards.size > this.limit) this.#boards.delete(this.#boards.keys().next().value!);
	}

	forget(boardId: string) {
		this.#boards.delete(boardId);
	}
}
