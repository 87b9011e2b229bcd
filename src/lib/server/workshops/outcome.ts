import type { Queryable } from '../db';
import type { BoardState } from '$lib/domain/board';
import type { OutcomeBoard } from '$lib/domain/workshop-outcome';
import { workshopById, workshopPeople } from './list';

/**
 * What the caller may take away from a workshop: the boards RLS lets them see (in
 * negotiation mode a team sees only its own), and the names of those taking part.
 * Undefined when the workshop is hidden from the caller.
 */
export async function loadOutcome(tx: Queryable, workshopId: string) {
	const workshop = await workshopById(tx, workshopId);
	if (!workshop) return undefined;
	const [boards, people] = await Promise.all([
		tx.query<{ teamName: string | null; state: BoardState }>(
			`select t.name as "teamName", b.state from public.boards b
			 left join public.teams t on t.id = b.team_id
			 where b.workshop_id = $1 order by t.name nulls first`,
			[workshopId]
		),
		workshopPeople(tx, workshopId)
	]);
	return {
		workshop,
		boards: boards satisfies OutcomeBoard[],
		names: Object.fromEntries(people.map((p) => [p.userId, p.name]))
	};
}
