import { beforeAll, expect, it } from 'vitest';
import { renderMail } from '../../src/lib/server/mail/templates';
import { assignStage, readProgress, remindJurors } from '../../src/lib/server/jury/chair';
import { readResults } from '../../src/lib/server/jury/results';
import { describeEachDatabase } from './databases';
import { createUser } from './fixtures';
import { appointJuror, inviteJuror, refusal } from './jury-fixtures';
import { createScreeningScenario, type ScreeningScenario } from './screening-fixtures';

/**
 * The chair's side of the jury (issue 13; supabase/migrations/20261206000300_jury_chair.sql
 * and src/lib/server/jury/{chair,results}.ts): reminders through the outbox, progress,
 * assignment and the results the chair reads, on scores the jurors submitted through the
 * record's own functions.
 */
type User = { id: string; email: string };

describeEachDatabase('jury, the chair', (db) => {
	let s: ScreeningScenario;
	let j1: User, j2: User, j3: User, pending: User;
	let impact: string, feasibility: string;
	const A = () => s.appA.id;
	const B = () => s.appB.id;
	const card = (a: number, b: number) => [
		{ criterion: impact, points: a, justification: 'Clear plan.' },
		{ criterion: feasibility, points: b, justification: 'Realistic.' }
	];
	const submit = (who: User, item: string, a: number, b: number) =>
		db().as(who, (tx) =>
			tx.query('select public.jury_submit_scores($1, $2, $3::jsonb)', [
				'application',
				item,
				card(a, b)
			])
		);
	const declare = (who: User, item: string, conflict: boolean) =>
		db().as(who, (tx) =>
			tx.query('select public.jury_declare_conflicts($1, $2, $3::jsonb)', [
				s.challenge.id,
				'shortlisting',
				[{ item, conflict }]
			])
		);
	const outbox = (since: number) =>
		db().service('test: reminders', (tx) =>
			tx.query<{ to: string; locale: string; params: Record<string, unknown> }>(
				`select to_email as "to", locale, params from private.mail_outbox
				 where template = 'jury_reminder' and id > $1 order by to_email`,
				[since]
			)
		);
	const mark = async () => {
		const [r] = await db().service('test: mark', (tx) =>
			tx.query<{ id: number }>('select coalesce(max(id), 0)::int as id from private.mail_outbox')
		);
		return r.id;
	};

	beforeAll(async () => {
		s = await createScreeningScenario(db());
		j1 = await createUser(db(), 'Juho Juror');
		j2 = await createUser(db(), 'Jaana Juror');
		j3 = await createUser(db(), 'Jussi Juror');
		pending = await createUser(db(), 'Pia Pending');
		[impact, feasibility] = await db().service('test fixture: jury criteria', async (tx) => {
			await tx.query(
				`insert into public.screening_decisions (application_id, eligible, justification, decided_by)
				 values ($1, true, 'Meets every minimum requirement', $2)`,
				[s.appB.id, s.owner.id]
			);
			await tx.query(`update public.profiles set locale = 'fi' where id = $1`, [j2.id]);
			await tx.query(`update public.challenges set shortlist_count = 1 where id = $1`, [
				s.challenge.id
			]);
			const rows = await tx.query<{ id: string }>(
				`insert into public.challenge_criteria (challenge_id, stage, position, name, max_points)
				 values ($1, 'shortlisting', 1, '{"en": "Impact"}', 30),
				        ($1, 'shortlisting', 2, '{"en": "Feasibility"}', 10)
				 returning id`,
				[s.challenge.id]
			);
			return rows.map((r) => r.id);
		});
		for (const j of [j1, j2, j3]) {
			await appointJuror(db(), s.owner, s.challenge.id, 'shortlisting', j);
		}
		await inviteJuror(db(), s.owner, s.challenge.id, 'shortlisting', pending.email);
	});

	it('reads roster, items and progress for the team only', async () => {
		for (const fn of [
			'jury_roster',
			'jury_items',
			'jury_progress',
			'jury_scorecards',
			'jury_remind'
		]) {
			const sql = `select * from public.${fn}($1, 'shortlisting')`;
			for (const who of [s.outsider, s.lead, j1]) {
				expect(await refusal(db(), who, sql, [s.challenge.id]), `${fn}`).toBe('jury_not_chair');
			}
			expect(await refusal(db(), null, sql, [s.challenge.id]), `${fn} anon`).toMatch(
				/42501|permission/
			);
		}
		const progress = await db().as(s.owner, (tx) =>
			readProgress(tx, s.challenge.id, 'shortlisting')
		);
		expect(progress.items.map((i) => i.id).sort()).toEqual([A(), B()].sort());
		expect(progress.jurors.map((j) => j.label)).toEqual(
			expect.arrayContaining(['Juho Juror', 'Jaana Juror', 'Jussi Juror', pending.email])
		);
		expect(progress.jurors.find((j) => j.email === pending.email)?.acceptedAt).toBeNull();
	});

	it('assigns every juror every item, never a declared conflict', async () => {
		await declare(j3, B(), true);
		const outcome = await db().as(s.owner, (tx) =>
			assignStage(tx, s.challenge.id, 'shortlisting', null)
		);
		expect(outcome.pairs).toBe(5);
		expect(outcome.loads.map((l) => l.load).sort()).toEqual([1, 2, 2]);
		expect(
			await refusal(db(), j1, 'select public.jury_assign($1, $2, $3::jsonb)', [
				s.challenge.id,
				'shortlisting',
				'[]'
			])
		).toBe('jury_not_chair');
	});

	it('reminds each accepted juror with something missing, in their language, once per call', async () => {
		const since = await mark();
		const result = await db().as(s.owner, (tx) => remindJurors(tx, s.challenge.id, 'shortlisting'));
		expect(result).toEqual({ mailed: 3, notAccepted: 1 });
		const rows = await outbox(since);
		expect(rows.map((r) => r.to).sort()).toEqual([j1.email, j2.email, j3.email].sort());
		const jaana = rows.find((r) => r.to === j2.email)!;
		expect(jaana.locale).toBe('fi');
		expect(jaana.params).toMatchObject({
			procedure: 'open_challenge',
			stage: 'shortlisting',
			declarations: 2,
			scores: 2
		});
		expect(rows.find((r) => r.to === j3.email)!.params).toMatchObject({
			declarations: 1,
			scores: 1
		});
		const mail = renderMail('jury_reminder', jaana.params, {
			email: j2.email,
			name: 'Jaana',
			locale: 'fi'
		});
		expect(mail.text).toContain('/jury');
		expect(mail.text).toMatch(/2/);
		// The stage by its one name in the challenge's procedure (issue 16).
		expect(mail.text).toContain('(vaihe: Esivalinta)');
		// Nobody else calls it; a refused call leaves no mail.
		const before = await mark();
		for (const who of [s.lead, s.outsider, j1]) {
			expect(
				await refusal(db(), who, 'select public.jury_remind($1, $2)', [
					s.challenge.id,
					'shortlisting'
				])
			).toBe('jury_not_chair');
		}
		expect(
			await refusal(db(), s.owner, 'select public.jury_remind($1, $2)', [
				s.challenge.id,
				'selection'
			])
		).toBe('jury_unknown_stage');
		expect(await outbox(before)).toEqual([]);
	});

	it('results: submitted scores only, a later conflict removes that juror’s scores', async () => {
		for (const j of [j1, j2]) for (const item of [A(), B()]) await declare(j, item, false);
		await declare(j3, A(), false);
		await submit(j1, A(), 25, 8);
		await submit(j1, B(), 10, 4);
		await submit(j2, A(), 5, 2); // far from j1 on A: a disagreement
		await submit(j3, A(), 24, 8);
		// j2 saves a draft on B: counted as missing, never read.
		await db().as(j2, (tx) =>
			tx.query('select public.jury_save_scores($1, $2, $3::jsonb)', [
				'application',
				B(),
				card(30, 10)
			])
		);
		const results = await db().as(s.owner, (tx) =>
			readResults(tx, s.challenge.id, 'shortlisting', false)
		);
		expect(results).not.toBeNull();
		const r = results!;
		expect(r.items.map((i) => i.item)).toEqual([A(), B()]);
		const a = r.items[0];
		expect(a.jurorCount).toBe(3);
		expect(a.mean).toBeCloseTo((33 + 7 + 32) / 3);
		expect(a.range).toBe(26);
		expect(a.disagreement).toBe(true);
		expect(r.disagreementThreshold).toBe(8);
		expect(r.missing).toEqual({ pairs: 1, unscoredItems: 0 });
		expect(r.k).toBe(1);
		expect(r.proposal).toEqual({ proposed: [a.teamName], tieAtCutoff: false });
		expect(r.price).toBeNull();

		const progress = await db().as(s.owner, (tx) =>
			readProgress(tx, s.challenge.id, 'shortlisting')
		);
		const jaana = progress.jurors.find((j) => j.id && j.email === j2.email)!;
		expect(jaana).toMatchObject({ assigned: 2, declared: 2, drafts: 1, submitted: 1, missing: 1 });

		// j1 declares a conflict on A after submitting: A now rests on j2 and j3 alone.
		await declare(j1, A(), true);
		const after = await db().as(s.owner, (tx) =>
			readResults(tx, s.challenge.id, 'shortlisting', false)
		);
		const a2 = after!.items.find((i) => i.item === A())!;
		expect(a2.jurorCount).toBe(2);
		expect(a2.mean).toBeCloseTo((7 + 32) / 2);
		const column = after!.jurors.findIndex((j) => j.email === j1.email);
		expect(a2.scores[column]).toBeNull();
		// B (14 points from j1 alone) now leads A (19.5)? No: A still leads; without j3 it
		// would not — the verdict names the juror the top 1 depends on.
		expect(after!.items[0].item).toBe(A());
		expect(after!.robustness).toMatchObject({ robust: false });
		const depends = after!.robustness as { dependsOn: { juror: string }[] };
		expect(depends.dependsOn.map((d) => d.juror)).toEqual(['Jussi Juror']);

		const normalised = await db().as(s.owner, (tx) =>
			readResults(tx, s.challenge.id, 'shortlisting', true)
		);
		expect(normalised!.normalised).toBe(true);
		expect(normalised!.items).toHaveLength(2);
	});

	it('refuses the fourth round of reminders in a day', async () => {
		const call = () =>
			refusal(db(), s.owner, 'select public.jury_remind($1, $2)', [s.challenge.id, 'shortlisting']);
		expect(await call()).toBe('ok');
		expect(await call()).toBe('ok');
		expect(await call()).toBe('juryReminder');
	});
});
