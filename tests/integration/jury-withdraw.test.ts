import { beforeAll, expect, it } from 'vitest';
import { readProgress, withdrawInvitation } from '../../src/lib/server/jury/chair';
import { acceptJuryInvitation, juryInvitationPreview } from '../../src/lib/server/jury/juror';
import { readResults } from '../../src/lib/server/jury/results';
import { describeEachDatabase } from './databases';
import { createUser } from './fixtures';
import { appointJuror, inviteJuror, refusal, shortlistingCriteria } from './jury-fixtures';
import { createScreeningScenario, type ScreeningScenario } from './screening-fixtures';

/**
 * Leftovers of issue 13 found by trying the jury as a user
 * (supabase/migrations/20261207000300_jury_withdraw_invitation.sql): the chair withdraws an
 * open invitation, on record, and its link says so; an owner of the organisation who is
 * not on the challenge's team manages the jury and reads its results.
 */
type User = { id: string; email: string };

describeEachDatabase('jury invitations withdrawn', (db) => {
	let s: ScreeningScenario;
	let j1: User, wrong: User, orgOwner: User;
	let impact: string, feasibility: string;

	beforeAll(async () => {
		s = await createScreeningScenario(db());
		j1 = await createUser(db(), 'Juho Juror');
		wrong = await createUser(db(), 'Wrong Address');
		orgOwner = await createUser(db(), 'Otso Owner');
		await db().service('test fixture: a second owner, not on the challenge team', (tx) =>
			tx.query(
				`insert into public.organisation_members (organisation_id, user_id, role) values ($1, $2, 'owner')`,
				[s.org.id, orgOwner.id]
			)
		);
		[impact, feasibility] = await shortlistingCriteria(db(), s);
		await appointJuror(db(), s.owner, s.challenge.id, 'shortlisting', j1);
	});

	it('withdraws an open invitation on record; its link says so and no longer accepts', async () => {
		const token = await inviteJuror(db(), s.owner, s.challenge.id, 'shortlisting', wrong.email);
		const before = await db().as(s.owner, (tx) => readProgress(tx, s.challenge.id, 'shortlisting'));
		const pending = before.jurors.find((j) => j.email === wrong.email)!;
		expect(pending.acceptedAt).toBeNull();

		// Not the chair: a juror, a team lead, an outsider, anon. Nothing changes.
		for (const who of [j1, s.lead, s.outsider]) {
			expect(
				await refusal(db(), who, 'select public.jury_withdraw_invitation($1)', [pending.id])
			).toBe('jury_not_chair');
		}
		expect(
			await refusal(db(), null, 'select public.jury_withdraw_invitation($1)', [pending.id])
		).toMatch(/42501|permission/);

		const email = await db().as(s.owner, (tx) => withdrawInvitation(tx, pending.id));
		expect(email).toBe(wrong.email.toLowerCase());
		const after = await db().as(s.owner, (tx) => readProgress(tx, s.challenge.id, 'shortlisting'));
		expect(after.jurors.map((j) => j.email)).not.toContain(wrong.email.toLowerCase());
		expect(after.withdrawn).toEqual([
			expect.objectContaining({ email: wrong.email.toLowerCase(), withdrawnBy: 'Olga Owner' })
		]);

		const preview = await db().as(null, (tx) => juryInvitationPreview(tx, token));
		expect(preview?.status).toBe('withdrawn');
		expect(preview?.invitedEmail).toBe(wrong.email.toLowerCase());
		const accepted = await db().as(wrong, (tx) => acceptJuryInvitation(tx, token));
		expect(accepted.outcome).toBe('withdrawn');
		// Withdrawn twice: the invitation is gone.
		expect(
			await refusal(db(), s.owner, 'select public.jury_withdraw_invitation($1)', [pending.id])
		).toBe('jury_unknown_juror');
		// The record is never rewritten, even by the service role's triggers.
		expect(
			await refusal(db(), s.owner, 'update public.jury_invitation_withdrawals set email = $1', [
				'x@y.z'
			])
		).toMatch(/42501|permission/);

		// The address can be invited again; the new link works.
		const again = await inviteJuror(db(), s.owner, s.challenge.id, 'shortlisting', wrong.email);
		const preview2 = await db().as(null, (tx) => juryInvitationPreview(tx, again));
		expect(preview2?.status).toBe('open');
		const ok = await db().as(wrong, (tx) => acceptJuryInvitation(tx, again));
		expect(ok.outcome).toBe('accepted');
	});

	it('refuses to withdraw an accepted juror', async () => {
		const progress = await db().as(s.owner, (tx) =>
			readProgress(tx, s.challenge.id, 'shortlisting')
		);
		const accepted = progress.jurors.find((j) => j.email === j1.email.toLowerCase())!;
		expect(
			await refusal(db(), s.owner, 'select public.jury_withdraw_invitation($1)', [accepted.id])
		).toBe('jury_invitation_accepted');
		const [row] = await db().service('test: the juror stays', (tx) =>
			tx.query<{ n: number }>('select count(*)::int as n from public.jury_members where id = $1', [
				accepted.id
			])
		);
		expect(row.n).toBe(1);
	});

	it('lets an owner of the organisation who is not on the team withdraw and read results', async () => {
		const token = await inviteJuror(
			db(),
			s.owner,
			s.challenge.id,
			'shortlisting',
			'late@test.example'
		);
		expect(token).toBeTruthy();
		const progress = await db().as(orgOwner, (tx) =>
			readProgress(tx, s.challenge.id, 'shortlisting')
		);
		const late = progress.jurors.find((j) => j.email === 'late@test.example')!;
		await db().as(orgOwner, (tx) => withdrawInvitation(tx, late.id));

		await db().as(j1, (tx) =>
			tx.query('select public.jury_declare_conflicts($1, $2, $3::jsonb)', [
				s.challenge.id,
				'shortlisting',
				[
					{ item: s.appA.id, conflict: false },
					{ item: s.appB.id, conflict: false }
				]
			])
		);
		await db().as(s.owner, (tx) =>
			tx.query('select public.jury_assign($1, $2, $3::jsonb)', [
				s.challenge.id,
				'shortlisting',
				[
					{
						juror: progress.jurors.find((j) => j.email === j1.email.toLowerCase())!.id,
						item: s.appA.id
					}
				]
			])
		);
		await db().as(j1, (tx) =>
			tx.query("select public.jury_submit_scores('application', $1, $2::jsonb)", [
				s.appA.id,
				[
					{ criterion: impact, points: 20, justification: 'Clear.' },
					{ criterion: feasibility, points: 5, justification: 'Realistic.' }
				]
			])
		);
		const results = await db().as(orgOwner, (tx) =>
			readResults(tx, s.challenge.id, 'shortlisting', false)
		);
		expect(results?.items.find((i) => i.item === s.appA.id)?.mean).toBe(25);
	});
});
