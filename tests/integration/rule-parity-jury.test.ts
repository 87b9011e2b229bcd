import { beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { scoreStepIssue } from '../../src/lib/domain/jury/scores';
import { justificationField, pointsField } from '../../src/lib/domain/jury/score-form';
import { parseCriteria } from '../../src/lib/domain/challenge-schemas';
import { assignStage, configureStage } from '../../src/lib/server/jury/chair';
import { openJurorItem, scoreItem } from '../../src/lib/server/jury/juror';
import { saveCriteria } from '../../src/lib/server/challenges/editor';
import { describeEachDatabase } from './databases';
import { createUser } from './fixtures';
import { appointJuror, refusal, shortlistingCriteria } from './jury-fixtures';
import { createScreeningScenario, type ScreeningScenario } from './screening-fixtures';
import { sqlAnswers } from './parity';

/**
 * The tester's scoring report (supabase/migrations/20261215000400_scoring_input.sql): a
 * score step must divide every criterion's maximum of its stage, in TypeScript
 * (scoreStepIssue) and SQL (private.jury_step_problem, public.jury_configure, the trigger
 * on challenge_criteria); and a draft keeps points typed with a decimal comma and without
 * a justification yet.
 */
type User = { id: string; email: string };

describeEachDatabase('jury score step and drafts: one rule in TypeScript and SQL', (db) => {
	let s: ScreeningScenario;
	let juror: User;
	let impact: string, feasibility: string;
	const CONFIGURE = 'select public.jury_configure($1, $2, $3)';

	beforeAll(async () => {
		s = await createScreeningScenario(db());
		juror = await createUser(db(), 'Jaakko Juror');
		// Impact 30 points, Feasibility 10, both at shortlisting.
		[impact, feasibility] = await shortlistingCriteria(db(), s);
		await appointJuror(db(), s.owner, s.challenge.id, 'shortlisting', juror);
	});

	it('the step rule: private.jury_step_problem answers as scoreStepIssue', async () => {
		const FIXED: [number | null, number[]][] = [
			[0.5, [20, 10]],
			[3, [20, 10]],
			[1000, [20, 10]],
			[2.5, [20, 10]],
			[4, [20, 10]],
			[0.3, [30, 7]],
			[0.01, [1]],
			[0.001, [1]],
			[0, [10]],
			[-1, [10]],
			[1000.01, [10]],
			[null, [10]],
			[7, []],
			[1000, [1000]]
		];
		const generated = fc.sample(
			fc.tuple(
				fc.integer({ min: 1, max: 2000 }).map((h) => h / 100),
				fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 4 })
			),
			{ numRuns: 300, seed: 15 }
		);
		const cases = [...FIXED, ...generated];
		const answers = await sqlAnswers<string | null>(
			db(),
			`private.jury_step_problem((c ->> 0)::numeric,
			   array(select pg_catalog.jsonb_array_elements_text(c -> 1)::int))`,
			cases
		);
		expect(answers).toEqual(
			cases.map(([step, maxes]) => {
				const issue = scoreStepIssue(step, maxes);
				return issue && `jury_${issue.code}`;
			})
		);
		expect(answers.filter((a) => a === 'jury_step_not_divisor').length).toBeGreaterThan(50);
	});

	it('the chair cannot set a step a criterion’s maximum is not a multiple of', async () => {
		const configure = (step: number) =>
			refusal(db(), s.owner, CONFIGURE, [s.challenge.id, 'shortlisting', step]);
		// The reported steps: 1000 leaves only 0, 3 cannot reach Feasibility's 10.
		expect(await configure(1000)).toBe('jury_step_not_divisor');
		expect(await configure(3)).toBe('jury_step_not_divisor');
		expect(await configure(0)).toBe('jury_bad_step');
		expect(await configure(2.5)).toBe('ok');
		// The page's answer names the criterion, before the database is asked.
		const refused = await db().as(s.owner, (tx) =>
			configureStage(tx, s.challenge.id, 'shortlisting', 3, 'en')
		);
		expect(refused).toEqual({
			issue: { code: 'step_not_divisor', index: 1 },
			criterion: { name: 'Feasibility', maxPoints: 10 }
		});
		const [{ step }] = await db().service('test: step kept', (tx) =>
			tx.query<{ step: number }>(
				`select score_step::float8 as step from public.jury_stages
				 where challenge_id = $1 and stage = 'shortlisting'`,
				[s.challenge.id]
			)
		);
		expect(step).toBe(2.5);
	});

	it('criteria changed after the step was set must still fit it', async () => {
		const editor = { id: s.owner.id, name: 'Owner' };
		const form = (feasibilityPoints: string) => {
			const parsed = parseCriteria({
				c0_stage: 'shortlisting',
				c0_name_en: 'Impact',
				c0_points: '30',
				c1_stage: 'shortlisting',
				c1_name_en: 'Feasibility',
				c1_points: feasibilityPoints,
				reason: 'Rebalanced.'
			});
			if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
			return parsed;
		};
		const amend = (points: string) =>
			db().as(s.owner, (tx) =>
				saveCriteria(tx, editor, s.challenge.id, form(points).data, 'Rebalanced.')
			);
		// 12 is no whole number of 2.5-point steps: refused, nothing changed.
		await expect(amend('12')).rejects.toMatchObject({ hint: 'jury_step_not_divisor' });
		await amend('15');
		// Back to 0.5 for the drafts below (no score yet, so the step may still change).
		expect(await refusal(db(), s.owner, CONFIGURE, [s.challenge.id, 'shortlisting', 0.5])).toBe(
			'ok'
		);
		[impact, feasibility] = await db().service('test: criteria ids', async (tx) =>
			(
				await tx.query<{ id: string }>(
					`select id from public.challenge_criteria
					 where challenge_id = $1 and stage = 'shortlisting' order by position`,
					[s.challenge.id]
				)
			).map((r) => r.id)
		);
	});

	it('a draft keeps "6,5" points that have no justification yet', async () => {
		await db().as(juror, (tx) =>
			tx.query('select public.jury_declare_conflicts($1, $2, $3::jsonb)', [
				s.challenge.id,
				'shortlisting',
				[{ item: s.appA.id, conflict: false }]
			])
		);
		await db().as(s.owner, (tx) => assignStage(tx, s.challenge.id, 'shortlisting', null));
		const outcome = await db().as(juror, (tx) =>
			scoreItem(
				tx,
				'shortlisting',
				s.appA.id,
				{
					[pointsField(impact)]: '12',
					[justificationField(impact)]: 'A clear plan.',
					[pointsField(feasibility)]: '6,5',
					[justificationField(feasibility)]: ''
				},
				false
			)
		);
		expect(outcome).toEqual({ ok: true });
		const item = await db().as(juror, (tx) =>
			openJurorItem(tx, s.challenge.id, 'shortlisting', s.appA.id)
		);
		expect(item?.criteria.map((c) => [c.mine?.points, c.mine?.justification])).toEqual([
			[12, 'A clear plan.'],
			[6.5, '']
		]);
		// Submitting still needs the justification.
		const submitted = await db().as(juror, (tx) =>
			scoreItem(tx, 'shortlisting', s.appA.id, {}, true).catch((e) => e.hint)
		);
		expect(submitted).not.toEqual({ ok: true });
	});
});
