import { expect, it } from 'vitest';
import { seedDemo } from '../../src/lib/server/seed';
import { seedDemoProofsOfConcept } from '../../src/lib/server/seed-poc';
import { DEMO_JURY_CHALLENGE } from '../../src/lib/server/seed-jury';
import { DEMO_OWNER } from '../../src/lib/server/seed-applications';
import { readChallengeProofs } from '../../src/lib/server/proofs-of-concept';
import { conceptStanding, standingOutcome } from '../../src/lib/domain/concept-standing';
import { replayMilestone } from '../../src/lib/domain/proof-of-concept';
import { readStandingFacts } from '../../src/lib/server/proofs-of-concept';
import { describeEachDatabase } from './databases';

/**
 * The demo's development phase (issue 14, "Demo data": two partners with milestones, one
 * accepted, one rejected and re-planned, a go decision for one). When the demo seed has
 * no partners yet (the concepts and selection seeds not in this branch), the test makes
 * the two best shortlisted teams partners first, as those seeds would.
 */
describeEachDatabase('demo proofs of concept', (db) => {
	it('two partners, milestones accepted and rejected, one continued and one dropped', async () => {
		expect(await seedDemo(db(), 'Demo-password-2026!')).toBe(true);
		const [{ seeded }] = await db().service('test: seeded already?', (tx) =>
			tx.query<{ seeded: boolean }>(
				`select exists (select 1 from public.decisions
				  where challenge_id = $1 and stage = 'proof_of_concept') as seeded`,
				[DEMO_JURY_CHALLENGE]
			)
		);
		if (!seeded) {
			await db().service('test: partners as the selection seed would choose them', async (tx) => {
				await tx.query(
					`insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at)
					 values ($1, 'concepts', now() - interval '60 days', now() - interval '30 days')
					 on conflict (challenge_id, stage) do update set ends_at = excluded.ends_at`,
					[DEMO_JURY_CHALLENGE]
				);
				const shortlisted = await tx.query<{ application: string; team: string }>(
					`select i.application_id as application, a.team_id as team
					 from public.decision_items i join public.decisions d on d.id = i.decision_id
					 join public.applications a on a.id = i.application_id
					 where d.challenge_id = $1 and d.stage = 'shortlisting' and d.published_at is not null
					   and i.chosen order by i.rank limit 2`,
					[DEMO_JURY_CHALLENGE]
				);
				const [selection] = await tx.query<{ id: string }>(
					`insert into public.decisions (challenge_id, stage, decided_on)
					 values ($1, 'selection', current_date) returning id`,
					[DEMO_JURY_CHALLENGE]
				);
				for (const s of shortlisted) {
					const [concept] = await tx.query<{ id: string }>(
						`insert into public.concepts (challenge_id, team_id, application_id, version, title)
						 values ($1, $2, $3, 1, 'Valmennus työpaikalla') returning id`,
						[DEMO_JURY_CHALLENGE, s.team, s.application]
					);
					const [tender] = await tx.query<{ id: string }>(
						`insert into public.final_tenders (concept_id, challenge_id, team_id, version, snapshot, digest)
						 values ($1, $2, $3, 1, '{}', $4) returning id`,
						[concept.id, DEMO_JURY_CHALLENGE, s.team, 'e'.repeat(64)]
					);
					await tx.query(
						`insert into public.decision_items (decision_id, item_kind, final_tender_id, team_name, chosen, reason)
						 values ($1, 'final_tender', $2, 'x', true, 'Paras vertailussa.')`,
						[selection.id, tender.id]
					);
				}
				await tx.query('update public.decisions set published_at = now() where id = $1', [
					selection.id
				]);
			});
			expect(await seedDemoProofsOfConcept(db())).not.toBeNull();
		}

		const { partners, closed } = await db().as(DEMO_OWNER, (tx) =>
			readChallengeProofs(tx, DEMO_JURY_CHALLENGE)
		);
		expect(closed).toBe(true);
		expect(partners).toHaveLength(2);
		const statuses = partners.flatMap((p) => p.milestones.map((m) => m.status));
		expect(statuses).toContain('accepted');
		expect(statuses).toContain('rejected');
		// The pilot's report is an evidence file the owner reads (the upload path, as in the app).
		expect(
			partners.flatMap((p) => p.milestones.flatMap((m) => m.files.map((f) => f.fileName)))
		).toContain('pilottiraportti.pdf');
		// One milestone was rejected and re-planned before it was accepted.
		const records = await db().service('test: the record', (tx) =>
			tx.query<{ milestone: string; steps: { step: never; from: never; to: never }[] }>(
				`select e.milestone_id as milestone,
				        jsonb_agg(jsonb_build_object('step', e.step, 'from', e.from_status, 'to', e.to_status)
				                  order by e.seq) as steps
				 from public.poc_milestone_events e group by e.milestone_id`
			)
		);
		const replanned = records.filter((r) =>
			r.steps.some((s: { step: string }) => s.step === 'replan')
		);
		expect(replanned.length).toBeGreaterThan(0);
		for (const r of records) expect(replayMilestone(r.steps)).not.toBeNull();

		const outcomes = [];
		for (const p of partners) {
			const facts = await db().as(DEMO_OWNER, (tx) => readStandingFacts(tx, p.conceptId));
			outcomes.push(standingOutcome(conceptStanding(facts!)));
		}
		expect(outcomes.sort()).toEqual(['continued', 'dropped']);
	});
});
