import { beforeAll, expect, it } from 'vitest';
import { DEFAULT_AGENDA } from '../../src/lib/domain/board';
import type { Locale } from '../../src/lib/domain/locale';
import type { Database } from '../../src/lib/server/db/database';
import { applyTeams } from '../../src/lib/server/applications/apply-options';
import { applicationsCsv } from '../../src/lib/server/applications/export';
import { listSubmitted } from '../../src/lib/server/applications/screening';
import { myOrganisations } from '../../src/lib/server/challenges/dashboard';
import { listTeam, teamCandidates } from '../../src/lib/server/challenges/team';
import { renderMail } from '../../src/lib/server/mail/templates';
import { NO_FILTER } from '../../src/lib/domain/list-filter';
import { membersPage, organisationsPage } from '../../src/lib/server/organisations';
import { getTeam, myTeams } from '../../src/lib/server/teams';
import { workshopPeople } from '../../src/lib/server/workshops/list';
import { candidates, challengeChoice } from '../../src/lib/server/workshops/planning';
import { scheduleWorkshop, workshopBoards } from '../../src/lib/server/workshops/schedule';
import { createOpenChallenge, createTeamWith } from './application-fixtures';
import { describeEachDatabase } from './databases';
import { createChallenge, createOrganisation, createUser } from './fixtures';
import { markEligible } from './workshop-fixtures';

/**
 * Every list a person reads that is ordered by a name or title, read through the server
 * function its page uses, in the reader's alphabet (issue 11, item 4): organisations, the
 * caller's organisations, teams (own, and those offered when applying), a team's members,
 * an organisation's members, a challenge's team and its candidates, published challenges
 * by title, submitted applications, the applications CSV (rows and the members cell), a
 * workshop's candidate teams and staff, its boards, its people, and the summary mail.
 */
const NAMES = ['Örebro', 'Zeta', 'Ähtäri', 'Åbo', 'aava'];
const NORDIC = ['aava', 'Zeta', 'Åbo', 'Ähtäri', 'Örebro'];
const EXPECTED: Record<Locale, string[]> = {
	fi: NORDIC,
	sv: NORDIC,
	en: ['aava', 'Åbo', 'Ähtäri', 'Örebro', 'Zeta']
};
// What the lists would show sorted byte by byte (PGlite's and a "C" database's order).
const BYTE_ORDER = ['Zeta', 'aava', 'Ähtäri', 'Åbo', 'Örebro'];
const LOCALES = ['fi', 'sv', 'en'] as const;

const rand = () => Math.random().toString(36).slice(2, 8);
/** The five names in the order a list shows them, whatever else it holds. */
const ours = (shown: string[]) => shown.filter((n) => NAMES.includes(n));

type User = { id: string; email: string };

/**
 * Five people, teams, organisations and challenges named Örebro, Zeta, Ähtäri, Åbo and aava
 * (made in that order, which is no alphabet's), and a negotiation workshop of the teams.
 */
async function world(db: Database) {
	const people: User[] = [];
	for (const n of NAMES) people.push(await createUser(db, n));
	const solver = await createUser(db, 'Sam Solver');
	const owner = await createUser(db, 'Olga Owner');
	const facilitator = await createUser(db, 'Fiia Facilitator');
	const org = await createOrganisation(
		db,
		owner.id,
		people.map((p) => p.id)
	);
	// Applications closed an hour ago: screened after the deadline, as procurement wants.
	const challenge = await createOpenChallenge(db, org.id, {
		deadline: new Date(Date.now() - 3600_000)
	});
	const teams: { id: string }[] = [];
	for (const [i, n] of NAMES.entries()) {
		// The first team has the five people as members too.
		const team = await createTeamWith(db, solver.id, i === 0 ? people.map((p) => p.id) : []);
		teams.push(team);
		await db.service('test: team name', (tx) =>
			tx.query('update public.teams set name = $2 where id = $1', [team.id, n])
		);
	}
	const titled: string[] = [];
	for (const n of NAMES) {
		const c = await createChallenge(db, org.id, 'published');
		titled.push(c.id);
		await db.service('test: challenge title', (tx) =>
			tx.query(`update public.challenges set title = $2, primary_locale = 'fi' where id = $1`, [
				c.id,
				{ fi: n }
			])
		);
	}
	await db.service('test: organisations, team, applications', async (tx) => {
		await tx.query('insert into public.platform_facilitators (user_id) values ($1)', [
			facilitator.id
		]);
		for (const n of NAMES) {
			const [o] = await tx.query<{ id: string }>(
				'insert into public.organisations (slug, name) values ($1, $2) returning id',
				[`nordic-${rand()}`, n]
			);
			await tx.query(
				`insert into public.organisation_members (organisation_id, user_id, role) values ($1, $2, 'member')`,
				[o.id, solver.id]
			);
		}
		for (const p of people)
			await tx.query(
				`insert into public.challenge_team_members (challenge_id, user_id, role) values ($1, $2, 'member')`,
				[challenge.id, p.id]
			);
		for (const team of teams) {
			const [app] = await tx.query<{ id: string }>(
				`insert into public.applications (challenge_id, team_id, status, submitted_at, digest, snapshot)
				 values ($1, $2, 'submitted', now() - interval '2 hours', repeat('a', 64), '{}') returning id`,
				[challenge.id, team.id]
			);
			// The frozen content as submit_application builds it (team name and members).
			await tx.query(
				`update public.applications
				 set snapshot = private.application_snapshot(id, submitted_at, $2) where id = $1`,
				[app.id, solver.id]
			);
			await markEligible(tx, app.id, owner.id, true);
		}
	});
	const workshop = await db.as(facilitator, (tx) =>
		scheduleWorkshop(tx, {
			challengeId: challenge.id,
			title: 'Nordic negotiation',
			startsAt: new Date(),
			mode: 'team_boards',
			agenda: DEFAULT_AGENDA,
			teamIds: teams.map((t) => t.id),
			guests: []
		})
	);
	return { people, solver, owner, facilitator, org, challenge, teams, titled, workshop };
}

type World = Awaited<ReturnType<typeof world>>;

/**
 * Each list as its page reads it. `sql`: ordered by public.sort_key in the database (the
 * last test breaks that key); otherwise sorted in TypeScript by compareNames.
 */
const LISTS: {
	list: string;
	sql: boolean;
	read: (db: Database, w: World, locale: Locale) => Promise<string[]>;
}[] = [
	{
		list: 'organisations',
		sql: true,
		read: async (db, w, l) =>
			(await db.as(w.solver, (tx) => organisationsPage(tx, NO_FILTER, 1, l, 100_000))).items.map(
				(o) => o.name
			)
	},
	{
		list: 'the caller’s organisations (new challenge)',
		sql: true,
		read: async (db, w, l) =>
			(await db.as(w.solver, (tx) => myOrganisations(tx, w.solver.id, l))).map((o) => o.name)
	},
	{
		list: 'my teams',
		sql: true,
		read: async (db, w, l) =>
			(await db.as(w.solver, (tx) => myTeams(tx, w.solver.id, l))).map((t) => t.name)
	},
	{
		list: 'teams offered when applying',
		sql: true,
		read: async (db, w, l) =>
			(await db.as(w.solver, (tx) => applyTeams(tx, w.titled[0], w.solver.id, l))).map(
				(t) => t.name
			)
	},
	{
		list: 'team members',
		sql: true,
		read: async (db, w, l) =>
			(await db.as(w.solver, (tx) => getTeam(tx, w.teams[0].id, l)))!.members.map(
				(m) => m.displayName || m.email
			)
	},
	{
		list: 'organisation members',
		sql: true,
		read: async (db, w, l) =>
			(await db.as(w.owner, (tx) => membersPage(tx, w.org.id, [], 1, l).then((p) => p.items))).map(
				(m) => m.displayName || m.email
			)
	},
	{
		list: 'a challenge’s team',
		sql: true,
		read: async (db, w, l) =>
			(await db.as(w.owner, (tx) => listTeam(tx, w.challenge.id, l))).map((m) => m.name)
	},
	{
		list: 'candidates for a challenge’s team',
		sql: true,
		read: async (db, w, l) =>
			(await db.as(w.owner, (tx) => teamCandidates(tx, w.titled[0], l))).map((m) => m.name)
	},
	{
		list: 'published challenges by title (scheduling a workshop)',
		sql: true,
		read: async (db, w, l) =>
			(await db.as(w.facilitator, (tx) => challengeChoice(tx, l, [], null))).options.map(
				(c) => c.title[l] ?? c.title[c.primaryLocale] ?? ''
			)
	},
	{
		list: 'submitted applications of a challenge',
		// Sorted in TypeScript (compareNames): sort_key per row was a third of the owner's
		// list query for hundreds of applications (issue 16).
		sql: false,
		read: async (db, w, l) =>
			(await db.as(w.owner, (tx) => listSubmitted(tx, w.challenge.id, l))).map((a) => a.teamName)
	},
	{
		list: 'applications CSV: rows by team',
		sql: true,
		read: async (db, w, l) =>
			(await db.as(w.owner, (tx) => applicationsCsv(tx, w.challenge.id, l))).rows.map((r) =>
				String(r[1])
			)
	},
	{
		list: 'applications CSV: the members cell',
		sql: false,
		read: async (db, w, l) => {
			const csv = await db.as(w.owner, (tx) => applicationsCsv(tx, w.challenge.id, l));
			const members = csv.header.indexOf('members');
			const row = csv.rows.find((r) => String(r[members]).includes(NAMES[0]))!;
			return String(row[members]).split('; ');
		}
	},
	{
		list: 'workshop candidate teams',
		sql: true,
		read: async (db, w, l) =>
			(await db.as(w.facilitator, (tx) => candidates(tx, w.challenge.id, l))).teams.map(
				(t) => t.name
			)
	},
	{
		list: 'workshop candidate staff',
		sql: true,
		read: async (db, w, l) =>
			(await db.as(w.facilitator, (tx) => candidates(tx, w.challenge.id, l))).staff.map(
				(s) => s.name || s.email
			)
	},
	{
		list: 'workshop boards',
		sql: true,
		read: async (db, w, l) =>
			(await db.as(w.facilitator, (tx) => workshopBoards(tx, w.workshop, l))).map(
				(b) => b.teamName ?? ''
			)
	},
	{
		list: 'workshop people',
		sql: true,
		read: async (db, w, l) =>
			(await db.as(w.facilitator, (tx) => workshopPeople(tx, w.workshop, l))).map((p) => p.name)
	},
	{
		list: 'summary mail: boards',
		sql: false,
		read: async (db, w, l) => paragraphsOfSummary(db, w, l).then((p) => p.boards)
	},
	{
		list: 'summary mail: people',
		sql: false,
		read: async (db, w, l) => paragraphsOfSummary(db, w, l).then((p) => p.people)
	}
];

/**
 * The workshop's summary mail (private.workshop_summary, as the outbox holds it) rendered
 * for a reader of `locale`: the team named on each board paragraph, and the names in the
 * "who took part" paragraph, each in the order the mail shows them.
 */
async function paragraphsOfSummary(db: Database, w: World, locale: Locale) {
	const [{ params }] = await db.service('test: summary params', (tx) =>
		tx.query<{ params: unknown }>(
			`select private.workshop_summary($1,
			   array(select b.id from public.boards b where b.workshop_id = $1), $2) as params`,
			[w.workshop, w.people.map((p) => p.id)]
		)
	);
	const mail = renderMail('workshop_summary', params, { email: 'x@x.example', name: '', locale });
	const paragraphs = mail.text.split('\n\n');
	const named = (p: string) => NAMES.filter((n) => p.includes(n));
	const boards = paragraphs.filter((p) => named(p.split('\n')[0]).length === 1);
	const people = paragraphs.find((p) => named(p).length === NAMES.length)!;
	return {
		boards: boards.map((p) => named(p.split('\n')[0])[0]),
		people: named(people).toSorted((a, b) => people.indexOf(a) - people.indexOf(b))
	};
}

describeEachDatabase('lists in the reader’s alphabet (issue 11, item 4)', (db) => {
	let w: World;
	beforeAll(async () => {
		w = await world(db());
	}, 120_000);

	it('would show another order in bytes and in English than in Finnish and Swedish', () => {
		expect(NAMES.toSorted()).toEqual(BYTE_ORDER);
		expect(BYTE_ORDER).not.toEqual(NORDIC);
		expect(EXPECTED.en).not.toEqual(NORDIC);
	});

	for (const { list, read } of LISTS)
		it(`${list}: aava, Zeta, Åbo, Ähtäri, Örebro in fi and sv; accents folded in en`, async () => {
			for (const locale of LOCALES)
				expect({ locale, shown: ours(await read(db(), w, locale)) }).toEqual({
					locale,
					shown: EXPECTED[locale]
				});
		});

	it('sorts members without a display name by the address shown', async () => {
		const nameless = await db().service('test: nameless member', async (tx) => {
			const [u] = await tx.query<{ id: string; email: string }>(
				`insert into auth.users (email, email_confirmed_at, raw_user_meta_data)
				 values ($1, now(), '{"display_name": ""}') returning id, email`,
				[`b-${rand()}@x.example`]
			);
			await tx.query(
				`insert into public.organisation_members (organisation_id, user_id, role) values ($1, $2, 'member')`,
				[w.org.id, u.id]
			);
			return u;
		});
		// A team outside the workshop: aava, b-…@x.example, Örebro, not the empty name first.
		const team = await createTeamWith(db(), w.solver.id, [
			nameless.id,
			w.people[4].id,
			w.people[0].id
		]);
		const expected = ['aava', nameless.email, 'Örebro'];
		const shown = (names: string[]) =>
			names.filter((n) => n === nameless.email || n === 'aava' || n === 'Örebro');
		const detail = await db().as(w.solver, (tx) => getTeam(tx, team.id, 'fi'));
		expect(shown(detail!.members.map((m) => m.displayName || m.email))).toEqual(expected);
		const members = await db().as(w.owner, (tx) =>
			membersPage(tx, w.org.id, [], 1, 'fi').then((p) => p.items)
		);
		expect(shown(members.map((m) => m.displayName || m.email))).toEqual(expected);
		const { staff } = await db().as(w.facilitator, (tx) => candidates(tx, w.challenge.id, 'fi'));
		expect(shown(staff.map((s) => s.name || s.email))).toEqual(expected);
	});

	// Each list above can fail: with a sort key that is the name itself (byte order), every
	// list the database orders shows Zeta, aava, Ähtäri, Åbo, Örebro in every language.
	it('follows public.sort_key: each list is in byte order with a byte-order key', async () => {
		const [{ def }] = await db().service('test: sort key definition', (tx) =>
			tx.query<{ def: string }>(
				`select pg_get_functiondef('public.sort_key(text, text)'::regprocedure) as def`
			)
		);
		await db().service('test: byte-order sort key', (tx) =>
			tx.query(`create or replace function public.sort_key(name text, locale text)
			  returns public.byte_text language sql immutable strict set search_path = ''
			  as $$ select name::public.byte_text $$`)
		);
		try {
			for (const { list, read } of LISTS.filter((l) => l.sql))
				for (const locale of LOCALES)
					expect({ list, locale, shown: ours(await read(db(), w, locale)) }).toEqual({
						list,
						locale,
						shown: BYTE_ORDER
					});
		} finally {
			await db().service('test: sort key restored', (tx) => tx.query(def));
		}
	});
});
