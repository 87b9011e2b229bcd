import { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AGENDA } from '../../src/lib/domain/board';
import { localMigrations, schemaMigrations } from '../../src/lib/server/db/sql-files';
import type { SessionUser } from '../../src/lib/server/auth/sessions';
import { boardAccess } from '../../src/lib/server/workshops/board-ops';
import { candidates } from '../../src/lib/server/workshops/planning';
import { scheduleWorkshop, WorkshopTeamRefused } from '../../src/lib/server/workshops/schedule';
import { actions as newWorkshop } from '../../src/routes/workshops/new/+page.server';
import { attempt } from './attempt';
import { describeEachDatabase } from './databases';
import { createUser } from './fixtures';
import { createTeamWith } from './application-fixtures';
import { markEligible, scheduleWorkshops, workshopWorld, type User } from './workshop-fixtures';

const MIGRATION = '20261130000500';

describeEachDatabase('workshop access is derived when asked', (db) => {
	let w: Awaited<ReturnType<typeof workshopWorld>>;
	let boardA: string;
	let shared: string;
	let negotiation: string;
	let sharedWorkshop: string;

	const role = async (u: User, workshop: string) =>
		(
			await db().as(u, (tx) =>
				tx.query<{ role: string | null }>('select private.workshop_role($1) as role', [workshop])
			)
		)[0].role;
	const workshopOf = async (board: string) =>
		(
			await db().service('test: workshop of board', (tx) =>
				tx.query<{ id: string }>('select workshop_id as id from public.boards where id = $1', [
					board
				])
			)
		)[0].id;

	beforeAll(async () => {
		w = await workshopWorld(db());
		({ shared, boardA } = await scheduleWorkshops(db(), w, [
			{ userId: w.staff.id, kind: 'owner' }
		]));
		negotiation = await workshopOf(boardA);
		sharedWorkshop = await workshopOf(shared);
	});

	it('a member removed from a team loses its workshops and boards at once', async () => {
		const leaver = await createUser(db(), 'Leo Leaver');
		await db().service('test: add to team A', (tx) =>
			tx.query('insert into public.team_members (team_id, user_id) values ($1, $2)', [
				w.teamA.id,
				leaver.id
			])
		);
		// Joined after scheduling: takes part all the same.
		expect(await role(leaver, negotiation)).toBe('participant');
		expect(await boardAccess(db(), leaver, boardA)).not.toBeNull();
		await db().as(w.a1, (tx) =>
			tx.query('delete from public.team_members where team_id = $1 and user_id = $2', [
				w.teamA.id,
				leaver.id
			])
		);
		for (const workshop of [negotiation, sharedWorkshop])
			expect(await role(leaver, workshop)).toBeNull();
		expect(await boardAccess(db(), leaver, boardA)).toBeNull();
		expect(await boardAccess(db(), leaver, shared)).toBeNull();
		expect(
			await attempt(db(), leaver, 'select 1 from public.workshops where id = $1', [negotiation])
		).toBe(0);
		const people = await db().as(w.a1, (tx) =>
			tx.query<{ user_id: string }>('select user_id from public.workshop_people($1)', [negotiation])
		);
		expect(people.map((p) => p.user_id)).not.toContain(leaver.id);
	});

	it("the owner's staff take part while in the organisation, the facilitator while a facilitator", async () => {
		expect(await role(w.staff, negotiation)).toBe('participant');
		await db().service('test: leave organisation', (tx) =>
			tx.query('delete from public.organisation_members where user_id = $1', [w.staff.id])
		);
		expect(await role(w.staff, negotiation)).toBeNull();
		expect(await boardAccess(db(), w.staff, boardA)).toBeNull();

		const fiia = await createUser(db(), 'Fia Former');
		await db().service('test: a second facilitator', (tx) =>
			tx.query('insert into public.platform_facilitators (user_id) values ($1)', [fiia.id])
		);
		const mine = await db().as(fiia, (tx) =>
			scheduleWorkshop(tx, {
				challengeId: w.challenge.id,
				title: 'Short-lived',
				startsAt: new Date(),
				mode: 'shared',
				agenda: DEFAULT_AGENDA,
				teamIds: [w.teamA.id],
				guests: []
			})
		);
		expect(await role(fiia, mine)).toBe('facilitator');
		await db().service('test: no longer a facilitator', (tx) =>
			tx.query('delete from public.platform_facilitators where user_id = $1', [fiia.id])
		);
		expect(await role(fiia, mine)).toBeNull();
	});

	it('in negotiation mode a team sees only itself, directly in the database too', async () => {
		const asA = (sql: string, params: unknown[]) => db().as(w.a1, (tx) => tx.query(sql, params));
		const teams = (workshop: string) =>
			asA('select team_id from public.workshop_teams where workshop_id = $1', [workshop]);
		expect(await teams(negotiation)).toEqual([{ team_id: w.teamA.id }]);
		expect((await teams(sharedWorkshop)).length).toBe(2);
		const people = JSON.stringify(
			await asA('select * from public.workshop_people($1)', [negotiation])
		);
		for (const s of [w.teamB.id, w.b1.id]) expect(people).not.toContain(s);
		expect(people).toContain(w.facilitator.id);
		const guests = JSON.stringify(
			await asA('select * from public.workshop_participants where workshop_id = $1', [negotiation])
		);
		expect(guests).not.toContain(w.b1.id);
		// The facilitator sees both teams and all their people.
		const all = await db().as(w.facilitator, (tx) =>
			tx.query<{ team_id: string | null }>('select team_id from public.workshop_people($1)', [
				negotiation
			])
		);
		expect(new Set(all.map((p) => p.team_id))).toEqual(new Set([null, w.teamA.id, w.teamB.id]));
	});
});

describeEachDatabase('only teams eligible at screening go on to workshops', (db) => {
	let w: Awaited<ReturnType<typeof workshopWorld>>;
	let workshop: string;

	beforeAll(async () => {
		w = await workshopWorld(db());
		// Team C applied and was found ineligible; a fourth team applied and is not screened yet.
		const d1 = await createUser(db(), 'Dora D');
		const teamD = await createTeamWith(db(), d1.id);
		await db().service('test: applications of C and D', async (tx) => {
			for (const [team, eligible] of [
				[w.teamC.id, false],
				[teamD.id, null]
			] as const) {
				const [app] = await tx.query<{ id: string }>(
					`insert into public.applications (challenge_id, team_id, status, submitted_at, digest, snapshot)
					 values ($1, $2, 'submitted', now(), repeat('c', 64), '{}') returning id`,
					[w.challenge.id, team]
				);
				if (eligible !== null) await markEligible(tx, app.id, w.owner.id, eligible);
			}
		});
		({ shared: workshop } = await scheduleWorkshops(db(), w));
		[{ workshop }] = await db().service('test: workshop', (tx) =>
			tx.query<{ workshop: string }>(
				'select workshop_id as workshop from public.boards where id = $1',
				[workshop]
			)
		);
	});

	it('offers the facilitator only eligible teams', async () => {
		const { teams } = await db().as(w.facilitator, (tx) => candidates(tx, w.challenge.id, 'en'));
		expect(teams.map((t) => t.id).sort()).toEqual([w.teamA.id, w.teamB.id].sort());
	});

	it('refuses an ineligible or unscreened team through the function, the tables and the planner', async () => {
		const add = (team: string) =>
			db().as(w.facilitator, (tx) =>
				tx.query<{ ok: boolean }>('select public.add_workshop_team($1, $2) as ok', [workshop, team])
			);
		expect((await add(w.teamC.id))[0].ok).toBe(false);
		expect(
			await attempt(
				db(),
				w.facilitator,
				'insert into public.workshop_teams (workshop_id, team_id) values ($1, $2)',
				[workshop, w.teamC.id]
			)
		).toBe('denied');
		// The old way in: copying members as 'team' participants is gone.
		await expect(
			db().as(w.facilitator, (tx) =>
				tx.query(
					`insert into public.workshop_participants (workshop_id, user_id, team_id, kind)
					 values ($1, $2, $3, 'team')`,
					[workshop, w.c1.id, w.teamC.id]
				)
			)
		).rejects.toThrow(/workshop_participants_guests_only/);
		// A board for a team that is not in the workshop.
		await expect(
			db().as(w.facilitator, (tx) =>
				tx.query(
					`insert into public.boards (workshop_id, team_id, settings) values ($1, $2, '{}')`,
					[workshop, w.teamC.id]
				)
			)
		).rejects.toThrow(/boards_team_in_workshop/);
		// Whoever writes, even past row-level security: the trigger holds the rule.
		await expect(
			db().service('test: forged insert', (tx) =>
				tx.query('insert into public.workshop_teams (workshop_id, team_id) values ($1, $2)', [
					workshop,
					w.teamC.id
				])
			)
		).rejects.toThrow(/not found eligible/);
		await expect(
			db().as(w.facilitator, (tx) =>
				scheduleWorkshop(tx, {
					challengeId: w.challenge.id,
					title: 'With C',
					startsAt: new Date(),
					mode: 'team_boards',
					agenda: DEFAULT_AGENDA,
					teamIds: [w.teamA.id, w.teamC.id],
					guests: []
				})
			)
		).rejects.toBeInstanceOf(WorkshopTeamRefused);
		const [{ n }] = await db().service('test: count', (tx) =>
			tx.query<{ n: number }>(
				'select count(*)::int as n from public.workshop_teams where team_id = $1',
				[w.teamC.id]
			)
		);
		expect(n).toBe(0);
	});

	it('answers a forged schedule form naming an ineligible team with 400 and words', async () => {
		const form = new FormData();
		for (const [k, v] of Object.entries({
			challengeId: w.challenge.id,
			title: 'Forged',
			startsAt: '2030-01-15T10:00',
			mode: 'team_boards',
			p0_kind: 'ideate',
			p0_title_en: 'Ideas',
			p0_minutes: '20',
			[`team_${w.teamA.id}`]: 'on',
			[`team_${w.teamC.id}`]: 'on'
		}))
			form.set(k, v);
		const answer = (await newWorkshop.default({
			locals: {
				db: db(),
				user: { id: w.facilitator.id, email: w.facilitator.email } as SessionUser
			},
			url: new URL('http://localhost/workshops/new'),
			request: new Request('http://localhost/workshops/new', { method: 'POST', body: form })
		} as never)) as { status: number; data: { errors: Record<string, string> } };
		expect(answer.status).toBe(400);
		expect(answer.data.errors.teams).toMatch(/todettu kelpoiseksi/);
		const [{ n }] = await db().service('test: count', (tx) =>
			tx.query<{ n: number }>(
				`select count(*)::int as n from public.workshops where title = 'Forged'`
			)
		);
		expect(n).toBe(0);
	});
});

describe('the derived-access migration keeps who takes part (PGlite)', () => {
	it('moves copied team members into teams, keeps guests, and drops nobody still in the team', async () => {
		const pg = await PGlite.create();
		for (const m of localMigrations) await pg.exec(m.sql);
		const before = schemaMigrations.filter((m) => m.version < MIGRATION);
		const mine = schemaMigrations.find((m) => m.version === MIGRATION)!;
		for (const m of before) await pg.exec(m.sql);
		const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
		await pg.exec(`
			insert into auth.users (id, email) values
			  ('${id(1)}', 'f@x.example'), ('${id(2)}', 'a@x.example'), ('${id(3)}', 'gone@x.example'),
			  ('${id(4)}', 'expert@x.example'), ('${id(5)}', 'plain@x.example');
			insert into public.organisations (id, slug, name) values ('${id(10)}', 'org', 'Org');
			insert into public.challenges (id, organisation_id, slug, title, status, published_at)
			  values ('${id(20)}', '${id(10)}', 'c', '{"fi":"C"}', 'published', now());
			insert into public.teams (id, name, lead_id) values ('${id(30)}', 'Team', '${id(2)}');
			insert into public.team_members (team_id, user_id) values ('${id(30)}', '${id(2)}');
			insert into public.workshops (id, challenge_id, title, starts_at, mode, agenda, facilitator_id)
			  values ('${id(40)}', '${id(20)}', 'Old', now(), 'team_boards', '[{"kind":"ideate","title":"x","minutes":5}]', '${id(1)}');
			insert into public.workshop_participants (workshop_id, user_id, team_id, kind) values
			  ('${id(40)}', '${id(2)}', '${id(30)}', 'team'),
			  ('${id(40)}', '${id(3)}', '${id(30)}', 'team'),
			  ('${id(40)}', '${id(4)}', null, 'expert'),
			  ('${id(40)}', '${id(5)}', null, 'team');
			insert into public.boards (workshop_id, team_id, settings) values ('${id(40)}', '${id(30)}', '{}');
		`);
		await pg.exec(mine.sql);
		const teams = await pg.query('select workshop_id, team_id from public.workshop_teams');
		expect(teams.rows).toEqual([{ workshop_id: id(40), team_id: id(30) }]);
		const guests = await pg.query<{ user_id: string; kind: string }>(
			'select user_id, kind from public.workshop_participants order by user_id'
		);
		expect(guests.rows).toEqual([
			{ user_id: id(4), kind: 'expert' },
			{ user_id: id(5), kind: 'expert' }
		]);
		// The team's member takes part through the team; the one who had left does not.
		const people = await pg.query<{ user_id: string }>(
			`select user_id from public.workshop_teams t join public.team_members m using (team_id)`
		);
		expect(people.rows.map((r) => r.user_id)).toEqual([id(2)]);
		await pg.close();
		// Every migration applied from empty: slow on a busy machine.
	}, 120_000);
});
