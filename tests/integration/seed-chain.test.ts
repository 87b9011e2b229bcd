import { expect, it } from 'vitest';
import { seedDemo } from '../../src/lib/server/seed';
import { DEMO_CHAIN_CHALLENGE } from '../../src/lib/server/seed-chain';
import { config } from '../../src/lib/server/config';
import { describeEachDatabase } from './databases';

/**
 * Digital Job Coaching (src/lib/server/seed-chain.ts): the chain the end-to-end suite walks
 * in one run starts from a published shortlist of two, one final tender in and sealed, and
 * a concepts deadline DEMO_CHAIN_CONCEPTS_MINUTES after seeding.
 */
describeEachDatabase('demo: digital job coaching', (db) => {
	it('two shortlisted, one sealed final tender, the concepts deadline ahead', async () => {
		const before = Date.now();
		expect(await seedDemo(db(), 'Demo-password-2026!')).toContain('admin@talkoot.example');
		const [facts] = await db().service('test: the chain challenge', (tx) =>
			tx.query<{
				shortlisted: number;
				tenders: number;
				price: string;
				digest: string;
				concepts: number;
				deadline: Date;
				notes: number;
			}>(
				`select
				   (select count(*)::int from public.decision_items i join public.decisions d on d.id = i.decision_id
				     where d.challenge_id = $1 and d.stage = 'shortlisting' and d.published_at is not null
				       and i.chosen) as shortlisted,
				   (select count(*)::int from public.final_tenders t where t.challenge_id = $1
				     and t.withdrawn_at is null) as tenders,
				   (select t.price_cents::text from public.final_tenders t where t.challenge_id = $1) as price,
				   (select t.digest from public.final_tenders t where t.challenge_id = $1) as digest,
				   (select count(*)::int from public.concepts c where c.challenge_id = $1) as concepts,
				   private.concepts_deadline($1) as deadline,
				   (select count(*)::int from public.concept_links l join public.concepts c on c.id = l.concept_id
				     where c.challenge_id = $1) as notes`,
				[DEMO_CHAIN_CHALLENGE]
			)
		);
		expect(facts.shortlisted).toBe(2);
		expect(facts.tenders).toBe(1);
		expect(facts.price).toBe('12000000');
		expect(facts.digest).toMatch(/^[0-9a-f]{64}$/);
		// Mentori has not started its concept: the end-to-end chain builds it.
		expect(facts.concepts).toBe(1);
		expect(facts.notes).toBe(2);
		const minutes = (new Date(facts.deadline).getTime() - before) / 60_000;
		expect(minutes).toBeGreaterThan(config.DEMO_CHAIN_CONCEPTS_MINUTES - 1);
		expect(minutes).toBeLessThan(config.DEMO_CHAIN_CONCEPTS_MINUTES + 5);
	});
});
