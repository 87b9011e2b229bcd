import type { Queryable } from '../db';
import type { Locale } from '$lib/domain/locale';

/** One person on a challenge's team (the owner's side), as the team page lists them. */
export interface TeamMember {
	userId: string;
	name: string;
	email: string;
	role: 'chair' | 'member';
	addedAt: Date;
}

/** A member of the organisation who is not on the team yet. */
export interface Candidate {
	userId: string;
	name: string;
	email: string;
}

/**
 * The challenge's team, chairs first, then by name; what RLS lets the caller see (members
 * of the challenge's organisation). Empty for anyone else.
 */
export async function listTeam(
	tx: Queryable,
	challengeId: string,
	locale: Locale
): Promise<TeamMember[]> {
	return tx.query<TeamMember>(
		`select t.user_id as "userId", coalesce(nullif(p.display_name, ''), p.email, '') as name,
		   coalesce(p.email, '') as email, t.role, t.added_at as "addedAt"
		 from public.challenge_team_members t
		 left join public.profiles p on p.id = t.user_id
		 where t.challenge_id = $1
		 order by t.role = 'chair' desc, public.sort_key(coalesce(nullif(p.display_name, ''), p.email, ''), $2), email`,
		[challengeId, locale]
	);
}

/** Members of the challenge's organisation not on its team, by name. */
export async function teamCandidates(
	tx: Queryable,
	challengeId: string,
	locale: Locale
): Promise<Candidate[]> {
	return tx.query<Candidate>(
		`select m.user_id as "userId", coalesce(nullif(p.display_name, ''), p.email, '') as name,
		   coalesce(p.email, '') as email
		 from public.challenges c
		 join public.organisation_members m on m.organisation_id = c.organisation_id
		 left join public.profiles p on p.id = m.user_id
		 where c.id = $1 and not exists (
		   select 1 from public.challenge_team_members t where t.challenge_id = c.id and t.user_id = m.user_id)
		 order by public.sort_key(coalesce(nullif(p.display_name, ''), p.email, ''), $2), email`,
		[challengeId, locale]
	);
}

export type TeamChange =
	| 'added'
	| 'updated'
	| 'removed'
	| 'unknown'
	| 'not_in_organisation'
	| 'last_chair'
	| 'not_on_team';

/**
 * Adds a member of the organisation to the team or changes their role, through
 * `public.add_challenge_team_member` (the chair or an organisation owner only; the last
 * chair cannot step down). Returns the database's answer.
 */
export async function addTeamMember(
	tx: Queryable,
	challengeId: string,
	userId: string,
	role: 'chair' | 'member'
): Promise<TeamChange> {
	const [row] = await tx.query<{ r: TeamChange }>(
		'select public.add_challenge_team_member($1, $2, $3) as r',
		[challengeId, userId, role]
	);
	return row.r;
}

/** Removes someone from the team through `public.remove_challenge_team_member` (a team keeps a chair). */
export async function removeTeamMember(
	tx: Queryable,
	challengeId: string,
	userId: string
): Promise<TeamChange> {
	const [row] = await tx.query<{ r: TeamChange }>(
		'select public.remove_challenge_team_member($1, $2) as r',
		[challengeId, userId]
	);
	return row.r;
}

/**
 * How many submitted applications the caller's team cannot open yet (sealed until the
 * applications deadline); 0 for anyone not on the team.
 */
export async function sealedApplicationCount(tx: Queryable, challengeId: string): Promise<number> {
	const [row] = await tx.query<{ n: number | null }>(
		'select public.sealed_application_count($1) as n',
		[challengeId]
	);
	return row?.n ?? 0;
}
