import type { Database } from '../../src/lib/server/db/database';
import { createScreeningScenario } from './screening-fixtures';

/**
 * The development phase of a challenge, for the proofs of concept's tests: the screening
 * scenario (owner, team A = lead + member, team B = otherTeam, outsider, otherOwner), a
 * concept and a final tender for each team's application, and a published selection
 * decision choosing both — so both concepts are partners
 * (private.partner_concept_ids). Written as the migrating role: what the app's concept
 * and selection functions would leave behind.
 */
export async function createPartnerScenario(db: Database) {
	const s = await createScreeningScenario(db);
	const [conceptA, conceptB] = await db.service('test fixture: partners', async (tx) => {
		// The concepts stage has ended: the tenders are unsealed to the challenge's team.
		await tx.query(
			`insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at)
			 values ($1, 'concepts', now() - interval '2 days', now() - interval '1 hour')
			 on conflict (challenge_id, stage) do update set starts_at = excluded.starts_at, ends_at = excluded.ends_at`,
			[s.challenge.id]
		);
		const ids: string[] = [];
		for (const [app, team, title] of [
			[s.appA.id, s.teamA.id, 'Coach at work'],
			[s.appB.id, s.teamB.id, 'Job match']
		]) {
			const [concept] = await tx.query<{ id: string }>(
				`insert into public.concepts (challenge_id, team_id, application_id, title)
				 values ($1, $2, $3, $4) returning id`,
				[s.challenge.id, team, app, title]
			);
			await tx.query(
				`insert into public.final_tenders (concept_id, challenge_id, team_id, version, snapshot, digest)
				 values ($1, $2, $3, 1, '{}', $4)`,
				[concept.id, s.challenge.id, team, 'd'.repeat(64)]
			);
			ids.push(concept.id);
		}
		const [decision] = await tx.query<{ id: string }>(
			`insert into public.decisions (challenge_id, stage, decided_on) values ($1, 'selection', (now() at time zone 'Europe/Helsinki')::date)
			 returning id`,
			[s.challenge.id]
		);
		await tx.query(
			`insert into public.decision_items (decision_id, item_kind, final_tender_id, team_name, chosen, reason)
			 select $1, 'final_tender', f.id, t.name, true, 'Best in the comparison.'
			 from public.final_tenders f join public.teams t on t.id = f.team_id
			 where f.challenge_id = $2`,
			[decision.id, s.challenge.id]
		);
		await tx.query(`update public.decisions set published_at = now() where id = $1`, [decision.id]);
		return ids;
	});
	return { ...s, conceptA, conceptB };
}
