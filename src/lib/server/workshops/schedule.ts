import type { Announcement } from '$lib/realtime/protocol';
import type { Database, Principal, Queryable } from '../db';
import { notifier } from '../notifier';
import type { Phase } from '$lib/domain/board';
import type { Locale } from '$lib/domain/locale';
import { refusalCode } from '../db/errors';
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

/**
 * A guest the database refused (private.workshop_guest_capacity, issue 16, item 2): the
 * workshop's facilitator (`workshop_guest_facilitator`) or a member of a team taking part
 * (`workshop_guest_on_team`). `who` is the guest's label from the plan, else their id.
 */
export class WorkshopGuestRefused extends Error {
	constructor(
		readonly who: string,
		readonly code: string
	) {
		super(`guest ${who} refused: ${code}`);
	}
}

export interface WorkshopPlan {
	challengeId: string;
	title: string;
	startsAt: Date;
	mode: 'shared' | 'team_boards';
	agenda: Phase[];
	teamIds: string[];
	/** The owner's staff and invited experts, by user id (`label`: how a refusal names them). */
	guests: { userId: string; kind: 'owner' | 'expert'; label?: string }[];
}

/**
 * Schedules a workshop as the calling facilitator: the teams (whoever is a member of one
 * when asked) and the guests take part; one shared board, or in negotiation mode one
 * private board per team. Throws WorkshopTeamRefused for a team not found eligible,
 * WorkshopGuestRefused for a guest who is its facilitator or in one of its teams.
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
		await tx
			.query(
				`insert into public.workshop_participants (workshop_id, user_id, kind) values ($1, $2, $3)
			 on conflict do nothing`,
				[workshop.id, guest.userId, guest.kind]
			)
			.catch((e: unknown) => {
				const code = refusalCode(e, 'workshop_guest_');
				throw code ? new WorkshopGuestRefused(guest.label ?? guest.userId, code) : e;
			});
	}
	const boardTeams = plan.mode === 'shared' ? [null] : plan.teamIds;
	for (const teamId of boardTeams) await insertBoard(tx, workshop.id, teamId, plan.agenda);
	return workshop.id;
}

/**
 * The boards of a workshop the caller may see, the shared one first, then by team name in
 * the reader's alphabet (the default serves callers to whom the order does not matter).
 */
export function workshopBoards(tx: Queryable, workshopId: string, locale: Locale = 'en') {
	return tx.query<{ id: string; teamId: string | null; teamName: string | null }>(
		`select b.id, b.team_id as "teamId", t.name as "teamName"
		 from public.boards b left join public.teams t on t.id = b.team_id
		 where b.workshop_id = $1 order by public.sort_key(t.name, $2) nulls first, b.id`,
		[workshopId, locale]
	);
}

/**
 * For the facilitator's overview of a workshop's boards: each board's note count and when
 * it last changed (boards.updated_at moves with every stored op). RLS decides which
 * boards and notes the caller sees; the page asks it for the facilitator only.
 */
export function boardOverview(tx: Queryable, workshopId: string) {
	return tx.query<{ id: string; notes: number; updatedAt: Date; changed: boolean }>(
		`select b.id, (select count(*) from public.board_notes n where n.board_id = b.id)::int as notes,
		   b.updated_at as "updatedAt", b.seq > 0 as changed
		 from public.boards b where b.workshop_id = $1`,
		[workshopId]
	);
}

/**
 * An announcement to every team at once, on the record with its text, its language, the
 * database's time and the facilitator (public.announce_to_workshop; refused with
 * 'permission denied' for anyone else or after the workshop ended). Returns its id, time
 * and the sender's name as the workshop shows it.
 */
export async function announce(
	tx: Queryable,
	workshopId: string,
	body: string,
	lang: Locale | null = null
) {
	const [row] = await tx.query<{ id: string; at: Date; by: string | null }>(
		`select a.id, a.at, (select p.display_name from public.workshop_people($1) p
		   where p.user_id = (select auth.uid()) limit 1) as by
		 from public.announce_to_workshop($1, $2, $3) a`,
		[workshopId, body, lang]
	);
	return row;
}

/**
 * The facilitator tells every team of a live or scheduled workshop at once: the words are
 * stored with their language and time (the record that everyone got the same words at the same
 * moment) and, once committed, told to every board of the workshop (the notifier).
 * Refused with 'forbidden' for anyone but its facilitator and with 'workshop_ended'
 * once it has ended: an ended workshop is the record, nothing more is said in it.
 */
export async function announceToWorkshop(
	db: Database,
	user: NonNullable<Principal>,
	workshopId: string,
	body: string,
	lang: Locale | null = null
): Promise<
	{ ok: true; announcement: Announcement } | { ok: false; code: 'forbidden' | 'workshop_ended' }
> {
	const stored = await db.as(user, async (tx) => {
		const [found] = await tx.query<{ role: string | null; open: boolean }>(
			'select private.workshop_role($1) as role, private.workshop_open($1) as open',
			[workshopId]
		);
		if (found?.role !== 'facilitator') return 'forbidden' as const;
		if (!found.open) return 'workshop_ended' as const;
		const row = await announce(tx, workshopId, body, lang);
		return { row, boards: await workshopBoards(tx, workshopId) };
	});
	if (typeof stored === 'string') return { ok: false, code: stored };
	const announcement = {
		workshopId,
		id: stored.row.id,
		body,
		at: new Date(stored.row.at).getTime(),
		lang,
		by: stored.row.by
	};
	notifier().announced(
		stored.boards.map((b) => b.id),
		announcement
	);
	return { ok: true, announcement };
}
