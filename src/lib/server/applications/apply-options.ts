import type { Queryable } from '../db';
import type { Locale } from '$lib/domain/locale';

export interface ApplyTeam {
	id: string;
	name: string;
	/** The team's application to this challenge, when it has one. */
	applicationId: string | null;
	status: 'draft' | 'submitted' | null;
}

/** The caller's teams, by name, with what each has sent to the challenge, for the Apply panel. */
export function applyTeams(tx: Queryable, challengeId: string, userId: string, locale: Locale) {
	return tx.query<ApplyTeam>(
		`select t.id, t.name, a.id as "applicationId", a.status
		 from public.teams t join public.team_members me on me.team_id = t.id and me.user_id = $2
		 left join public.applications a on a.team_id = t.id and a.challenge_id = $1
		 order by public.sort_key(t.name, $3), t.id`,
		[challengeId, userId, locale]
	);
}
