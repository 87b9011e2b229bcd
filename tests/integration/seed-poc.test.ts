import { expect, it } from 'vitest';
import { seedDemo } from '../../src/lib/server/seed';
import { DEMO_JURY_CHALLENGE } from '../../src/lib/server/seed-jury';
import { DEMO_OWNER } from '../../src/lib/server/seed-applications';
import { readChallengeProofs } from '../../src/lib/server/proofs-of-concept';
import { conceptStanding, standingOutcome } from '../../src/lib/domain/concept-standing';
import { replayMilestone } from '../../src/lib/domain/proof-of-concept';
import { readStandingFacts } from '../../src/lib/server/proofs-of-concept';
import { describeEachDatabase } from './databases';

/**
 * The demo's development phase (issue 14, "Demo data": two partners with milestones, one
 * accepted, one rejected and re-planned, a go decision for one), on the partners the
 * demo's selection seed chose through the app's functions (no hand-made partners).
 */
describeEachDatabase('demo proofs of concept', (db) => {
	it('two partners, milestones accepted and rejected, one continued and one dropped', async () => {
		expect(await seedDemo(db(), 'Demo-password-2026!')).toContain('admin@talkoot.example');
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
