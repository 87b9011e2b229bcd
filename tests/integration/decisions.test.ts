import { beforeAll, describe, expect, it } from 'vitest';
import type { Database, Principal } from '../../src/lib/server/db/database';
import {
	correctDecision,
	prepareDecision,
	publishDecision,
	readDecision,
	readMyResult
} from '../../src/lib/server/decisions';
import type { DecisionItemInput } from '../../src/lib/domain/jury/decision-schemas';
import { createTeamWith } from './application-fixtures';
import { attempt } from './attempt';
import { describeEachDatabase } from './databases';
import { createUser } from './fixtures';
import { appointJuror } from './jury-fixtures';
import { drainOutbox } from './mail-helpers';
import { saveScreening } from '../../src/lib/server/applications/screening';
import { createScreeningScenario, type ScreeningScenario } from './screening-fixtures';

/**
 * Decisions (issue 13; supabase/migrations/20261206000100_decisions.sql) as Supabase's Data
 * API would meet them: every call as `authenticated` with the user's claims. Three eligible
 * applications (A, B, C) are scored by two jurors; juror 2 declares a conflict on B after
 * submitting it. The chair (the owner) shortlists one (k = 1) and publishes; then corrects.
 */
type User = { id: string; email: string };

/** The reason code a refused call gave (the hint of TK422 / 42501), or 'ok'. */
async function refused(db: Database, who: Principal, sql: string, params: unknown[] = []) {
	return db
		.as(who, (tx) => tx.query(sql, params))
		.then(
			() => 'ok',
			(e: { hint?: string; code?: string; message: string }) => e.hint || e.code || e.message
		);
}

const PREPARE = 'select public.decision_prepare($1, $2, $3::text::jsonb, $4::text::jsonb) as id';
const PUBLISH = 'select public.decision_publish($1)';

describeEachDatabase('decisions', (db) => {
	let s: ScreeningScenario;
	let carl: User;
	let appC: string;
	let j1: User, j2: User;
	let impact: string, feasibility: string;
	let first: string;
	const A = () => s.appA.id;
	const B = () => s.appB.id;

	/** The three items, A ranked first; `chosen` names which are chosen. */
	const items = (chosen: string[], reason = 'Scored so.'): DecisionItemInput[] =>
		[A(), B(), appC].map((item, i) => ({
			item,
			chosen: chosen.includes(item),
			rank: i + 1,
			reason,
			quality: 30 - i * 5,
			total: 30 - i * 5
		}));

	/** What the decisions' tables hold, to show a refusal changed nothing. */
	const snapshot = () =>
		db().service('test: decisions as they are', (tx) =>
			tx.query(
				`select d.id, d.published_at, d.rationale, d.deviation, i.application_id, i.chosen, i.reason,
				        (select count(*) from public.decision_scores x where x.item_id = i.id) as scores
				 from public.decisions d left join public.decision_items i on i.decision_id = d.id
				 where d.challenge_id = $1 and d.stage <> 'screening' order by d.id, i.application_id`,
				[s.challenge.id]
			)
		);

	beforeAll(async () => {
		s = await createScreeningScenario(db());
		carl = await createUser(db(), 'Carl Cteam');
		j1 = await createUser(db(), 'Juho Juror');
		j2 = await createUser(db(), 'Jaana Juror');
		const teamC = await createTeamWith(db(), carl.id);
		[impact, feasibility, appC] = await db().service('test fixture: decisions', async (tx) => {
			const [c] = await tx.query<{ id: string }>(
				`insert into public.applications (challenge_id, team_id, status, submitted_at, digest, snapshot)
				 values ($1, $2, 'submitted', now(), $3, '{"team": {"name": "Team C"}}') returning id`,
				[s.challenge.id, teamC.id, 'c'.repeat(64)]
			);
			for (const app of [s.appB.id, c.id]) {
				await tx.query(
					`insert into public.screening_decisions (application_id, eligible, justification, decided_by)
					 values ($1, true, 'Meets every minimum requirement', $2)`,
					[app, s.owner.id]
				);
			}
			// Team A's member reads Swedish, its lead English.
			await tx.query(`update public.profiles set locale = 'sv' where id = $1`, [s.member.id]);
			await tx.query(
				`insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at, decision_on, signatory)
				 values ($1, 'shortlisting', now() - interval '2 days', now() + interval '20 days', '2026-12-20', 'Mayor Meri')`,
				[s.challenge.id]
			);
			const rows = await tx.query<{ id: string }>(
				`insert into public.challenge_criteria (challenge_id, stage, position, name, max_points)
				 values ($1, 'shortlisting', 1, '{"en": "Impact"}', 30),
				        ($1, 'shortlisting', 2, '{"en": "Feasibility"}', 10)
				 returning id`,
				[s.challenge.id]
			);
			return [...rows.map((r) => r.id), c.id];
		});
		const juror1 = await appointJuror(db(), s.owner, s.challenge.id, 'shortlisting', j1);
		const juror2 = await appointJuror(db(), s.owner, s.challenge.id, 'shortlisting', j2);
		const all = [A(), B(), appC];
		for (const j of [j1, j2]) {
			await db().as(j, (tx) =>
				tx.query('select public.jury_declare_conflicts($1, $2, $3::text::jsonb)', [
					s.challenge.id,
					'shortlisting',
					JSON.stringify(all.map((item) => ({ item, conflict: false })))
				])
			);
		}
		await db().as(s.owner, (tx) =>
			tx.query('select public.jury_assign($1, $2, $3::text::jsonb)', [
				s.challenge.id,
				'shortlisting',
				JSON.stringify([juror1, juror2].flatMap((juror) => all.map((item) => ({ juror, item }))))
			])
		);
		for (const [j, base] of [
			[j1, 20],
			[j2, 24]
		] as const) {
			for (const [n, item] of all.entries()) {
				await db().as(j, (tx) =>
					tx.query("select public.jury_submit_scores('application', $1, $2::text::jsonb)", [
						item,
						JSON.stringify([
							{ criterion: impact, points: base - n * 4, justification: `${j.email} on ${n}` },
							{ criterion: feasibility, points: 8 - n, justification: `Feasible ${n}` }
						])
					])
				);
			}
		}
		// Juror 2 declares a conflict on B after submitting: those scores must not count.
		await db().as(j2, (tx) =>
			tx.query('select public.jury_declare_conflicts($1, $2, $3::text::jsonb)', [
				s.challenge.id,
				'shortlisting',
				JSON.stringify([{ item: B(), conflict: true }])
			])
		);
	});

	describe('preparing', () => {
		it('is the chair’s, for an evaluated stage and its own items', async () => {
			const args = (stage: string, list: unknown) => [
				s.challenge.id,
				stage,
				JSON.stringify(list),
				'{}'
			];
			const ok = items([A()]);
			expect(await refused(db(), s.lead, PREPARE, args('shortlisting', ok))).toBe(
				'decision_not_chair'
			);
			expect(await refused(db(), j1, PREPARE, args('shortlisting', ok))).toBe('decision_not_chair');
			expect(await refused(db(), null, PREPARE, args('shortlisting', ok))).toMatch(/42501/);
			expect(await refused(db(), s.owner, PREPARE, args('screening', ok))).toBe(
				'decision_unknown_stage'
			);
			expect(
				await refused(
					db(),
					s.owner,
					PREPARE,
					args('shortlisting', [{ ...ok[0], item: s.draftA.id }])
				)
			).toBe('decision_unknown_item');
			expect(await refused(db(), s.owner, PREPARE, args('shortlisting', [ok[0], ok[0]]))).toBe(
				'decision_duplicate'
			);
			expect(
				await refused(db(), s.owner, PREPARE, args('shortlisting', [{ ...ok[0], chosen: 'yes' }]))
			).toBe('decision_bad_input');
			expect(
				await refused(db(), s.owner, PREPARE, args('shortlisting', [{ ...ok[0], rank: 1.5 }]))
			).toBe('decision_bad_input');
			expect(
				await refused(db(), s.owner, PREPARE, args('shortlisting', [{ ...ok[0], item: 'nope' }]))
			).toBe('decision_unknown_item');
			expect(await snapshot()).toEqual([]);
		});

		it('keeps one draft per stage, with the timetable’s signatory and date', async () => {
			first = await db().as(s.owner, (tx) =>
				prepareDecision(tx, s.challenge.id, 'shortlisting', { items: items([A()], '') })
			);
			const again = await db().as(s.owner, (tx) =>
				prepareDecision(tx, s.challenge.id, 'shortlisting', {
					items: items([A()], ''),
					details: { rationale: 'Ranked by the jury.' }
				})
			);
			expect(again).toBe(first);
			const doc = await db().as(s.owner, (tx) => readDecision(tx, first));
			expect(doc?.decision).toMatchObject({
				stage: 'shortlisting',
				kind: 'decision',
				signatory: 'Mayor Meri',
				decidedOn: '2026-12-20',
				publishedAt: null,
				comparisonPublished: false,
				rationale: 'Ranked by the jury.',
				preparedByName: 'Olga Owner'
			});
			// Left empty, the standard instructions in the challenge's primary language, marked
			// as standard so that a page shows them in its reader's.
			const [{ standard }] = await db().service('test: the standard appeal', (tx) =>
				tx.query<{ standard: string }>(
					`select private.decision_default_appeal(primary_locale) as standard
					 from public.challenges where id = $1`,
					[s.challenge.id]
				)
			);
			expect(doc?.decision).toMatchObject({ appeal: standard, standardAppeal: true });
			expect(doc?.items.map((i) => i.teamName)).toHaveLength(3);
			// A draft is the owner's side's only.
			for (const who of [s.lead, s.otherTeam, s.outsider, j1]) {
				expect(await db().as(who, (tx) => readDecision(tx, first))).toBeNull();
			}
		});
	});

	// Issue 17: a signatory of invisible characters only was saved as the decision's.
	it('takes a signatory or appeal of only invisible characters for none given', async () => {
		const [row] = await db().as(s.owner, (tx) =>
			tx.query<{ id: string }>(PREPARE, [
				s.challenge.id,
				'shortlisting',
				JSON.stringify(items([A()], '')),
				JSON.stringify({ signatory: '\u00a0\u200b', appeal: '\u200b\u2060' })
			])
		);
		expect(row.id).toBe(first);
		const doc = await db().as(s.owner, (tx) => readDecision(tx, first));
		expect(doc?.decision.signatory).toBe('Mayor Meri');
		expect(doc?.decision.appeal).toMatch(/[a-zåäö]/i);
	});

	describe('publishing', () => {
		const publishAs = (who: Principal) => refused(db(), who, PUBLISH, [first]);
		const redraft = (list: DecisionItemInput[], deviation = '') =>
			db().as(s.owner, (tx) =>
				prepareDecision(tx, s.challenge.id, 'shortlisting', { items: list, details: { deviation } })
			);

		it('a draft shows the jury’s mean points as publication will freeze them', async () => {
			const doc = await db().as(s.owner, (tx) => readDecision(tx, first));
			const a = doc?.comparison.find(
				(r) => r.itemId === doc.items[0].id && r.criterionId === impact
			);
			expect(a?.meanPoints).toBe(22);
			expect(doc?.scores).toEqual([]);
		});

		it('refuses every decision that does not stand, changing nothing', async () => {
			const before = await snapshot();
			expect(await publishAs(s.lead)).toBe('decision_not_chair');
			expect(await publishAs(s.owner)).toBe('decision_count_unset');
			await db().service('test fixture: shortlist count', (tx) =>
				tx.query('update public.challenges set shortlist_count = 1 where id = $1', [s.challenge.id])
			);
			expect(await publishAs(s.owner)).toBe('decision_reason_missing');
			expect(await snapshot()).toEqual(before);

			await redraft(items([A()]).slice(0, 2));
			expect(await publishAs(s.owner)).toBe('decision_items_incomplete');
			await redraft(items([]));
			expect(await publishAs(s.owner)).toBe('decision_empty');
			await redraft(items([A(), B(), appC]), 'All three.');
			expect(await publishAs(s.owner)).toBe('decision_too_many');
			await redraft(items([B()]));
			expect(await publishAs(s.owner)).toBe('decision_justification_missing');
			await redraft(items([A(), B()]));
			expect(await publishAs(s.owner)).toBe('decision_justification_missing');
			// Issue 17: a justification of zero-width space, no-break space, space, word joiner.
			await redraft(items([B()]), '\u200b\u00a0 \u2060');
			expect(await publishAs(s.owner)).toBe('decision_justification_missing');
			await redraft(items([B()]), '\u2066\u00ad\ufeff\u{e007f}');
			await expect(db().as(s.owner, (tx) => publishDecision(tx, first))).rejects.toMatchObject({
				hint: 'decision_justification_missing'
			});
			const unpublished = await snapshot();
			expect(unpublished.every((r) => r.published_at === null && Number(r.scores) === 0)).toBe(
				true
			);
			expect(await refused(db(), s.owner, PUBLISH, ['00000000-0000-4000-8000-000000000000'])).toBe(
				'decision_unknown'
			);
		});

		it('dates a decision within its window: never before the challenge, never in the future', async () => {
			const dated = (decidedOn: string) => [
				s.challenge.id,
				'shortlisting',
				JSON.stringify(items([A()])),
				JSON.stringify({ decidedOn })
			];
			// The outside tester's 1 January 1900, and a day past the timetable's plan.
			expect(await refused(db(), s.owner, PREPARE, dated('1900-01-01'))).toBe(
				'decision_day_before_challenge'
			);
			expect(await refused(db(), s.owner, PREPARE, dated('2099-12-31'))).toBe(
				'decision_day_in_future'
			);
			// A draft may carry a day up to the planned 20 December; publishing refuses a day
			// still to come unless it is the planned one (then dated the day of publication).
			const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(
				new Date()
			);
			if (today < '2026-12-19') {
				expect(await refused(db(), s.owner, PREPARE, dated('2026-12-19'))).toBe('ok');
				expect(await publishAs(s.owner)).toBe('decision_day_in_future');
			}
			// An appeal text the owner wrote is theirs, not the standard one.
			await db().as(s.owner, (tx) =>
				prepareDecision(tx, s.challenge.id, 'shortlisting', {
					items: items([A()]),
					details: { appeal: 'Write to the registry.' }
				})
			);
			const own = await db().as(s.owner, (tx) => readDecision(tx, first));
			expect(own?.decision).toMatchObject({
				appeal: 'Write to the registry.',
				standardAppeal: false
			});
			// Nor by a direct write: the table refuses the day whoever writes it.
			expect(
				await db()
					.service('test: a direct write of the day', (tx) =>
						tx.query(`update public.decisions set decided_on = '1900-01-01' where id = $1`, [first])
					)
					.then(
						() => 'ok',
						(e: { hint?: string }) => e.hint
					)
			).toBe('decision_day_before_challenge');
		});

		it('publishes the top k, freezes the scores without a conflicted juror’s, mails every member', async () => {
			await drainOutbox(db());
			await redraft(items([A()]));
			const at = await db().as(s.owner, (tx) => publishDecision(tx, first));
			expect(at).toBeInstanceOf(Date);
			// Dated the day it is made: the timetable's planned 20 December, or the day of
			// publication when that comes first (never a day still to come).
			const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(at!);
			const dated = await db().as(s.owner, (tx) => readDecision(tx, first));
			expect(dated?.decision.decidedOn).toBe(today < '2026-12-20' ? today : '2026-12-20');
			const frozen = await db().service('test: frozen scores', (tx) =>
				tx.query<{ application_id: string; n: number; jurors: number[] }>(
					`select i.application_id, count(*)::int as n,
					        array_agg(distinct x.juror_ordinal order by x.juror_ordinal) as jurors
					 from public.decision_items i join public.decision_scores x on x.item_id = i.id
					 where i.decision_id = $1 group by i.application_id`,
					[first]
				)
			);
			const by = Object.fromEntries(frozen.map((r) => [r.application_id, r]));
			expect(by[A()]).toMatchObject({ n: 4, jurors: [1, 2] });
			expect(by[B()]).toMatchObject({ n: 2, jurors: [1] });
			expect(by[appC]).toMatchObject({ n: 4 });

			const mails = await drainOutbox(db());
			const to = (u: User) => mails.filter((m) => m.to === u.email);
			expect(to(s.lead)).toHaveLength(1);
			expect(to(s.lead)[0].subject).toMatch(/^Decision published/);
			expect(to(s.member)[0].subject).toMatch(/^Beslut publicerat/);
			expect(to(s.otherTeam)[0].text).toMatch(/was not chosen/);
			expect(to(carl)).toHaveLength(1);
			expect(to(s.outsider)).toHaveLength(0);
		});
	});

	describe('a published decision', () => {
		it('cannot change, directly or through the definer functions', async () => {
			const before = await snapshot();
			expect(await refused(db(), s.owner, PUBLISH, [first])).toBe('decision_already_published');
			expect(
				await refused(db(), s.owner, PREPARE, [
					s.challenge.id,
					'shortlisting',
					JSON.stringify(items([B()])),
					'{}'
				])
			).toBe('decision_already_published');
			for (const sql of [
				"update public.decisions set rationale = 'x' where id = $1",
				'delete from public.decisions where id = $1',
				"update public.decision_items set reason = 'x' where decision_id = $1",
				'delete from public.decision_scores where item_id in (select id from public.decision_items where decision_id = $1)'
			]) {
				expect(await attempt(db(), s.owner, sql, [first])).toBe('denied');
				await expect(
					db().service('test: past the guard', (tx) => tx.query(sql, [first]))
				).rejects.toMatchObject({ hint: 'decision_locked' });
			}
			await expect(
				db().service('test: past the guard', (tx) =>
					tx.query(
						`insert into public.decision_items (decision_id, application_id, chosen, reason)
						 values ($1, $2, true, 'x')`,
						[first, s.draftA.id]
					)
				)
			).rejects.toMatchObject({ hint: 'decision_locked' });
			expect(await snapshot()).toEqual(before);
		});
	});

	describe('who reads it', () => {
		it('a team: its own item, its own scores with justifications, the chosen teams', async () => {
			const [result] = await db().as(s.otherTeam, (tx) => readMyResult(tx, B()));
			expect(result.item).toMatchObject({ applicationId: B(), chosen: false, rank: 2 });
			expect(result.scores.map((x) => x.juror)).toEqual([1, 1]);
			expect(result.scores[0].justification).toMatch(/on 1$/);
			expect(result.chosen).toHaveLength(1);
			expect(result.comparison).toEqual([]);
			expect(result.criteria.map((c) => c.maxPoints)).toEqual([30, 10]);

			const doc = await db().as(s.lead, (tx) => readDecision(tx, first));
			expect(doc?.items.map((i) => i.applicationId)).toEqual([A()]);
			expect(doc?.scores.every((x) => x.itemId === doc.items[0].id)).toBe(true);
			expect(doc?.scores.some((x) => x.justification.includes('on 1'))).toBe(false);
			// Another team's result is not the lead's to read.
			expect(await db().as(s.lead, (tx) => readMyResult(tx, B()))).toEqual([]);
			const seen = await db().as(s.lead, (tx) =>
				tx.query('select justification from public.decision_scores')
			);
			expect(seen).toHaveLength(4);
		});

		it('nobody else: another organisation, a juror, a stranger, a visitor', async () => {
			for (const who of [s.outsider, s.otherOwner, j1, null]) {
				if (who) expect(await db().as(who, (tx) => readDecision(tx, first))).toBeNull();
				for (const table of ['decisions', 'decision_items', 'decision_scores']) {
					const n = await attempt(db(), who, `select 1 from public.${table}`);
					expect(n === 0 || n === 'denied', `${table}`).toBe(true);
				}
				const chosen = await attempt(db(), who, 'select * from public.decision_chosen($1)', [
					first
				]);
				expect(chosen === 0 || chosen === 'denied').toBe(true);
			}
		});

		it('the owner’s side: every item and score, and the comparison', async () => {
			const doc = await db().as(s.owner, (tx) => readDecision(tx, first));
			expect(doc?.items).toHaveLength(3);
			expect(doc?.scores).toHaveLength(10);
			const a = doc?.comparison.find(
				(r) => r.itemId === doc.items[0].id && r.criterionId === impact
			);
			expect(a?.meanPoints).toBe(22);
		});

		it('keeps each frozen justification in the language its juror wrote it', async () => {
			const rows = await db().service('test: languages of the frozen scores', (tx) =>
				tx.query<{ frozen: string; written: string; locale: string }>(
					`select s.lang as frozen, x.lang as written, p.locale
					 from public.decision_scores s
					 join public.decision_items i on i.id = s.item_id and i.decision_id = $1
					 join public.jury_scores x on x.application_id = i.application_id
					   and x.criterion_id = s.criterion_id and x.justification = s.justification
					 join public.jury_members j on j.id = x.juror_id
					 join public.profiles p on p.id = j.user_id`,
					[first]
				)
			);
			expect(rows.length).toBeGreaterThan(0);
			for (const r of rows) expect([r.frozen, r.written]).toEqual([r.locale, r.locale]);
		});
	});

	describe('a correction', () => {
		let second: string;

		it('is a new decision naming the one it replaces, which stays as it was', async () => {
			await drainOutbox(db());
			second = await db().as(s.owner, (tx) =>
				correctDecision(tx, first, {
					items: items([A(), B()]),
					details: { deviation: 'B’s plan was misread; two go on.', comparisonPublished: true }
				})
			);
			expect(second).not.toBe(first);
			expect(await refused(db(), s.lead, PUBLISH, [second])).toBe('decision_not_chair');
			await db().as(s.owner, (tx) => publishDecision(tx, second));
			expect(
				await refused(db(), s.owner, 'select public.decision_correct($1, $2::text::jsonb)', [
					first,
					JSON.stringify(items([A()]))
				])
			).toBe('decision_replaced');
			const old = await db().as(s.owner, (tx) => readDecision(tx, first));
			expect(old?.decision).toMatchObject({ replaced: true, replacedBy: second, kind: 'decision' });
			expect(old?.items.filter((i) => i.chosen)).toHaveLength(1);
			const mails = await drainOutbox(db());
			expect(mails.find((m) => m.to === s.lead.email)?.subject).toMatch(/^Corrected decision/);
		});

		it('is noted on the replaced decision by the database, once, and nothing else changes', async () => {
			const row = () =>
				db().service('test: replaced decision', async (tx) => {
					const [d] = await tx.query<Record<string, unknown>>(
						'select * from public.decisions where id = $1',
						[first]
					);
					return d;
				});
			const before = await row();
			expect(before.replaced_by).toBe(second);
			for (const sql of [
				'update public.decisions set replaced_by = null where id = $1',
				"update public.decisions set replaced_by = replaced_by, rationale = 'x' where id = $1",
				'update public.decisions set replaced_by = id where id = $1'
			]) {
				await expect(
					db().service('test: past the guard', (tx) => tx.query(sql, [first]))
				).rejects.toMatchObject({ hint: 'decision_locked' });
			}
			// The correction is published and replaced by nothing: no decision may claim it.
			await expect(
				db().service('test: past the guard', (tx) =>
					tx.query('update public.decisions set replaced_by = $2 where id = $1', [second, first])
				)
			).rejects.toMatchObject({ hint: 'decision_locked' });
			expect(await row()).toEqual(before);
		});

		it('shows the comparison when it publishes it, never others’ justifications', async () => {
			const results = await db().as(s.lead, (tx) => readMyResult(tx, A()));
			expect(results.map((r) => r.decision.id)).toEqual([second, first]);
			const [now] = results;
			expect(now.decision).toMatchObject({ kind: 'correction', replaces: first });
			expect(now.chosen).toHaveLength(2);
			const items = new Set(now.comparison.map((r) => r.itemId));
			expect(items.size).toBe(3);
			expect(Object.keys(now.comparison[0])).not.toContain('justification');
			expect(now.scores.every((x) => x.itemId === now.item.id)).toBe(true);
		});

		it('in an innovation partnership always publishes the comparison', async () => {
			await db().service('test fixture: procedure', (tx) =>
				tx.query(
					`update public.challenges set procedure = 'innovation_partnership' where id = $1`,
					[s.challenge.id]
				)
			);
			const third = await db().as(s.owner, (tx) =>
				correctDecision(tx, second, {
					items: items([A()]),
					details: { comparisonPublished: false }
				})
			);
			const doc = await db().as(s.owner, (tx) => readDecision(tx, third));
			expect(doc?.decision.comparisonPublished).toBe(true);
			// Back to an open challenge: its applications are open to screening again.
			await db().service('test fixture: procedure', (tx) =>
				tx.query(`update public.challenges set procedure = 'open_challenge' where id = $1`, [
					s.challenge.id
				])
			);
		});
	});
	describe('screening on the entity (20261206000110)', () => {
		const screening = () =>
			db().service('test: screening decisions of B', (tx) =>
				tx.query<{ kind: string; chosen: boolean; replaced: boolean }>(
					`select d.kind, i.chosen, d.replaced_by is not null as replaced
					 from public.decisions d join public.decision_items i on i.decision_id = d.id
					 where d.stage = 'screening' and i.application_id = $1 order by d.prepared_at, d.id`,
					[B()]
				)
			);

		it('a revision corrects the current decision; a withdrawal voids it', async () => {
			const [req1, req2] = s.challenge.requirementIds;
			await db().as(s.owner, (tx) =>
				saveScreening(tx, B(), {
					marks: [
						{ requirementId: req1, met: false, reason: 'No insurance.' },
						{ requirementId: req2, met: true, reason: '' }
					],
					decision: { eligible: false, justification: 'Insurance is missing.' }
				})
			);
			expect(await screening()).toEqual([
				{ kind: 'decision', chosen: true, replaced: true },
				{ kind: 'correction', chosen: false, replaced: false }
			]);
			const [seen] = await db().as(s.otherTeam, (tx) =>
				tx.query<{ eligible: boolean }>(
					'select eligible from public.screening_decisions where application_id = $1',
					[B()]
				)
			);
			expect(seen.eligible).toBe(false);
			await db().as(s.otherTeam, (tx) => tx.query('select public.withdraw_application($1)', [B()]));
			expect(await screening()).toEqual([
				{ kind: 'decision', chosen: true, replaced: true },
				{ kind: 'correction', chosen: false, replaced: true },
				{ kind: 'void', chosen: false, replaced: false }
			]);
			expect(
				await db().as(s.owner, (tx) =>
					tx.query('select 1 from public.screening_decisions where application_id = $1', [B()])
				)
			).toEqual([]);
		});
	});

	describe('a correction that no longer names a team', () => {
		let second: string;
		let correction: string;

		it('is published without the application withdrawn before it', async () => {
			// B's team withdrew above (screening on the entity): B is a draft again, which
			// shortlisting no longer decides on, so the correction of the current decision
			// names A and C only.
			const [b] = await db().service('test: B withdrawn', (tx) =>
				tx.query<{ status: string }>('select status from public.applications where id = $1', [B()])
			);
			expect(b.status).toBe('draft');
			[second] = (
				await db().service('test: the current shortlisting decision', (tx) =>
					tx.query<{ id: string }>(
						`select id from public.decisions
						 where challenge_id = $1 and stage = 'shortlisting' and kind = 'correction'
						   and published_at is not null and replaced_by is null`,
						[s.challenge.id]
					)
				)
			).map((r) => r.id);
			expect(second).toBeTruthy();
			correction = await db().as(s.owner, (tx) =>
				correctDecision(tx, second, { items: items([A()]).filter((i) => i.item !== B()) })
			);
			await db().as(s.owner, (tx) => publishDecision(tx, correction));
			const named = await db().service('test: items of the correction', (tx) =>
				tx.query<{ application_id: string }>(
					'select application_id from public.decision_items where decision_id = $1',
					[correction]
				)
			);
			expect(named.map((r) => r.application_id).sort()).toEqual([A(), appC].sort());
		});

		it('tells that team its decision was replaced, not by what, and hides the correction', async () => {
			const old = await db().as(s.otherTeam, (tx) => readDecision(tx, second));
			expect(old?.decision).toMatchObject({ id: second, replaced: true, replacedBy: null });
			expect(old?.items.map((i) => i.applicationId)).toEqual([B()]);
			// Its results: the decisions naming it, the newest replaced by one it may not open.
			const results = await db().as(s.otherTeam, (tx) => readMyResult(tx, B()));
			expect(results.map((r) => r.decision.id)).toEqual([second, first]);
			expect(results[0].decision).toMatchObject({ replaced: true, replacedBy: null });
			// The first decision's correction named B: that one it may open.
			expect(results[1].decision).toMatchObject({ replaced: true, replacedBy: second });

			// The correction itself is not B's to read, nor any of its rows.
			expect(await db().as(s.otherTeam, (tx) => readDecision(tx, correction))).toBeNull();
			for (const [sql, id] of [
				['select 1 from public.decisions where id = $1', correction],
				['select 1 from public.decisions where replaces = $1', second],
				['select 1 from public.decision_items where decision_id = $1', correction],
				['select 1 from public.decision_chosen($1)', correction],
				['select 1 from public.decision_comparison($1)', correction]
			]) {
				expect(await attempt(db(), s.otherTeam, sql, [id]), sql).toBe(0);
			}
		});

		it('names the correction to the teams it names, and to the owner’s side', async () => {
			for (const who of [s.lead, carl, s.owner]) {
				const old = await db().as(who, (tx) => readDecision(tx, second));
				expect(old?.decision, who.email).toMatchObject({ replaced: true, replacedBy: correction });
			}
		});
	});
});
