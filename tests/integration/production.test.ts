import { beforeAll, describe, expect, it } from 'vitest';
import type { Database, Principal } from '../../src/lib/server/db/database';
import {
	partnerResults,
	readPartnerPage,
	readPartnerResults,
	readProduction,
	reviewReport,
	saveCategory,
	submitReport
} from '../../src/lib/server/production';
import { outcomeRefusal } from '../../src/lib/server/http/outcome-refusals';
import { readMyResult } from '../../src/lib/server/decisions';
import { loadDashboard } from '../../src/lib/server/dashboard';
import { describeEachDatabase } from './databases';
import { createConcept, publishGoDecision } from './production-fixtures';
import { createScreeningScenario, type ScreeningScenario } from './screening-fixtures';

/**
 * The result-based bonus (issue 14; supabase/migrations/20261207000500_bonus.sql) as
 * Supabase's Data API would meet it: every call as `authenticated` with the user's claims.
 * Team A's concept is continued into production by the go/no-go decision, team B's is
 * dropped; the owner defines categories; team A reports, the owner confirms and disputes.
 */

/** The reason code a refused call gave (the hint of TK422 / 42501), or 'ok'. */
async function refused(db: Database, who: Principal, sql: string, params: unknown[] = []) {
	return db
		.as(who, (tx) => tx.query(sql, params))
		.then(
			() => 'ok',
			(e: { hint?: string; code?: string; message: string }) => e.hint || e.code || e.message
		);
}

const SUBMIT = 'select public.outcome_report_submit($1, $2::date, $3, $4, $5::text::jsonb) as id';
const REVIEW = 'select public.outcome_report_review($1, $2, $3)';
const CATEGORY = 'select public.outcome_category_save($1, $2, $3::text::jsonb, $4) as id';

/** The first day of the month `offset` months from now in Helsinki, by the database clock. */
async function month(db: Database, offset: number): Promise<string> {
	const [row] = await db.service('test: month', (tx) =>
		tx.query<{ m: string }>(
			`select to_char(date_trunc('month', now() at time zone 'Europe/Helsinki') + make_interval(months => $1), 'YYYY-MM-DD') as m`,
			[offset]
		)
	);
	return row.m;
}

describeEachDatabase('the result-based bonus', (db) => {
	let s: ScreeningScenario;
	let conceptA: string, conceptB: string;
	let permanent: string, vocational: string, elsewhere: string;
	let lastMonth: string, twoAgo: string, nextMonth: string;

	beforeAll(async () => {
		s = await createScreeningScenario(db());
		conceptA = await createConcept(db(), s.challenge.id, s.teamA.id, s.appA.id, 'Coach at work');
		conceptB = await createConcept(db(), s.challenge.id, s.teamB.id, s.appB.id, 'Class first');
		await publishGoDecision(db(), s.challenge.id, [conceptA], [conceptB]);
		[lastMonth, twoAgo, nextMonth] = await Promise.all([-1, -2, 1].map((n) => month(db(), n)));
		[permanent, vocational] = await db().as(s.owner, async (tx) => [
			await saveCategory(tx, s.challenge.id, {
				name: { fi: 'Toistaiseksi voimassa oleva työsuhde', en: 'Employment until further notice' },
				bonusCents: 200_000
			}),
			await saveCategory(tx, s.challenge.id, {
				name: { en: 'Starting vocational education' },
				bonusCents: 120_000
			})
		]);
		elsewhere = await db().as(s.owner, (tx) =>
			saveCategory(tx, s.secondChallenge.id, { name: { en: 'Elsewhere' }, bonusCents: 1 })
		);
	});

	const counts = (p: number, v: number) => JSON.stringify({ [permanent]: p, [vocational]: v });

	it('the go / no-go decision reaches each team through its concept: results and dashboard', async () => {
		// Its items name concepts, not applications: each team reads its own on its application.
		const [mine] = await db().as(s.lead, (tx) => readMyResult(tx, s.appA.id));
		expect(mine).toMatchObject({ decision: { stage: 'proof_of_concept' } });
		expect(mine.item).toMatchObject({ kind: 'concept', chosen: true, applicationId: s.appA.id });
		const [theirs] = await db().as(s.otherTeam, (tx) => readMyResult(tx, s.appB.id));
		expect(theirs.item).toMatchObject({ chosen: false, applicationId: s.appB.id });
		expect(await db().as(s.otherTeam, (tx) => readMyResult(tx, s.appA.id))).toEqual([]);
		const [a, b] = await Promise.all([
			loadDashboard(db(), s.member, 'en'),
			loadDashboard(db(), s.otherTeam, 'en')
		]);
		expect(a.applications.find((x) => x.id === s.appA.id)?.later).toMatchObject({
			stage: 'proof_of_concept',
			chosen: true
		});
		expect(b.applications.find((x) => x.id === s.appB.id)?.later).toMatchObject({
			stage: 'proof_of_concept',
			chosen: false
		});
		expect(b.applications.some((x) => x.id === s.appA.id)).toBe(false);
	});

	it("only the owner's side defines categories and targets", async () => {
		const args = [s.challenge.id, null, '{"en": "Other"}', 100];
		for (const who of [s.lead, s.otherTeam, s.outsider, s.otherOwner])
			expect(await refused(db(), who, CATEGORY, args)).toBe('outcome_not_owner');
		expect(await refused(db(), null, CATEGORY, args)).toMatch(/42501/);
		expect(await refused(db(), s.owner, CATEGORY, [s.challenge.id, null, '{"en": "  "}', 1])).toBe(
			'outcome_name_missing'
		);
		expect(await refused(db(), s.owner, CATEGORY, [s.challenge.id, null, '{"en": "X"}', -1])).toBe(
			'outcome_bonus_invalid'
		);
		const targets = 'select public.production_targets_save($1, $2, $3, $4)';
		expect(await refused(db(), s.lead, targets, [s.challenge.id, null, 200, 100])).toBe(
			'outcome_not_owner'
		);
		expect(await refused(db(), s.owner, targets, [s.challenge.id, null, 0, 100])).toBe(
			'outcome_target_invalid'
		);
		expect(await refused(db(), s.owner, targets, [s.challenge.id, conceptB, 10, 10])).toBe(
			'outcome_unknown'
		);
		expect(await refused(db(), s.owner, targets, [s.challenge.id, null, 200, 100])).toBe('ok');
	});

	it('refuses in the database a future month, a negative count and a category of another challenge', async () => {
		const bad: [unknown[], string][] = [
			[[conceptA, nextMonth, 5, 1, counts(1, 0)], 'outcome_month_in_future'],
			[
				[conceptA, lastMonth.replace(/01$/, '02'), 5, 1, counts(1, 0)],
				'outcome_month_not_first_day'
			],
			[[conceptA, lastMonth, -1, 1, counts(1, 0)], 'outcome_count_negative'],
			[[conceptA, lastMonth, 5, 3, counts(-1, 2)], 'outcome_count_negative'],
			[
				[conceptA, lastMonth, 5, 3, JSON.stringify({ [elsewhere]: 1 })],
				'outcome_category_other_challenge'
			],
			[
				[conceptA, lastMonth, 5, 3, JSON.stringify({ 'not-a-uuid': 1 })],
				'outcome_category_other_challenge'
			],
			[[conceptA, lastMonth, 5, 1, counts(1, 1)], 'outcome_results_above_progressed'],
			[[conceptA, lastMonth, 5, 1, JSON.stringify({ [permanent]: 1.5 })], 'outcome_bad_input']
		];
		for (const [args, code] of bad)
			expect(await refused(db(), s.lead, SUBMIT, args), code).toBe(code);
		// A dropped concept's team, the owner and an outsider are no partners in production.
		for (const [who, concept] of [
			[s.otherTeam, conceptB],
			[s.owner, conceptA],
			[s.outsider, conceptA]
		] as const)
			expect(await refused(db(), who, SUBMIT, [concept, lastMonth, 5, 1, counts(1, 0)])).toBe(
				'outcome_not_partner'
			);
		const [{ n }] = await db().service('test: nothing written', (tx) =>
			tx.query<{ n: number }>('select count(*)::int as n from public.outcome_reports')
		);
		expect(n).toBe(0);
		// The refusals come back to the form as words, 4xx.
		const e = await db()
			.as(s.lead, (tx) =>
				submitReport(tx, conceptA, {
					month: nextMonth,
					clientsStarted: 1,
					clientsProgressed: 0,
					results: {}
				})
			)
			.catch((x: unknown) => x);
		expect(outcomeRefusal(e)).toMatchObject({ status: 400, code: 'outcome_month_in_future' });
		expect(outcomeRefusal(e)?.message).not.toBe('outcome_refusal_month_in_future');
	});

	it('the partner reports, the owner confirms one month and disputes the other, the partner corrects it', async () => {
		const first = await db().as(s.lead, (tx) =>
			submitReport(tx, conceptA, {
				month: twoAgo,
				clientsStarted: 30,
				clientsProgressed: 10,
				results: { [permanent]: 4, [vocational]: 3 }
			})
		);
		const second = await db().as(s.member, (tx) =>
			submitReport(tx, conceptA, {
				month: lastMonth,
				clientsStarted: 20,
				clientsProgressed: 8,
				results: { [permanent]: 6 }
			})
		);
		expect(await refused(db(), s.lead, REVIEW, [first, 'confirmed', ''])).toBe('outcome_not_owner');
		expect(await refused(db(), s.otherOwner, REVIEW, [first, 'confirmed', ''])).toBe(
			'outcome_not_owner'
		);
		expect(await refused(db(), s.owner, REVIEW, [second, 'disputed', ' '])).toBe(
			'outcome_comment_missing'
		);
		expect(await refused(db(), s.owner, REVIEW, [second, 'approved', ''])).toBe(
			'outcome_bad_input'
		);

		// The owner uses the app in English: the comment keeps that language (WCAG 3.1.2).
		await db().service('test: the owner reads in English', (tx) =>
			tx.query("update public.profiles set locale = 'en' where id = $1", [s.owner.id])
		);
		await db().as(s.owner, async (tx) => {
			await reviewReport(tx, first, 'confirmed', '');
			await reviewReport(
				tx,
				second,
				'disputed',
				'Six permanent contracts? The register shows four.'
			);
		});
		expect(await refused(db(), s.owner, REVIEW, [first, 'disputed', 'Changed my mind'])).toBe(
			'outcome_report_reviewed'
		);
		// A confirmed month is locked: no correction, and not even the service changes it.
		expect(await refused(db(), s.lead, SUBMIT, [conceptA, twoAgo, 31, 10, counts(4, 3)])).toBe(
			'outcome_month_confirmed'
		);
		const changed = await db()
			.service('test: change a confirmed month', (tx) =>
				tx.query('update public.outcome_reports set clients_started = 99 where id = $1', [first])
			)
			.catch((e: { hint?: string }) => e.hint);
		expect(changed).toBe('outcome_month_confirmed');
		const counted = await db()
			.service('test: change a count', (tx) =>
				tx.query('update public.outcome_report_counts set count = 9 where report_id = $1', [first])
			)
			.catch((e: { hint?: string }) => e.hint);
		expect(counted).toBe('outcome_locked');
		// The bonus of a category in use is fixed; its name may change.
		expect(
			await refused(db(), s.owner, CATEGORY, [s.challenge.id, permanent, '{"en": "Permanent"}', 1])
		).toBe('outcome_category_in_use');
		expect(
			await refused(db(), s.owner, CATEGORY, [
				s.challenge.id,
				permanent,
				'{"en": "Permanent"}',
				200_000
			])
		).toBe('ok');
		expect(
			await refused(db(), s.owner, 'select public.outcome_category_delete($1)', [vocational])
		).toBe('outcome_category_in_use');

		const corrected = await db().as(s.lead, (tx) =>
			submitReport(tx, conceptA, {
				month: lastMonth,
				clientsStarted: 20,
				clientsProgressed: 8,
				results: { [permanent]: 4 }
			})
		);
		expect(await refused(db(), s.owner, REVIEW, [second, 'confirmed', ''])).toBe(
			'outcome_report_superseded'
		);

		const results = await db().as(s.lead, (tx) => readPartnerResults(tx, conceptA));
		expect(results?.versions.map((v) => [v.month, v.version, v.status])).toEqual([
			[twoAgo, 1, 'confirmed'],
			[lastMonth, 1, 'disputed'],
			[lastMonth, 2, 'submitted']
		]);
		expect(results?.inForce.map((v) => v.id)).toEqual([first, corrected]);
		expect(results?.summary).toMatchObject({
			clientsStarted: 50,
			clientsProgressed: 18,
			results: 11,
			bonusCents: 8 * 200_000 + 3 * 120_000
		});
		expect(results?.progress).toEqual([
			{ target: 'clients_started', reached: 50, goal: 200, share: 0.25 },
			{ target: 'results', reached: 11, goal: 100, share: 0.11 }
		]);
		expect(results?.versions[1].review).toMatchObject({
			verdict: 'disputed',
			comment: 'Six permanent contracts? The register shows four.',
			lang: 'en'
		});

		// Mail: the owner's team was asked to review; the partner's team heard the dispute.
		const mails = await db().service('test: mails', (tx) =>
			tx.query<{ template: string; to: string }>(
				`select template, to_email as "to" from private.mail_outbox
				 where template like 'outcome_%' order by id`
			)
		);
		expect(
			mails.filter((m) => m.template === 'outcome_report_submitted').map((m) => m.to)
		).toContain(s.owner.email);
		expect(mails.filter((m) => m.template === 'outcome_report_reviewed').map((m) => m.to)).toEqual(
			expect.arrayContaining([s.lead.email, s.member.email])
		);
	});

	it('reads: the owner every report, the partner its own, nobody else anything', async () => {
		const as = (who: Principal) => db().as(who, (tx) => readProduction(tx, s.challenge.id));
		const owner = await as(s.owner);
		expect(owner?.partners.map((p) => p.conceptId)).toEqual([conceptA]);
		expect(owner?.reports).toHaveLength(3);
		expect(owner?.categories).toHaveLength(2);
		const lead = await as(s.lead);
		expect(lead?.reports).toHaveLength(3);
		expect(lead?.categories).toHaveLength(2);
		for (const who of [s.otherTeam, s.outsider, s.otherOwner]) {
			const seen = await as(who);
			expect(seen?.reports ?? []).toHaveLength(0);
			expect(seen?.categories ?? []).toHaveLength(0);
			expect(seen?.partners ?? []).toHaveLength(0);
			expect(await db().as(who, (tx) => readPartnerResults(tx, conceptA))).toBeNull();
		}
		// The owner's side reads the results even of a concept it may not read (never tendered).
		expect((await db().as(s.owner, (tx) => readPartnerResults(tx, conceptA)))?.partner.teamId).toBe(
			s.teamA.id
		);
		expect(await db().as(s.owner, (tx) => readPartnerResults(tx, conceptB))).toBeNull();
		// The results page says what its reader is: the partner's team, or the owner's side.
		const roles = async (who: Principal) =>
			(await db().as(who, (tx) => readPartnerPage(tx, conceptA)))?.roles ?? null;
		expect(await roles(s.lead)).toEqual({ partner: true, owner: false });
		expect(await roles(s.owner)).toEqual({ partner: false, owner: true });
		for (const who of [s.otherTeam, s.outsider, s.otherOwner]) expect(await roles(who)).toBeNull();
		const results = partnerResults(owner!, owner!.partners[0]);
		expect(results.summary.months).toHaveLength(2);
	});

	it('a dropped concept never counts as continued; a corrected go decision moves who is in production', async () => {
		const ids = () =>
			db().service('test: production ids', (tx) =>
				tx.query<{ id: string }>('select private.production_concept_ids($1) as id', [
					s.challenge.id
				])
			);
		expect((await ids()).map((r) => r.id)).toEqual([conceptA]);
		await db().service('test fixture: correction', async (tx) => {
			const [{ id: current }] = await tx.query<{ id: string }>(
				`select id from public.decisions where challenge_id = $1 and stage = 'proof_of_concept'`,
				[s.challenge.id]
			);
			const [d] = await tx.query<{ id: string }>(
				`insert into public.decisions (challenge_id, stage, kind, replaces, decided_on)
				 values ($1, 'proof_of_concept', 'correction', $2, (now() at time zone 'Europe/Helsinki')::date) returning id`,
				[s.challenge.id, current]
			);
			await tx.query(
				`insert into public.decision_items (decision_id, item_kind, concept_id, chosen, reason)
				 values ($1, 'concept', $2, false, 'x'), ($1, 'concept', $3, true, 'y')`,
				[d.id, conceptA, conceptB]
			);
			await tx.query('update public.decisions set published_at = now() where id = $1', [d.id]);
		});
		expect((await ids()).map((r) => r.id)).toEqual([conceptB]);
		expect(await refused(db(), s.lead, SUBMIT, [conceptA, lastMonth, 1, 0, '{}'])).toBe(
			'outcome_not_partner'
		);
	});
});

describe('outcome refusal words', () => {
	it('every code has words in fi, sv and en', async () => {
		const { OUTCOME_REFUSALS } = await import('../../src/lib/server/http/outcome-refusals');
		const { translate } = await import('../../src/lib/server/i18n');
		for (const code of Object.keys(OUTCOME_REFUSALS)) {
			const key = code.replace(/^outcome_/, 'outcome_refusal_');
			for (const locale of ['fi', 'sv', 'en'] as const)
				expect(translate(key, {}, locale), `${key} ${locale}`).not.toBe(key);
		}
	});
});
