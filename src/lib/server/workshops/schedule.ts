import type { Queryable } from '../db';
import type { Phase } from '$lib/domain/board';
import { insertBoard } from './board-state';

/**
 * Only a team found eligible at screening of the challenge can be put in its workshop
 * (public.add_workshop_team refuses any other, and a trigger on workshop_teams too).
 */
export class WorkshopTeamRefused extends Error {
	constructor(readonly teamId: string) {
		super(`team ${teamId} was not found eligible at screening of this challenge`);
	}
}

export interface WorkshopPlan {
	challengeId: string;
	title: string;
	startsAt: Date;
	mode: 'shared' | 'team_boards';
	agenda: Phase[];
	teamIds: string[];
	/** The owner's staff and invited experts, by user id. */
	guests: { userId: string; kind: 'owner' | 'expert' }[];
}

/**
 * Schedules a workshop as the calling facilitator: the teams (whoever is a member of one
 * when asked) and the guests take part; one shared board, or in negotiation mode one
 * private board per team. Throws WorkshopTeamRefused for a team not found eligible.
 */
export async function scheduleWorkshop(tx: Queryable, plan: WorkshopPlan): Promise<string> {
	const [workshop] = await tx.query<{ id: string }>(
		`insert into public.workshops (challenge_id, title, starts_at, mode, agenda)
		 values ($1, $2, $3, $4, $5) returning id`,
		[plan.challengeId, plan.title, plan.startsAt, plan.mode, plan.agenda]
	);
	for (const teamId of plan.teamIds) {
		const [added] = await tx.query<{ ok: boolean }>(
			'select public.add_workshop_team($1, $2) as ok',
			[workshop.id, teamId]
		);
		if (!added.ok) throw new WorkshopTeamRefused(teamId);
	}
	for (const guest of plan.guests) {
		await tx.query(
			`insert into public.workshop_participants (workshop_id, user_id, kind) values ($1, $2, $3)
			 on conflict do nothing`,
			[workshop.id, guest.userId, guest.kind]
		);
	}
	const boardTeams = plan.mode === 'shared' ? [null] : plan.teamIds;
	for (const teamId of boardTeams) await insertBoard(tx, workshop.id, teamId, plan.agenda);
	return workshop.id;
}

/** The boards of a workshop the caller may see, with the team each belongs to. */
export function workshopBoards(tx: Queryable, workshopId: string) {
	return tx.query<{ id: string; teamId: string | null; teamName: string | null }>(
		`select b.id, b.team_id as "teamId", t.name as "teamName"
		 from public.boards b left join public.teams t on t.id = b.team_id
		 where b.workshop_id = $1 order by t.name nulls first`,
		[workshopId]
	);
}

/**
 * An announcement to every team at once, on the record with its text, the database's time
 * and the facilitator's name (public.announce_to_workshop; refused with 'permission
 * denied' for anyone else or after the workshop ended).
 */
export async function announce(tx: Queryable, workshopId: string, body: string) {
	const [row] = await tx.query<{ id: string; at: Date }>(
		'select id, at from public.announce_to_workshop($1, $2)',
		[workshopId, body]
	);
	return row;
}
