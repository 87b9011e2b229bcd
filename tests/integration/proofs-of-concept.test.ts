import { beforeAll, describe, expect, it } from 'vitest';
import type { Database, Principal } from '../../src/lib/server/db/database';
import {
	MILESTONE_STATUSES,
	milestoneAfter,
	type MilestoneStep
} from '../../src/lib/domain/development-record';
import { milestoneIssue, replayMilestone } from '../../src/lib/domain/proof-of-concept';
import {
	addMilestone,
	readChallengeProofs,
	readConceptProof,
	readStandingFacts,
	stepMilestone
} from '../../src/lib/server/proofs-of-concept';
import { prepareDecision, publishDecision } from '../../src/lib/server/decisions';
import { conceptStanding, standingOutcome } from '../../src/lib/domain/concept-standing';
import { attempt } from './attempt';
import { describeEachDatabase } from './databases';
import { drainOutbox } from './mail-helpers';
import { sqlAnswers } from './parity';
import { createPartnerScenario } from './poc-fixtures';

/**
 * Proofs of concept (issue 14; supabase/migrations/20261207000400_proofs_of_concept.sql)
 * as Supabase's Data API would meet them, every call as `authenticated` with the user's
 * claims: two partners (teams A and B) plan milestones, the owner accepts one and rejects
 * one, the partner re-plans the rejected one, and the go / no-go decision continues A and
 * drops B. Whatever else tries to change a milestone is refused in the database.
 */
type Scenario = Awaited<ReturnType<typeof createPartnerScenario>>;

/** The reason code a refused call gave (the hint), 'denied' for a privilege error, or 'ok'. */
async function refused(db: Database, who: Principal, run: (tx: never) => Promise<unknown>) {
	return db.as(who, run as never).then(
		() => 'ok',
		(e: { hint?: string; code?: string; message: string }) =>
			e.hint || (/permission denied|row-level/.test(e.message) ? 'denied' : e.message)
	);
}

describeEachDatabase('proofs of concept', (db) => {
	let s: Scenario;
	let first: string, second: string, bMilestone: string;

	const record = (milestone: string) =>
		db().service('test: the record', (tx) =>
			tx.query<{ step: MilestoneStep | 'plan'; from: never; to: never; reason: string }>(
				`select step, from_status as "from", to_status as "to", reason
				 from public.poc_milestone_events where milestone_id = $1 order by seq`,
				[milestone]
			)
		);
	const status = async (milestone: string) =>
		(
			await db().service('test: status', (tx) =>
				tx.query<{ status: string }>('select status from public.poc_milestones where id = $1', [
					milestone
				])
			)
		)[0].status;

	beforeAll(async () => {
		s = await createPartnerScenario(db());
	});

	it('the partner plans milestones; the first starts the proof of concept', async () => {
		first = await db().as(s.lead, (tx) =>
			addMilestone(tx, s.conceptA, { title: ' Pilot with 20 clients ', dueOn: '2027-03-31' })
		);
		second = await db().as(s.member, (tx) =>
			addMilestone(tx, s.conceptA, { title: 'Employer network', dueOn: '2027-05-31' })
		);
		bMilestone = await db().as(s.otherTeam, (tx) =>
			addMilestone(tx, s.conceptB, { title: 'Matching prototype', dueOn: '2027-04-30' })
		);
		const proof = await db().as(s.member, (tx) => readConceptProof(tx, s.conceptA));
		expect(proof?.isPartner).toBe(true);
		expect(proof?.milestones.map((m) => [m.title, m.dueOn, m.status])).toEqual([
			['Pilot with 20 clients', '2027-03-31', 'planned'],
			['Employer network', '2027-05-31', 'planned']
		]);
		expect(await record(first)).toEqual([{ step: 'plan', from: null, to: 'planned', reason: '' }]);
	});

	it('only the partner plans; bad input is refused and nothing is written', async () => {
		const plan = { title: 'Mine', dueOn: '2027-01-31' };
		for (const who of [s.owner, s.otherTeam, s.outsider, s.otherOwner])
			expect(await refused(db(), who, (tx) => addMilestone(tx, s.conceptA, plan))).toBe(
				'poc_not_partner'
			);
		expect(
			await refused(db(), s.lead, (tx) => addMilestone(tx, s.conceptA, { ...plan, title: ' ' }))
		).toBe('poc_title_missing');
		expect(
			await refused(db(), s.lead, (tx) =>
				addMilestone(tx, s.conceptA, { ...plan, dueOn: '2027-02-30' })
			)
		).toBe('poc_due_invalid');
		const proof = await db().as(s.owner, (tx) => readConceptProof(tx, s.conceptA));
		expect(proof?.milestones).toHaveLength(2);
	});

	it('the partner delivers with evidence; nobody but the owner’s side accepts it', async () => {
		expect(
			await refused(db(), s.lead, (tx) => stepMilestone(tx, first, 'deliver', { evidence: ' ' }))
		).toBe('poc_evidence_missing');
		await db().as(s.lead, (tx) => stepMilestone(tx, first, 'start', {}));
		await db().as(s.lead, (tx) =>
			stepMilestone(tx, first, 'deliver', {
				evidence: '22 clients started.',
				links: ['https://example.fi/report']
			})
		);
		await db().as(s.member, (tx) =>
			stepMilestone(tx, second, 'deliver', { evidence: 'Five employers signed.' })
		);
		for (const who of [s.lead, s.member, s.otherTeam, s.outsider, s.otherOwner]) {
			const code = await refused(db(), who, (tx) =>
				stepMilestone(tx, first, 'accept', { reason: 'Looks good.' })
			);
			expect(['poc_not_owner', 'poc_unknown']).toContain(code);
		}
		// Past the functions, straight at the table, as the Data API would allow if it could.
		for (const who of [s.lead, s.owner])
			expect(
				await attempt(
					db(),
					who,
					"update public.poc_milestones set status = 'accepted' where id = $1",
					[first]
				)
			).toBe('denied');
		expect(await status(first)).toBe('delivered');
	});

	it('the owner accepts one and rejects the other with a reason; each change on record', async () => {
		expect(
			await refused(db(), s.owner, (tx) => stepMilestone(tx, second, 'reject', { reason: ' ' }))
		).toBe('poc_reason_missing');
		await db().as(s.owner, (tx) =>
			stepMilestone(tx, first, 'accept', { reason: 'Target of 20 clients met.' })
		);
		await db().as(s.owner, (tx) =>
			stepMilestone(tx, second, 'reject', { reason: 'Two of the five are not employers.' })
		);
		expect(await status(first)).toBe('accepted');
		expect(await status(second)).toBe('rejected');
		// Accepted: never changes again, whoever tries.
		expect(
			await refused(db(), s.lead, (tx) =>
				stepMilestone(tx, first, 'replan', { title: 'Later', dueOn: '2027-06-30' })
			)
		).toBe('poc_accepted');
		expect(
			await refused(db(), s.owner, (tx) => stepMilestone(tx, first, 'reject', { reason: 'No.' }))
		).toBe('poc_accepted');
		// The rejected one is re-planned and delivered again.
		await db().as(s.member, (tx) =>
			stepMilestone(tx, second, 'replan', {
				title: 'Employer network, five companies',
				dueOn: '2027-06-30',
				reason: 'Counted only companies.'
			})
		);
		expect(
			await refused(db(), s.owner, (tx) => stepMilestone(tx, second, 'accept', { reason: 'x' }))
		).toBe('poc_bad_step');
		const history = await record(second);
		expect(history.map((e) => `${e.step}:${e.from ?? '-'}→${e.to}`)).toEqual([
			'plan:-→planned',
			'deliver:planned→delivered',
			'reject:delivered→rejected',
			'replan:rejected→planned'
		]);
		expect(replayMilestone(history)).toBe(await status(second));
		expect(replayMilestone(await record(first))).toBe('accepted');
		// The record itself is never changed, not even by the migrating role.
		await expect(
			db().service('test: rewrite the record', (tx) =>
				tx.query("update public.poc_milestone_events set reason = 'x' where milestone_id = $1", [
					first
				])
			)
		).rejects.toMatchObject({ hint: 'poc_record_locked' });
	});

	it('RLS: each partner reads its own; the owner’s side all; others nothing', async () => {
		const count = (who: Principal, table: string) =>
			attempt(db(), who, `select 1 from public.${table}`);
		expect(await count(s.owner, 'proofs_of_concept')).toBe(2);
		expect(await count(s.owner, 'poc_milestones')).toBe(3);
		expect(await count(s.lead, 'poc_milestones')).toBe(2);
		expect(await count(s.otherTeam, 'poc_milestones')).toBe(1);
		expect(await count(s.otherTeam, 'poc_milestone_events')).toBe(1);
		expect(
			await attempt(db(), s.lead, 'select 1 from public.poc_milestones where id = $1', [bMilestone])
		).toBe(0);
		for (const who of [s.outsider, s.otherOwner]) {
			expect(await count(who, 'proofs_of_concept')).toBe(0);
			expect(await count(who, 'poc_milestones')).toBe(0);
			expect(await count(who, 'poc_milestone_events')).toBe(0);
		}
		expect(await db().as(s.outsider, (tx) => readConceptProof(tx, s.conceptA))).toBeNull();
		const owner = await db().as(s.owner, (tx) => readChallengeProofs(tx, s.challenge.id));
		expect(owner.partners.map((p) => [p.teamName, p.counts.total])).toHaveLength(2);
		const outsider = await db().as(s.outsider, (tx) => readChallengeProofs(tx, s.challenge.id));
		expect(outsider.partners).toEqual([]);
	});

	it('go / no-go: A continued, B dropped with reasons; mailed; milestones close', async () => {
		const items = (reasonB: string) => [
			{
				itemKind: 'concept' as const,
				item: s.conceptA,
				chosen: true,
				reason: 'Every milestone met.'
			},
			{ itemKind: 'concept' as const, item: s.conceptB, chosen: false, reason: reasonB }
		];
		expect(
			await refused(db(), s.lead, (tx) =>
				prepareDecision(tx, s.challenge.id, 'proof_of_concept', { items: items('x') })
			)
		).toBe('decision_not_chair');
		let draft = await db().as(s.owner, (tx) =>
			prepareDecision(tx, s.challenge.id, 'proof_of_concept', { items: items('') })
		);
		expect(await refused(db(), s.owner, (tx) => publishDecision(tx, draft))).toBe(
			'decision_reason_missing'
		);
		draft = await db().as(s.owner, (tx) =>
			prepareDecision(tx, s.challenge.id, 'proof_of_concept', { items: items('x').slice(0, 1) })
		);
		expect(await refused(db(), s.owner, (tx) => publishDecision(tx, draft))).toBe(
			'decision_items_incomplete'
		);
		draft = await db().as(s.owner, (tx) =>
			prepareDecision(tx, s.challenge.id, 'proof_of_concept', {
				items: items('The prototype matched too few clients.'),
				details: { rationale: 'Continued where the milestones were met.' }
			})
		);
		await drainOutbox(db());
		await db().as(s.owner, (tx) => publishDecision(tx, draft));
		const mails = await drainOutbox(db());
		expect(mails.map((m) => m.to).sort()).toEqual(
			[s.lead.email, s.member.email, s.otherTeam.email].sort()
		);

		const standing = async (who: Principal, concept: string) => {
			const facts = await db().as(who, (tx) => readStandingFacts(tx, concept));
			return standingOutcome(conceptStanding(facts!));
		};
		expect(await standing(s.lead, s.conceptA)).toBe('continued');
		expect(await standing(s.otherTeam, s.conceptB)).toBe('dropped');
		// Team B reads its own item only.
		expect(
			await attempt(
				db(),
				s.otherTeam,
				'select 1 from public.decision_items where decision_id = $1',
				[draft]
			)
		).toBe(1);
		expect(
			await attempt(db(), s.outsider, 'select 1 from public.decisions where id = $1', [draft])
		).toBe(0);

		expect(
			await refused(db(), s.member, (tx) =>
				stepMilestone(tx, second, 'deliver', { evidence: 'Late.' })
			)
		).toBe('poc_closed');
		expect(
			await refused(db(), s.lead, (tx) =>
				addMilestone(tx, s.conceptA, { title: 'More', dueOn: '2027-09-30' })
			)
		).toBe('poc_closed');
	});

	describe('one rule in TypeScript and SQL', () => {
		it('the steps: milestoneAfter and private.poc_milestone_after agree', async () => {
			const steps: MilestoneStep[] = ['start', 'deliver', 'replan', 'accept', 'reject'];
			const cases = MILESTONE_STATUSES.flatMap((status) =>
				steps.flatMap((step) =>
					(['partner', 'owner'] as const).map((actor) => ({ status, step, actor }))
				)
			);
			const sql = await sqlAnswers<string | null>(
				db(),
				"private.poc_milestone_after(c ->> 'status', c ->> 'step', c ->> 'actor')",
				cases
			);
			expect(sql).toEqual(cases.map((c) => milestoneAfter(c.status, c.step, c.actor)));
		});

		it('the inputs: milestoneIssue and private.poc_milestone_issue agree', async () => {
			const long = (n: number) => 'x'.repeat(n);
			const cases: {
				step: MilestoneStep | 'plan';
				title?: string;
				dueOn?: string;
				evidence?: string;
				links?: string[];
				reason?: string;
			}[] = [
				{ step: 'plan', title: 'Pilot', dueOn: '2027-03-31' },
				{ step: 'plan', title: ' \u00a0', dueOn: '2027-03-31' },
				{ step: 'plan', title: long(200), dueOn: '2027-03-31' },
				{ step: 'plan', title: long(201), dueOn: '2027-03-31' },
				{ step: 'plan', title: '😀'.repeat(200), dueOn: '2027-03-31' },
				{ step: 'replan', title: 'Pilot', dueOn: '2027-02-30' },
				{ step: 'replan', title: 'Pilot', dueOn: '2027-2-3' },
				{ step: 'replan', title: 'Pilot', dueOn: '1999-12-31' },
				{ step: 'replan', title: 'Pilot', dueOn: '2101-01-01' },
				{ step: 'replan', title: 'Pilot' },
				{ step: 'deliver', evidence: ' ', links: [] },
				{ step: 'deliver', evidence: 'Done', links: [] },
				{ step: 'deliver', evidence: '', links: ['https://a.example/x?y=1#z'] },
				{ step: 'deliver', evidence: '', links: ['javascript:alert(1)'] },
				{ step: 'deliver', evidence: '', links: ['https://a.example/ä'] },
				{ step: 'deliver', evidence: '', links: ['https://a.example/x y'] },
				{ step: 'deliver', evidence: '', links: ['http://a.example:8080'] },
				{ step: 'deliver', evidence: '', links: ['https://'] },
				{ step: 'deliver', evidence: '', links: [`https://a.example/${long(2000)}`] },
				{ step: 'start', links: Array(11).fill('https://a.example') },
				{ step: 'start', evidence: long(8001) },
				{ step: 'start' },
				{ step: 'accept', reason: '' },
				{ step: 'reject', reason: '\n\t' },
				{ step: 'reject', reason: 'Too few.' },
				{ step: 'accept', reason: long(4001) },
				{ step: 'replan', title: 'Pilot', dueOn: '2027-03-31', reason: long(4001) }
			];
			const sql = await sqlAnswers<string | null>(
				db(),
				`private.poc_milestone_issue(c ->> 'step', c ->> 'title', c ->> 'dueOn', c ->> 'evidence',
				   case when c ? 'links' then array(select jsonb_array_elements_text(c -> 'links')) end,
				   c ->> 'reason')`,
				cases
			);
			expect(sql).toEqual(cases.map(({ step, ...input }) => milestoneIssue(step, input)));
		});
	});
});
