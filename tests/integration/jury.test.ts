import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/lib/server/db/database';
import { hashToken } from '../../src/lib/server/auth/tokens';
import { validateScore } from '../../src/lib/domain/jury/scores';
import { attempt } from './attempt';
import { describeEachDatabase } from './databases';
import { createUser } from './fixtures';
import { appointJuror, inviteJuror, refusal, shortlistingCriteria } from './jury-fixtures';
import { createScreeningScenario, type ScreeningScenario } from './screening-fixtures';

/**
 * The jury's record (issue 13; supabase/migrations/20261205000100_jury.sql), exercised as
 * Supabase's Data API would: each call runs as `authenticated` with the user's claims,
 * straight against the definer functions and the tables. A story in order: jurors are
 * invited and accept, declare conflicts, are assigned, score, submit, see each other's
 * scores only when the rules allow, and revise in the consensus step.
 */
type User = { id: string; email: string };

const SAVE = 'select public.jury_save_scores($1, $2, $3::jsonb) as n';
const SUBMIT = 'select public.jury_submit_scores($1, $2, $3::jsonb) as n';

describeEachDatabase('jury', (db) => {
	let s: ScreeningScenario;
	let j1: User, j2: User, j3: User;
	let juror1: string, juror2: string, juror3: string;
	let impact: string, feasibility: string;
	const A = () => s.appA.id;
	const B = () => s.appB.id;

	/** A whole scorecard for the two criteria. */
	const card = (a: number | null, b: number | null, why = 'Because the plan is clear.') => [
		{ criterion: impact, points: a, justification: why },
		{ criterion: feasibility, points: b, justification: why }
	];

	/** Scores `who` can read on the challenge, as "juror:points" sorted. */
	async function visibleScores(who: Principal) {
		const rows = await db().as(who, (tx) =>
			tx.query<{ juror_id: string; application_id: string; state: string }>(
				`select juror_id, application_id, state from public.jury_scores
				 where criterion_id = $1 order by juror_id, application_id`,
				[impact]
			)
		);
		const name = (id: string) =>
			id === juror1 ? 'j1' : id === juror2 ? 'j2' : id === juror3 ? 'j3' : id;
		return rows
			.map((r) => `${name(r.juror_id)}:${r.application_id === A() ? 'A' : 'B'}:${r.state}`)
			.sort();
	}

	beforeAll(async () => {
		s = await createScreeningScenario(db());
		j1 = await createUser(db(), 'Juho Juror');
		j2 = await createUser(db(), 'Jaana Juror');
		j3 = await createUser(db(), 'Jussi Juror');
		[impact, feasibility] = await shortlistingCriteria(db(), s);
	});

	describe('invitations', () => {
		it('only the chair invites', async () => {
			expect(
				await refusal(db(), s.lead, 'select public.jury_invite($1, $2, $3)', [
					s.challenge.id,
					'shortlisting',
					j1.email
				])
			).toBe('jury_not_chair');
			expect(
				await refusal(db(), s.owner, 'select public.jury_invite($1, $2, $3)', [
					s.challenge.id,
					'screening',
					j1.email
				])
			).toBe('jury_unknown_stage');
		});

		it('never appoints who chairs the jury (issue 16, item 2)', async () => {
			const invite = (email: string) =>
				refusal(db(), s.owner, 'select public.jury_invite($1, $2, $3)', [
					s.secondChallenge.id,
					'selection',
					email
				]);
			// On the second challenge, so that the story's jury below is as it was.
			// The owner chairs: inviting herself is refused, in whatever case she types it.
			expect(await invite(s.owner.email.toUpperCase())).toBe('jury_chair_invited');
			// A colleague chairing the procurement team is refused; as its member, appointed.
			const colleague = await createUser(db(), 'Kaisa Colleague');
			await db().service('test: colleague in the organisation', (tx) =>
				tx.query(
					`insert into public.organisation_members (organisation_id, user_id, role)
					 select organisation_id, $2, 'member' from public.challenges where id = $1`,
					[s.secondChallenge.id, colleague.id]
				)
			);
			const onTeam = (role: string) =>
				db().as(s.owner, (tx) =>
					tx.query('select public.add_challenge_team_member($1, $2, $3)', [
						s.secondChallenge.id,
						colleague.id,
						role
					])
				);
			await onTeam('chair');
			expect(await invite(colleague.email)).toBe('jury_chair_invited');
			await onTeam('member');
			expect(await invite(colleague.email)).toBe('ok');
			const [invited] = await db().service('test: invitations', (tx) =>
				tx.query<{ n: number }>(
					`select count(*)::int as n from public.jury_members where challenge_id = $1 and stage = 'selection'`,
					[s.secondChallenge.id]
				)
			);
			expect(invited.n).toBe(1);
			// Its mail carries the procedure that names the stage (migration
			// 20261216000100; 20261216000300 redefined jury_invite after it and keeps it).
			const [mail] = await db().service('test: the invitation mail', (tx) =>
				tx.query<{ procedure: string | null; stage: string }>(
					`select params ->> 'procedure' as procedure, params ->> 'stage' as stage
					 from private.mail_outbox where template = 'jury_invitation' and to_email = $1
					 order by id desc limit 1`,
					[colleague.email.toLowerCase()]
				)
			);
			const [challenge] = await db().service('test: procedure', (tx) =>
				tx.query<{ procedure: string }>('select procedure from public.challenges where id = $1', [
					s.secondChallenge.id
				])
			);
			expect(mail).toEqual({ procedure: challenge.procedure, stage: 'selection' });
		});

		it('is accepted only by the invited address, once', async () => {
			const token = await inviteJuror(db(), s.owner, s.challenge.id, 'shortlisting', j1.email);
			const accept = (who: User) =>
				db().as(who, (tx) =>
					tx.query<{ r: string }>('select public.jury_accept_invitation($1) as r', [
						hashToken(token)
					])
				);
			const [preview] = await db().as(null, (tx) =>
				tx.query<{ stage: string; invited_email: string; status: string }>(
					'select stage, invited_email, status from public.jury_invitation_preview($1)',
					[hashToken(token)]
				)
			);
			expect(preview).toEqual({ stage: 'shortlisting', invited_email: j1.email, status: 'open' });
			expect((await accept(s.outsider))[0].r).toBe('wrong_account');
			expect((await accept(j1))[0].r).toBe('accepted');
			expect((await accept(j1))[0].r).toBe('used');
			const [row] = await db().service('test: juror row', (tx) =>
				tx.query<{ id: string; user_id: string; invited_by: string }>(
					`select id, user_id, invited_by from public.jury_members where email = $1`,
					[j1.email]
				)
			);
			expect(row.user_id).toBe(j1.id);
			expect(row.invited_by).toBe(s.owner.id);
			juror1 = row.id;
			juror2 = await appointJuror(db(), s.owner, s.challenge.id, 'shortlisting', j2);
			juror3 = await appointJuror(db(), s.owner, s.challenge.id, 'shortlisting', j3);
		});

		it('the team sees its jurors but never a token', async () => {
			expect(await attempt(db(), s.owner, 'select token_hash from public.jury_members', [])).toBe(
				'denied'
			);
			expect(
				(
					await db().as(s.owner, (tx) =>
						tx.query('select email from public.jury_members where challenge_id = $1', [
							s.challenge.id
						])
					)
				).length
			).toBe(3);
		});

		it('cannot be written past the functions', async () => {
			expect(
				await attempt(
					db(),
					j1,
					`update public.jury_members set accepted_at = now() returning id`,
					[],
					{ rollback: true }
				)
			).toBe('denied');
			expect(
				await attempt(
					db(),
					s.outsider,
					`insert into public.jury_members (challenge_id, stage, email) values ($1, 'shortlisting', 'x@test.example') returning id`,
					[s.challenge.id],
					{ rollback: true }
				)
			).toBe('denied');
		});
	});

	describe('conflicts and assignment', () => {
		it('records declarations of none and of a conflict, which is final', async () => {
			const declare = (who: User, decl: { item: string; conflict: boolean }[]) =>
				refusal(db(), who, 'select public.jury_declare_conflicts($1, $2, $3::jsonb)', [
					s.challenge.id,
					'shortlisting',
					decl
				]);
			expect(await declare(s.outsider, [{ item: A(), conflict: false }])).toBe('jury_not_juror');
			expect(await declare(j1, [{ item: s.draftA.id, conflict: false }])).toBe('jury_unknown_item');
			expect(
				await declare(j1, [
					{ item: A(), conflict: false },
					{ item: B(), conflict: false }
				])
			).toBe('ok');
			expect(
				await declare(j2, [
					{ item: A(), conflict: false },
					{ item: B(), conflict: true }
				])
			).toBe('ok');
			expect(await declare(j2, [{ item: B(), conflict: false }])).toBe('jury_conflict_final');
			expect(
				await declare(j3, [
					{ item: A(), conflict: false },
					{ item: B(), conflict: false }
				])
			).toBe('ok');
			const rows = await db().as(j2, (tx) =>
				tx.query<{ conflict: boolean; declared_at: Date }>(
					'select conflict, declared_at from public.jury_conflicts order by conflict'
				)
			);
			expect(rows.map((r) => r.conflict)).toEqual([false, true]);
			expect(rows.every((r) => r.declared_at instanceof Date)).toBe(true);
		});

		it('refuses a conflicted pair and stores the rest', async () => {
			const assign = (pairs: [string, string][]) =>
				refusal(db(), s.owner, 'select public.jury_assign($1, $2, $3::jsonb)', [
					s.challenge.id,
					'shortlisting',
					pairs.map(([juror, item]) => ({ juror, item }))
				]);
			expect(
				await assign([
					[juror1, A()],
					[juror2, B()]
				])
			).toBe('jury_conflicted_pair');
			expect(
				await refusal(db(), j1, 'select public.jury_assign($1, $2, $3::jsonb)', [
					s.challenge.id,
					'shortlisting',
					[]
				])
			).toBe('jury_not_chair');
			// j1 every item, j2 the one they are free to score, j3 only A.
			expect(
				await assign([
					[juror1, A()],
					[juror1, B()],
					[juror2, A()],
					[juror3, A()]
				])
			).toBe('ok');
		});

		it('a conflicted juror sees nothing of the item; an unassigned one neither', async () => {
			const apps = (who: User) =>
				db().as(who, (tx) =>
					tx.query<{ id: string }>('select id from public.applications where id = any($1)', [
						[A(), B()]
					])
				);
			expect((await apps(j1)).length).toBe(2);
			expect((await apps(j2)).map((r) => r.id)).toEqual([A()]);
			expect((await apps(j3)).map((r) => r.id)).toEqual([A()]);
			expect((await apps(s.outsider)).length).toBe(0);
		});

		it('a forged call cannot score a conflicted or unassigned item', async () => {
			expect(await refusal(db(), j2, SAVE, ['application', B(), card(10, 5)])).toBe(
				'jury_conflicted'
			);
			expect(await refusal(db(), j2, SUBMIT, ['application', B(), card(10, 5)])).toBe(
				'jury_conflicted'
			);
			expect(await refusal(db(), j3, SAVE, ['application', B(), card(10, 5)])).toBe(
				'jury_not_assigned'
			);
			expect(await refusal(db(), s.outsider, SAVE, ['application', A(), card(10, 5)])).toBe(
				'jury_not_juror'
			);
			expect(
				await attempt(
					db(),
					j2,
					`insert into public.jury_scores (juror_id, application_id, criterion_id, points, justification)
					 values ($1, $2, $3, 10, 'x') returning id`,
					[juror2, B(), impact],
					{ rollback: true }
				)
			).toBe('denied');
			const [{ n }] = await db().service('test: scores on B by j2', (tx) =>
				tx.query<{ n: number }>(
					'select count(*)::int as n from public.jury_scores where juror_id = $1',
					[juror2]
				)
			);
			expect(n).toBe(0);
		});
	});

	describe('scores', () => {
		it('refuses points above the maximum or off the step, and a missing justification', async () => {
			expect(await refusal(db(), j1, SAVE, ['application', A(), card(31, 5)])).toBe(
				'jury_score_above_max'
			);
			expect(await refusal(db(), j1, SAVE, ['application', A(), card(7.3, 5)])).toBe(
				'jury_score_off_step'
			);
			expect(await refusal(db(), j1, SAVE, ['application', A(), card(7.501, 5)])).toBe(
				'jury_score_off_step'
			);
			expect(await refusal(db(), j1, SAVE, ['application', A(), card(-1, 5)])).toBe(
				'jury_score_negative'
			);
			expect(await refusal(db(), j1, SUBMIT, ['application', A(), card(20, 5, '  ')])).toBe(
				'jury_justification_missing'
			);
			expect(await refusal(db(), j1, SUBMIT, ['application', A(), card(20, null)])).toBe(
				'jury_score_missing'
			);
			expect(
				await refusal(db(), j1, SAVE, [
					'application',
					A(),
					[{ criterion: s.challenge.requirementIds[0], points: 1, justification: 'x' }]
				])
			).toBe('jury_unknown_criterion');
			const [{ n }] = await db().service('test: nothing saved', (tx) =>
				tx.query<{ n: number }>('select count(*)::int as n from public.jury_scores')
			);
			expect(n).toBe(0);
		});

		it('saves a draft (blank justification allowed) and submits, which locks', async () => {
			expect(await refusal(db(), j1, SAVE, ['application', A(), card(20, null, '')])).toBe('ok');
			expect(await visibleScores(j1)).toEqual(['j1:A:draft']);
			expect(await refusal(db(), j1, SUBMIT, ['application', A(), card(22.5, 7)])).toBe('ok');
			expect(await refusal(db(), j1, SUBMIT, ['application', A(), card(22.5, 7)])).toBe(
				'jury_already_submitted'
			);
			expect(await refusal(db(), j1, SUBMIT, ['application', A(), null])).toBe(
				'jury_already_submitted'
			);
			expect(await refusal(db(), j1, SAVE, ['application', A(), card(1, 1)])).toBe(
				'jury_already_submitted'
			);
			const [row] = await db().as(j1, (tx) =>
				tx.query<{ points: string; justification: string; submitted_at: Date }>(
					'select points::text, justification, submitted_at from public.jury_scores where criterion_id = $1 and application_id = $2',
					[impact, A()]
				)
			);
			expect(row.points).toBe('22.50');
			expect(row.justification).toBe('Because the plan is clear.');
			expect(row.submitted_at).toBeInstanceOf(Date);
		});

		it('a submitted score cannot be updated or deleted directly, even past RLS', async () => {
			expect(
				await attempt(db(), j1, 'update public.jury_scores set points = 30 returning id', [], {
					rollback: true
				})
			).toBe('denied');
			expect(
				await attempt(db(), j1, 'delete from public.jury_scores returning id', [], {
					rollback: true
				})
			).toBe('denied');
			// The migrating role itself is held by the trigger: no revision, no change.
			await expect(
				db().service('test: forged update', (tx) =>
					tx.query('update public.jury_scores set points = 30 where juror_id = $1', [juror1])
				)
			).rejects.toMatchObject({ hint: 'jury_score_locked' });
			await expect(
				db().service('test: forged delete', (tx) =>
					tx.query('delete from public.jury_scores where juror_id = $1', [juror1])
				)
			).rejects.toMatchObject({ hint: 'jury_score_locked' });
		});

		it("a juror sees no other juror's scores before submitting all their own; the chair sees submitted ones", async () => {
			// j2 holds a draft on A; j3 submits A, all j3 has to score.
			expect(await refusal(db(), j2, SAVE, ['application', A(), card(10, 2)])).toBe('ok');
			expect(await refusal(db(), j3, SUBMIT, ['application', A(), card(15, 5)])).toBe('ok');
			// j1 has not yet scored B: only their own.
			expect(await visibleScores(j1)).toEqual(['j1:A:submitted']);
			// j2 has not submitted: only their own draft.
			expect(await visibleScores(j2)).toEqual(['j2:A:draft']);
			// j3 submitted everything: the others' submitted scores on A, never drafts.
			expect(await visibleScores(j3)).toEqual(['j1:A:submitted', 'j3:A:submitted']);
			// The chair (challenge team) sees the submitted ones, no drafts.
			expect(await visibleScores(s.owner)).toEqual(['j1:A:submitted', 'j3:A:submitted']);
			// Teams, outsiders and other organisations see no scores.
			for (const who of [s.lead, s.member, s.otherTeam, s.outsider, s.otherOwner]) {
				expect(await visibleScores(who)).toEqual([]);
			}
			// j1 submits B: now done, and sees j3's.
			expect(await refusal(db(), j1, SUBMIT, ['application', B(), card(12, 3)])).toBe('ok');
			expect(await visibleScores(j1)).toEqual([
				'j1:A:submitted',
				'j1:B:submitted',
				'j3:A:submitted'
			]);
		});
	});

	describe('consensus', () => {
		let score: string;

		beforeAll(async () => {
			[{ id: score }] = await db().service('test: j1 score on A', (tx) =>
				tx.query<{ id: string }>(
					'select id from public.jury_scores where juror_id = $1 and application_id = $2 and criterion_id = $3',
					[juror1, s.appA.id, impact]
				)
			);
		});
		const REVISE = 'select public.jury_revise_score($1, $2, $3, $4) as id';

		it('no revision before the chair opens the consensus step', async () => {
			expect(await refusal(db(), j1, REVISE, [score, 25, 'Rethought.', 'Discussed'])).toBe(
				'jury_consensus_not_open'
			);
			expect(
				await refusal(db(), j1, 'select public.jury_open_consensus($1, $2)', [
					s.challenge.id,
					'shortlisting'
				])
			).toBe('jury_not_chair');
			expect(
				await refusal(db(), s.owner, 'select public.jury_open_consensus($1, $2)', [
					s.challenge.id,
					'shortlisting'
				])
			).toBe('ok');
			expect(
				await refusal(db(), s.owner, 'select public.jury_open_consensus($1, $2)', [
					s.challenge.id,
					'shortlisting'
				])
			).toBe('jury_consensus_open');
		});

		it('a submitted score changes only by a logged revision of its own juror', async () => {
			expect(await refusal(db(), j1, REVISE, [score, 25, 'Rethought.', '  '])).toBe(
				'jury_reason_missing'
			);
			expect(await refusal(db(), j1, REVISE, [score, 25.25, 'Rethought.', 'Discussed'])).toBe(
				'jury_score_off_step'
			);
			expect(await refusal(db(), j1, REVISE, [score, 25, ' ', 'Discussed'])).toBe(
				'jury_justification_missing'
			);
			expect(await refusal(db(), j3, REVISE, [score, 25, 'Rethought.', 'Discussed'])).toBe(
				'jury_not_juror'
			);
			expect(
				await refusal(db(), j1, REVISE, [score, 25, 'Rethought after the discussion.', 'Discussed'])
			).toBe('ok');
			const revisions = await db().as(j1, (tx) =>
				tx.query<Record<string, string>>(
					`select old_points::text, new_points::text, old_justification, new_justification, reason,
					   revised_by from public.jury_score_revisions where score_id = $1`,
					[score]
				)
			);
			expect(revisions).toEqual([
				{
					old_points: '22.50',
					new_points: '25.00',
					old_justification: 'Because the plan is clear.',
					new_justification: 'Rethought after the discussion.',
					reason: 'Discussed',
					revised_by: j1.id
				}
			]);
			expect(
				(
					await db().as(s.owner, (tx) =>
						tx.query('select id from public.jury_score_revisions where score_id = $1', [score])
					)
				).length
			).toBe(1);
			expect(
				(await db().as(s.lead, (tx) => tx.query('select id from public.jury_score_revisions')))
					.length
			).toBe(0);
			expect(
				await attempt(
					db(),
					j1,
					"update public.jury_score_revisions set reason = 'x' returning id",
					[],
					{ rollback: true }
				)
			).toBe('denied');
		});

		it('opens the others’ submitted scores to the item’s jurors and takes comments', async () => {
			expect(await visibleScores(j2)).toEqual(['j1:A:submitted', 'j2:A:draft', 'j3:A:submitted']);
			const COMMENT = 'select public.jury_comment($1, $2, $3) as id';
			expect(await refusal(db(), j2, COMMENT, ['application', A(), 'Why 25?'])).toBe('ok');
			expect(await refusal(db(), j2, COMMENT, ['application', B(), 'Hmm'])).toBe('jury_conflicted');
			expect(await refusal(db(), j2, COMMENT, ['application', A(), '   '])).toBe(
				'jury_comment_blank'
			);
			const comments = (who: User) =>
				db().as(who, (tx) => tx.query('select id from public.jury_comments'));
			expect((await comments(j1)).length).toBe(1);
			expect((await comments(s.owner)).length).toBe(1);
			expect((await comments(s.lead)).length).toBe(0);
			expect((await comments(s.outsider)).length).toBe(0);
		});
	});

	it('criteria that scores rest on are not replaced, in words', async () => {
		await expect(
			db().service('test: delete a scored criterion', (tx) =>
				tx.query('delete from public.challenge_criteria where id = $1', [impact])
			)
		).rejects.toMatchObject({ code: 'TK422', hint: 'jury_criteria_scored' });
	});

	it('the score rule is validateScore’s (parity)', async () => {
		const cases: [number | null, number, number, string][] = [
			[null, 10, 0.5, 'x'],
			[-0.5, 10, 0.5, 'x'],
			[10.5, 10, 0.5, 'x'],
			[10, 10, 0.5, 'x'],
			[0, 10, 0.5, 'x'],
			[7.5, 10, 0.5, 'x'],
			[7.3, 10, 0.5, 'x'],
			[7.3, 10, 0.1, 'x'],
			[7.501, 10, 0.01, 'x'],
			[7.25, 10, 0.25, 'x'],
			[7.25, 10, 0.5, 'x'],
			[3, 10, 1.5, 'x'],
			[4.5, 10, 1.5, 'x'],
			[5, 10, 0.5, ''],
			[5, 10, 0.5, ' \u00a0\n'],
			[5, 10, 0.5, 'a'.repeat(4000)],
			[5, 10, 0.5, 'a'.repeat(4001)],
			[5, 10, 0.5, ` ${'a'.repeat(4000)} `],
			[30, 30, 0.5, 'ok']
		];
		for (const [points, max, step, justification] of cases) {
			const ts = validateScore({ points, justification }, max, step)[0] ?? null;
			const [{ problem }] = await db().service('test: score parity', (tx) =>
				tx.query<{ problem: string | null }>(
					'select private.jury_score_problem($1::numeric, $2, $3::numeric, $4, true) as problem',
					[points, max, step, justification]
				)
			);
			expect(problem, JSON.stringify([points, max, step, justification])).toBe(ts && `jury_${ts}`);
		}
	});
});
