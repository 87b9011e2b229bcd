import { beforeAll, expect, it } from 'vitest';
import { assignStage } from '../../src/lib/server/jury/chair';
import { openJurorItem, scoreItem } from '../../src/lib/server/jury/juror';
import { readResults } from '../../src/lib/server/jury/results';
import {
	prepareDecision,
	publishDecision,
	readDecision,
	readMyResult
} from '../../src/lib/server/decisions';
import { decisionFormDraft } from '../../src/lib/domain/jury/decision-schemas';
import { describeEachDatabase } from './databases';
import { createUser } from './fixtures';
import { appointJuror, refusal, shortlistingCriteria } from './jury-fixtures';
import { createScreeningScenario, type ScreeningScenario } from './screening-fixtures';

/**
 * The selection stage on final tenders (issue 14 on issue 13's jury;
 * supabase/migrations/20261207000301_selection.sql): sealed until the concepts deadline,
 * then the jury declares, reads the frozen tender (never a conflicted one), scores, the
 * results add price points (lowest ÷ price × the price's maximum), and the selection
 * decision names final tenders, whose concepts become the partners.
 */
type User = { id: string; email: string };

describeEachDatabase('selection on final tenders', (db) => {
	let s: ScreeningScenario;
	let j1: User, j2: User;
	let quality: string, team: string;
	let tenderA: string, tenderB: string, conceptA: string, conceptB: string;
	const concepts = (endsIn: string) =>
		db().service('test fixture: the concepts deadline', (tx) =>
			tx.query(
				`insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at)
				 values ($1, 'concepts', now() - interval '10 days', now() + $2::interval)
				 on conflict (challenge_id, stage) do update set ends_at = excluded.ends_at`,
				[s.challenge.id, endsIn]
			)
		);
	const candidates = (who: User) =>
		db().as(who, (tx) =>
			tx.query<{ item: string; team_name: string; item_kind: string }>(
				`select item, team_name, item_kind from public.jury_conflict_candidates($1, 'selection')`,
				[s.challenge.id]
			)
		);
	const form = (a: string, b: string) => ({
		[`points_${quality}`]: a,
		[`justification_${quality}`]: 'Concrete and new.',
		[`points_${team}`]: b,
		[`justification_${team}`]: 'An able team.'
	});

	beforeAll(async () => {
		s = await createScreeningScenario(db());
		j1 = await createUser(db(), 'Sara Selector');
		j2 = await createUser(db(), 'Sami Selector');
		await shortlistingCriteria(db(), s);
		const made = await db().service('test fixture: concepts and final tenders', async (tx) => {
			await tx.query(
				`update public.challenges set partner_count = 1, price_share = 30 where id = $1`,
				[s.challenge.id]
			);
			const criteria = await tx.query<{ id: string }>(
				`insert into public.challenge_criteria (challenge_id, stage, position, name, max_points)
				 values ($1, 'selection', 1, '{"en": "Quality"}', 30),
				        ($1, 'selection', 2, '{"en": "Team"}', 10)
				 returning id`,
				[s.challenge.id]
			);
			const tender = async (teamId: string, appId: string, lead: string, cents: number) => {
				const [c] = await tx.query<{ id: string }>(
					`insert into public.concepts (challenge_id, team_id, application_id, version, title, updated_by)
					 values ($1, $2, $3, 1, 'Concept', $4) returning id`,
					[s.challenge.id, teamId, appId, lead]
				);
				const fileKey = `${crypto.randomUUID()}.pdf`;
				await tx.query(
					`insert into public.concept_attachments (concept_id, file_key, file_name, mime, size, uploaded_by)
					 values ($1, $2, 'plan.pdf', 'application/pdf', 100, $3)`,
					[c.id, fileKey, lead]
				);
				const [t] = await tx.query<{ id: string }>(
					`insert into public.final_tenders
					   (concept_id, challenge_id, team_id, version, snapshot, digest, price_cents, submitted_by)
					 values ($1, $2, $3, 1, $4::text::jsonb, $5, $6, $7) returning id`,
					[
						c.id,
						s.challenge.id,
						teamId,
						JSON.stringify({
							concept: c.id,
							team: { id: teamId, name: 'Frozen name', lang: 'en' },
							version: 1,
							title: 'Matching assistant',
							summary: 'Summary',
							description: '**Bold** plan',
							plan: 'Plan',
							budget: [{ item: 'Coaching', cents: 50000 }],
							priceCents: cents,
							links: [],
							attachments: [{ fileKey, fileName: 'plan.pdf', size: 100 }]
						}),
						'd'.repeat(64),
						cents,
						lead
					]
				);
				return [c.id, t.id];
			};
			const a = await tender(s.teamA.id, s.appA.id, s.lead.id, 100_000_00);
			const b = await tender(s.teamB.id, s.appB.id, s.otherTeam.id, 80_000_00);
			return { criteria: criteria.map((r) => r.id), a, b };
		});
		[quality, team] = made.criteria;
		[conceptA, tenderA] = made.a;
		[conceptB, tenderB] = made.b;
		await concepts('2 days');
		for (const j of [j1, j2]) await appointJuror(db(), s.owner, s.challenge.id, 'selection', j);
	});

	it('keeps the final tenders sealed until the concepts deadline', async () => {
		expect(await candidates(j1)).toEqual([]);
		const [row] = await db().as(j1, (tx) =>
			tx.query<{ n: number }>('select count(*)::int as n from public.final_tenders')
		);
		expect(row.n).toBe(0);
		await concepts('-1 hour');
		const open = await candidates(j1);
		expect(open.map((c) => c.item).sort()).toEqual([tenderA, tenderB].sort());
		expect(new Set(open.map((c) => c.item_kind))).toEqual(new Set(['final_tender']));
	});

	it('never lets a conflicted juror read the final tender', async () => {
		await db().as(j1, (tx) =>
			tx.query('select public.jury_declare_conflicts($1, $2, $3::jsonb)', [
				s.challenge.id,
				'selection',
				[
					{ item: tenderA, conflict: false },
					{ item: tenderB, conflict: false }
				]
			])
		);
		await db().as(j2, (tx) =>
			tx.query('select public.jury_declare_conflicts($1, $2, $3::jsonb)', [
				s.challenge.id,
				'selection',
				[
					{ item: tenderA, conflict: false },
					{ item: tenderB, conflict: true }
				]
			])
		);
		const outcome = await db().as(s.owner, (tx) =>
			assignStage(tx, s.challenge.id, 'selection', null)
		);
		expect(outcome.pairs).toBe(3);
		const direct = (who: User, id: string) =>
			db().as(who, (tx) =>
				tx.query<{ id: string }>('select id from public.final_tenders where id = $1', [id])
			);
		expect(await direct(j2, tenderB)).toEqual([]);
		expect(await direct(j2, tenderA)).toHaveLength(1);
		expect(await direct(j1, tenderB)).toHaveLength(1);
		// The tender's files open with it, to the same jurors only.
		const files = (who: User, concept: string) =>
			db().as(who, (tx) =>
				tx.query<{ id: string }>(
					'select id from public.concept_attachments where concept_id = $1',
					[concept]
				)
			);
		expect(await files(j2, conceptB)).toEqual([]);
		expect(await files(j2, conceptA)).toHaveLength(1);
		expect(await files(j1, conceptB)).toHaveLength(1);
		expect(
			await refusal(db(), j2, "select * from public.jury_scoring_item('final_tender', $1)", [
				tenderB
			])
		).toBe('jury_conflicted');
		expect(
			await refusal(db(), j2, "select public.jury_save_scores('final_tender', $1, '[]')", [tenderB])
		).toBe('jury_conflicted');

		const item = await db().as(j1, (tx) => openJurorItem(tx, s.challenge.id, 'selection', tenderA));
		if (item?.kind !== 'final_tender') throw new Error('a final tender is scored at selection');
		expect(item.teamName).toBe('Frozen name');
		expect(item.tender.priceCents).toBe(100_000_00);
		expect(item.descriptionHtml).toContain('<strong>Bold</strong>');
		const [file] = item.tender.attachments;
		expect(item.attachmentIds[file.fileKey]).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('adds price points to quality and ranks on the total', async () => {
		for (const [who, item, a, b] of [
			[j1, tenderA, '25', '8'],
			[j1, tenderB, '20', '9'],
			[j2, tenderA, '27', '7']
		] as const) {
			const out = await db().as(who, (tx) => scoreItem(tx, 'selection', item, form(a, b), true));
			expect(out).toEqual({ ok: true });
		}
		const r = (await db().as(s.owner, (tx) =>
			readResults(tx, s.challenge.id, 'selection', false)
		))!;
		// Quality maximum 40 at a 30 % price share: 40 × 30 ÷ 70 points for the lowest price.
		const max = (40 * 30) / 70;
		expect(r.price).toMatchObject({ share: 30, available: true, unpriced: [] });
		expect(r.price!.maxPoints).toBeCloseTo(max);
		const [first, second] = r.items;
		expect(first.item).toBe(tenderA);
		expect(first.kind).toBe('final_tender');
		expect(first.quality).toBeCloseTo((33 + 34) / 2);
		expect(first.price).toBeCloseTo((80_000 / 100_000) * max);
		expect(first.total).toBeCloseTo(33.5 + 0.8 * max);
		expect(second.item).toBe(tenderB);
		expect(second.price).toBeCloseTo(max);
		expect(second.total).toBeCloseTo(29 + max);
		expect(first.priceCents).toBe(100_000_00);
		expect(r.proposal?.proposed).toEqual([first.teamName]);
	});

	it('decides at selection on final tenders: the partners, and each team its own result', async () => {
		const r = (await db().as(s.owner, (tx) =>
			readResults(tx, s.challenge.id, 'selection', false)
		))!;
		const draft = decisionFormDraft(
			{
				[`chosen:${tenderA}`]: 'on',
				[`reason:${tenderA}`]: 'Best total.',
				[`reason:${tenderB}`]: 'Second.'
			},
			r.items
		);
		// A shortlisted application is not an item at selection.
		expect(
			await refusal(db(), s.owner, 'select public.decision_prepare($1, $2, $3::text::jsonb)', [
				s.challenge.id,
				'selection',
				JSON.stringify([{ itemKind: 'application', item: s.appA.id, chosen: true }])
			])
		).toBe('decision_unknown_item');
		const id = await db().as(s.owner, (tx) =>
			prepareDecision(tx, s.challenge.id, 'selection', draft)
		);
		await db().as(s.owner, (tx) => publishDecision(tx, id));

		const [partners] = await db().service('test: partners', (tx) =>
			tx.query<{ ids: string[] }>('select array(select private.partner_concept_ids($1)) as ids', [
				s.challenge.id
			])
		);
		expect(partners.ids).toEqual([conceptA]);

		const doc = (await db().as(s.owner, (tx) => readDecision(tx, id)))!;
		expect(doc.items.map((i) => i.kind)).toEqual(['final_tender', 'final_tender']);
		expect(doc.items[0].applicationId).toBe(s.appA.id);
		expect(doc.comparison.find((c) => c.itemId === doc.items[0].id)?.price).toBeCloseTo(
			0.8 * ((40 * 30) / 70),
			2
		);
		expect(doc.scores.filter((x) => x.itemId === doc.items[0].id)).toHaveLength(4);

		const mine = await db().as(s.lead, (tx) => readMyResult(tx, s.appA.id));
		const selection = mine.find((m) => m.decision.stage === 'selection')!;
		expect(selection.item.chosen).toBe(true);
		expect(selection.item.total).toBeCloseTo(33.5 + 0.8 * ((40 * 30) / 70), 2);
		expect(selection.scores).toHaveLength(4);
		const theirs = await db().as(s.otherTeam, (tx) => readMyResult(tx, s.appB.id));
		const b = theirs.find((m) => m.decision.stage === 'selection')!;
		expect(b.item.chosen).toBe(false);
		// Team B reads its own scores only, never team A's justifications.
		expect(b.scores.every((x) => x.itemId === b.item.id)).toBe(true);
		// Another team reads nothing of team A's result.
		expect(await db().as(s.otherTeam, (tx) => readMyResult(tx, s.appA.id))).toEqual([]);
	});
});
