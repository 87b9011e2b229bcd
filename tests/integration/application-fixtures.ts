import type { Database } from '../../src/lib/server/db/database';
import { createChallenge } from './fixtures';

/**
 * A published open challenge taking applications until `deadline`, with two minimum
 * requirements. It opts out of sealing unless `sealed` is asked for, so its team screens
 * as applications arrive; sealing itself is tested in procurement-rules.test.ts.
 */
export async function createOpenChallenge(
	db: Database,
	organisationId: string,
	options: { deadline?: Date; ideaCount?: number; areas?: string[]; sealed?: boolean } = {}
) {
	const challenge = await createChallenge(db, organisationId, 'published');
	const deadline = options.deadline ?? new Date(Date.now() + 7 * 24 * 3600_000);
	const requirementIds = await db.service('test fixture: open challenge', async (tx) => {
		await tx.query(
			`update public.challenges set idea_count = $2, competence_areas = $3, min_team_size = 2,
			   lookback_years = 3, require_common_history = true, applications_unsealed = $4 where id = $1`,
			[
				challenge.id,
				options.ideaCount ?? 3,
				options.areas ?? ['software_development', 'service_design'],
				!options.sealed
			]
		);
		await tx.query(
			`insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at)
			 values ($1, 'applications', now() - interval '30 days', $2)`,
			[challenge.id, deadline]
		);
		const rows = await tx.query<{ id: string }>(
			`insert into public.challenge_requirements (challenge_id, position, statement)
			 values ($1, 1, '{"en": "The team has liability insurance."}'),
			        ($1, 2, '{"en": "The team can work in Finnish or English."}')
			 returning id`,
			[challenge.id]
		);
		return rows.map((r) => r.id);
	});
	return { ...challenge, requirementIds, deadline };
}

/** Moves a challenge's application deadline (e.g. one second into the past). */
export function setDeadline(db: Database, challengeId: string, deadline: Date) {
	return db.service('test fixture: deadline', (tx) =>
		tx.query(
			`update public.challenge_stages set ends_at = $2 where challenge_id = $1 and stage = 'applications'`,
			[challengeId, deadline]
		)
	);
}

/** A team led by `leadId` with the other members already in it. */
export async function createTeamWith(db: Database, leadId: string, memberIds: string[] = []) {
	return db.service('test fixture: team', async (tx) => {
		const [team] = await tx.query<{ id: string }>(
			`insert into public.teams (name, lead_id) values ($1, $2) returning id`,
			[`Team ${Math.random().toString(36).slice(2, 8)}`, leadId]
		);
		for (const id of [leadId, ...memberIds]) {
			await tx.query('insert into public.team_members (team_id, user_id) values ($1, $2)', [
				team.id,
				id
			]);
		}
		return { id: team.id };
	});
}
