import type { Database } from '../../src/lib/server/db/database';

/**
 * Puts concepts into production as the record would (issue 14): a published go/no-go
 * decision (stage 'proof_of_concept') on the challenge that continues `continued` and
 * drops `dropped`. Written directly: the decision functions are tested in their own
 * files, and which items a proof-of-concept decision takes is the poc migration's.
 */
export async function publishGoDecision(
	db: Database,
	challengeId: string,
	continued: string[],
	dropped: string[] = []
): Promise<string> {
	return db.service('test fixture: go / no-go decision', async (tx) => {
		const [d] = await tx.query<{ id: string }>(
			`insert into public.decisions (challenge_id, stage, rationale, signatory, decided_on)
			 values ($1, 'proof_of_concept', 'Go for the proven concept.', 'Head of services', (now() at time zone 'Europe/Helsinki')::date)
			 returning id`,
			[challengeId]
		);
		for (const [chosen, ids] of [
			[true, continued],
			[false, dropped]
		] as const) {
			for (const concept of ids) {
				await tx.query(
					`insert into public.decision_items (decision_id, item_kind, concept_id, chosen, reason)
					 values ($1, 'concept', $2, $3, $4)`,
					[d.id, concept, chosen, chosen ? 'Continued.' : 'Dropped: results short of the goal.']
				);
			}
		}
		await tx.query('update public.decisions set published_at = now() where id = $1', [d.id]);
		return d.id;
	});
}

/** A concept of `teamId` on its application (service write, as the access world does). */
export async function createConcept(
	db: Database,
	challengeId: string,
	teamId: string,
	applicationId: string,
	title: string
): Promise<string> {
	const [row] = await db.service('test fixture: concept', (tx) =>
		tx.query<{ id: string }>(
			`insert into public.concepts (challenge_id, team_id, application_id, version, title)
			 values ($1, $2, $3, 1, $4) returning id`,
			[challengeId, teamId, applicationId, title]
		)
	);
	return row.id;
}
