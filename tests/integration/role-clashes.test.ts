import { beforeAll, expect, it } from 'vitest';
import { DEFAULT_AGENDA } from '../../src/lib/domain/board';
import type { Principal } from '../../src/lib/server/db/database';
import { describeEachDatabase } from './databases';
import { createUser } from './fixtures';
import { appointJuror, refusal } from './jury-fixtures';
import { createTeamWith } from './application-fixtures';
import { workshopWorld } from './workshop-fixtures';

// Issue 16 leftovers: roles that must not be held together (supabase/migrations/
// 20261217000300_role_clashes.sql) are refused whichever comes second. The first order
// of each pair was refused before (20261216000300_invitation_capacity.sql); these are the
// orders that went through.
describeEachDatabase('roles that clash, whichever comes second', (db) => {
	let w: Awaited<ReturnType<typeof workshopWorld>>;
	beforeAll(async () => {
		w = await workshopWorld(db());
	});

	/** 'ok', or the hint of the refusal of a write by the service. */
	const serviceWrite = (sql: string, params: unknown[]) =>
		db()
			.service('test: a role given second', (tx) => tx.query(sql, params))
			.then(
				() => 'ok',
				(e: { hint?: string; message: string }) => e.hint || e.message
			);
	const join = (teamId: string, userId: string) =>
		serviceWrite('insert into public.team_members (team_id, user_id) values ($1, $2)', [
			teamId,
			userId
		]);
	const apply = (teamId: string) =>
		serviceWrite(`insert into public.applications (challenge_id, team_id) values ($1, $2)`, [
			w.challenge.id,
			teamId
		]);
	const inOrganisation = (user: { id: string }, role: 'member' | 'owner') =>
		serviceWrite(
			`insert into public.organisation_members (organisation_id, user_id, role)
			 select organisation_id, $2, $3 from public.challenges where id = $1
			 on conflict (organisation_id, user_id) do update set role = excluded.role`,
			[w.challenge.id, user.id, role]
		);
	const schedule = (facilitator: Principal) =>
		refusal(
			db(),
			facilitator,
			`insert into public.workshops (challenge_id, title, starts_at, mode, agenda)
			 values ($1, 'Round', now(), 'shared', $2)`,
			[w.challenge.id, DEFAULT_AGENDA]
		);

	it('a juror is never made the jury’s chair: of the procurement team or the organisation', async () => {
		const juror = await createUser(db(), 'Jaana Juror');
		await appointJuror(db(), w.owner, w.challenge.id, 'shortlisting', juror);
		expect(await inOrganisation(juror, 'member')).toBe('ok');
		const onTeam = (role: string) =>
			refusal(db(), w.owner, 'select public.add_challenge_team_member($1, $2, $3)', [
				w.challenge.id,
				juror.id,
				role
			]);
		expect(await onTeam('chair')).toBe('role_chair_is_juror');
		expect(await onTeam('member')).toBe('ok');
		expect(await inOrganisation(juror, 'owner')).toBe('role_chair_is_juror');
		// Invited, not yet accepted: the address counts.
		const invited = await createUser(db(), 'Into Invited');
		expect(
			await refusal(db(), w.owner, 'select public.jury_invite($1, $2, $3)', [
				w.challenge.id,
				'selection',
				invited.email
			])
		).toBe('ok');
		expect(await inOrganisation(invited, 'owner')).toBe('role_chair_is_juror');
	});

	it('a juror never joins a team that applied, and a team with a juror never applies', async () => {
		const juror = await createUser(db(), 'Juho Juror');
		await appointJuror(db(), w.owner, w.challenge.id, 'shortlisting', juror);
		expect(await join(w.teamA.id, juror.id)).toBe('role_juror_on_applicant_team');
		const own = await createTeamWith(db(), juror.id);
		expect(await apply(own.id)).toBe('role_juror_on_applicant_team');
		// The first order, refused before too: a member of an applicant team invited.
		expect(
			await refusal(db(), w.owner, 'select public.jury_invite($1, $2, $3)', [
				w.challenge.id,
				'shortlisting',
				w.a2.email
			])
		).toBe('role_juror_on_applicant_team');
	});

	it('a facilitator never joins a team that applied, nor a member schedules its workshop', async () => {
		expect(await schedule(w.facilitator)).toBe('ok');
		expect(await join(w.teamB.id, w.facilitator.id)).toBe('role_facilitator_on_applicant_team');
		const own = await createTeamWith(db(), w.facilitator.id);
		expect(await apply(own.id)).toBe('role_facilitator_on_applicant_team');
		// A member of team A who also facilitates on the platform: not this challenge's workshops.
		await serviceWrite('insert into public.platform_facilitators (user_id) values ($1)', [w.a1.id]);
		expect(await schedule(w.a1)).toBe('role_facilitator_on_applicant_team');
	});

	it('a workshop’s guest never joins a team taking part in it', async () => {
		const expert = await createUser(db(), 'Eero Expert');
		const [workshop] = await db().as(w.facilitator, (tx) =>
			tx.query<{ id: string }>(
				`insert into public.workshops (challenge_id, title, starts_at, mode, agenda)
				 values ($1, 'Guests first', now(), 'team_boards', $2) returning id`,
				[w.challenge.id, DEFAULT_AGENDA]
			)
		);
		await db().as(w.facilitator, async (tx) => {
			await tx.query('select public.add_workshop_team($1, $2)', [workshop.id, w.teamA.id]);
			await tx.query(
				`insert into public.workshop_participants (workshop_id, user_id, kind) values ($1, $2, 'expert')`,
				[workshop.id, expert.id]
			);
		});
		expect(await join(w.teamA.id, expert.id)).toBe('role_workshop_guest_on_team');
		expect(await join(w.teamC.id, expert.id)).toBe('ok');
	});
});
