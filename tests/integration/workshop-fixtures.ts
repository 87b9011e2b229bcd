import type { Database } from '../../src/lib/server/db/database';
import { createOrganisation, createUser } from './fixtures';
import { createOpenChallenge, createTeamWith } from './application-fixtures';

export type User = { id: string; email: string };

/** A facilitator, an owner, two teams that applied and one that did not. */
export async function workshopWorld(db: Database) {
	const facilitator = await createUser(db, 'Fiia Facilitator');
	const owner = await createUser(db, 'Olli Owner');
	const [a1, a2, b1, c1, outsider] = await Promise.all(
		['Anna A', 'Aaro A', 'Bea B', 'Cecilia C', 'Otto Outsider'].map((n) => createUser(db, n))
	);
	const org = await createOrganisation(db, owner.id);
	const challenge = await createOpenChallenge(db, org.id);
	const teamA = await createTeamWith(db, a1.id, [a2.id]);
	const teamB = await createTeamWith(db, b1.id);
	const teamC = await createTeamWith(db, c1.id);
	await db.service('test fixture: facilitator and applications', async (tx) => {
		await tx.query('insert into public.platform_facilitators (user_id) values ($1)', [
			facilitator.id
		]);
		for (const team of [teamA, teamB]) {
			await tx.query(
				`insert into public.applications (challenge_id, team_id, status, submitted_at, digest, snapshot)
				 values ($1, $2, 'submitted', now(), repeat('a', 64), '{}')`,
				[challenge.id, team.id]
			);
		}
	});
	return { facilitator, owner, a1, a2, b1, c1, outsider, challenge, teamA, teamB, teamC };
}
