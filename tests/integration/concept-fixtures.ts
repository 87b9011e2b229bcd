import type { Database } from '../../src/lib/server/db/database';
import { scheduleWorkshops, workshopWorld } from './workshop-fixtures';

/** The notes and the cluster on the world's boards. */
export const NOTE_SHARED = '00000000-0000-4000-8000-0000000000a1';
export const NOTE_A = '00000000-0000-4000-8000-0000000000a2';
export const NOTE_B = '00000000-0000-4000-8000-0000000000b1';
export const NOTE_HIDDEN = '00000000-0000-4000-8000-0000000000b2';
export const CLUSTER = '00000000-0000-4000-8000-0000000000c1';

/**
 * The world of the concept tests (issue 14): teams A and B applied and were found eligible;
 * the published shortlisting decision chose A only; the 'concepts' stage is open for a week
 * and price is scored (30 %). Both took part in a shared workshop and a negotiation (a board
 * each), whose boards hold the notes and the cluster named above.
 */
export async function conceptWorld(db: Database) {
	const w = await workshopWorld(db);
	const { shared, boardA, boardB } = await scheduleWorkshops(db, w);
	const ids = await db.service('test fixture: shortlisted team A', async (tx) => {
		const apps = await tx.query<{ id: string; team_id: string }>(
			'select id, team_id from public.applications where challenge_id = $1',
			[w.challenge.id]
		);
		const appA = apps.find((a) => a.team_id === w.teamA.id)!.id;
		const appB = apps.find((a) => a.team_id === w.teamB.id)!.id;
		// Its ideas as submitted and the published decision are written past the record's
		// guards (triggers), as a fixture may: the functions that write them are tested elsewhere.
		await tx.query(`set local session_replication_role = replica`);
		await tx.query(
			`insert into public.application_ideas (application_id, position, title, problem, idea, value)
			 values ($1, 1, 'Pocket coach', 'p', 'i', 'v'), ($1, 2, 'Peer groups', 'p', 'i', 'v')`,
			[appA]
		);
		const [d] = await tx.query<{ id: string }>(
			`insert into public.decisions (challenge_id, stage, k, decided_on, published_at, published_by, prepared_by)
			 values ($1, 'shortlisting', 1, (now() at time zone 'Europe/Helsinki')::date, now(), $2, $2) returning id`,
			[w.challenge.id, w.owner.id]
		);
		await tx.query(
			`insert into public.decision_items (decision_id, application_id, chosen, rank, reason)
			 values ($1, $2, true, 1, 'Best'), ($1, $3, false, 2, 'Thinner')`,
			[d.id, appA, appB]
		);
		await tx.query(`set local session_replication_role = origin`);
		await tx.query(
			`insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at)
			 values ($1, 'concepts', now() - interval '1 day', now() + interval '7 days')`,
			[w.challenge.id]
		);
		await tx.query('update public.challenges set price_share = 30 where id = $1', [w.challenge.id]);
		const note = (board: string, id: string, author: string, body: string, hidden = false) =>
			tx.query(
				`insert into public.board_notes (board_id, id, author_id, body, colour, x, y, added_seq, hidden)
				 values ($1, $2, $3, $4, 'yellow', 0, 0, 1, $5)`,
				[board, id, author, body, hidden]
			);
		await note(shared, NOTE_SHARED, w.a1.id, 'Coaches meet on Tuesdays');
		await note(boardA, NOTE_A, w.a2.id, 'Our pilot with ten seekers');
		await note(boardB, NOTE_B, w.b1.id, 'Team B secret');
		await note(shared, NOTE_HIDDEN, w.b1.id, 'Not revealed yet', true);
		await tx.query(
			`insert into public.board_clusters (board_id, id, name, added_seq) values ($1, $2, 'Mentoring', 2)`,
			[shared, CLUSTER]
		);
		return { appA, appB };
	});
	return { ...w, ...ids, shared, boardA, boardB };
}
