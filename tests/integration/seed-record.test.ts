import { beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../src/lib/server/seed';
import { DEMO_JURY_CHALLENGE } from '../../src/lib/server/seed-jury';
import { DEMO_CONCEPT_CHALLENGE } from '../../src/lib/server/seed-concepts';
import { describeEachDatabase } from './databases';

/**
 * The demo's record is the database's own (DESIGN.md, "The record"): every seeded state
 * change went through the definer function a person's action calls, so what it writes
 * beside the change (a snapshot's every key and its digest, an op log, the steps of a
 * workshop) is there as it would be; only the times are moved into the past.
 */
describeEachDatabase('demo data as the record holds it', (db) => {
	beforeAll(async () => {
		expect(await seedDemo(db(), 'Demo-password-2026!')).toContain('admin@talkoot.example');
	});

	it("freezes the worked example's final tenders as submit_final_tender does, before the deadline", async () => {
		const tenders = await db().service('test: the demo final tenders', (tx) =>
			tx.query<{
				team: string;
				price: number;
				digestHolds: boolean;
				keys: string[];
				deadlineHolds: boolean;
				submittedHolds: boolean;
				beforeDeadline: boolean;
				versions: number;
				links: number;
				receipts: number;
			}>(
				`select t.name as team, f.price_cents::float8 as price,
				   f.digest = public.snapshot_digest(f.snapshot) as "digestHolds",
				   array(select jsonb_object_keys(f.snapshot) order by 1) as keys,
				   f.snapshot ->> 'deadline' = private.iso_time(private.concepts_deadline(f.challenge_id))
				     as "deadlineHolds",
				   f.snapshot ->> 'submittedAt' = private.iso_time(f.submitted_at) as "submittedHolds",
				   f.submitted_at < private.concepts_deadline(f.challenge_id) as "beforeDeadline",
				   (select count(*)::int from public.concept_versions v where v.concept_id = f.concept_id)
				     as versions,
				   (select count(*)::int from public.concept_links l where l.concept_id = f.concept_id)
				     as links,
				   (select count(*)::int from private.mail_outbox m
				    where m.template = 'final_tender_receipt' and m.params ->> 'path' = '/concepts/' || f.concept_id)
				     as receipts
				 from public.final_tenders f join public.teams t on t.id = f.team_id
				 where f.challenge_id = $1 order by t.name`,
				[DEMO_JURY_CHALLENGE]
			)
		);
		expect(tenders.map((t) => [t.team, t.price])).toEqual([
			['Reitti', 1_050_000_00],
			['Taitotalo Consortium', 960_000_00],
			['Työote', 1_180_000_00]
		]);
		for (const t of tenders) {
			expect(t, t.team).toMatchObject({
				digestHolds: true,
				deadlineHolds: true,
				submittedHolds: true,
				beforeDeadline: true,
				versions: 1,
				links: 1,
				receipts: 0
			});
			// The function's snapshot names its challenge and deadline; a hand-made one did not.
			expect(t.keys).toEqual(expect.arrayContaining(['challenge', 'deadline', 'submittedBy']));
		}
	});

	it("runs Youth Guidance Online's workshop through its steps and its board's op log", async () => {
		const [w] = await db().service('test: the demo workshop', (tx) =>
			tx.query<{
				status: string;
				steps: string[];
				endedAgo: boolean;
				seq: number;
				ops: number;
				notes: number;
				clustered: number;
				unlogged: number;
				summaries: number;
			}>(
				`select w.status,
				   array(select c.status from public.workshop_status_changes c
				         where c.workshop_id = w.id order by c.at) as steps,
				   (select max(c.at) from public.workshop_status_changes c where c.workshop_id = w.id)
				     < now() - interval '9 days' as "endedAgo",
				   b.seq::int as seq,
				   (select count(*)::int from public.board_ops o where o.board_id = b.id) as ops,
				   (select count(*)::int from public.board_notes n where n.board_id = b.id) as notes,
				   (select count(*)::int from public.board_notes n
				    where n.board_id = b.id and n.cluster_id is not null) as clustered,
				   (select count(*)::int from public.board_notes n where n.board_id = b.id
				    and not exists (select 1 from public.board_ops o where o.board_id = b.id
				                    and o.seq = n.added_seq and o.op ->> 'type' = 'note.add'
				                    and o.actor_id = n.author_id)) as unlogged,
				   (select count(*)::int from private.mail_outbox m
				    where m.template = 'workshop_summary' and m.params ->> 'workshopId' = w.id::text)
				     as summaries
				 from public.workshops w join public.boards b on b.workshop_id = w.id
				 where w.challenge_id = $1`,
				[DEMO_CONCEPT_CHALLENGE]
			)
		);
		expect(w).toEqual({
			status: 'ended',
			steps: ['live', 'ended'],
			endedAgo: true,
			seq: w.ops,
			ops: expect.any(Number),
			notes: 3,
			clustered: 2,
			unlogged: 0,
			summaries: 0
		});
		expect(w.ops).toBeGreaterThanOrEqual(6);
	});
});
