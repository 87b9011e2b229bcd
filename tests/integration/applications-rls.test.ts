import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/lib/server/db/database';
import { attempt } from './attempt';
import { describeEachDatabase } from './databases';
import { createScreeningScenario, type ScreeningScenario } from './screening-fixtures';

/**
 * Who may do what with teams, work history, applications and screening, as a table:
 * for each statement, what each role gets — rows seen or affected, or 'denied'.
 * Every write is rolled back, so each row of the table starts from the same fixture.
 *
 * Roles: anon; an outsider; team A's member and lead; team B's member; the challenge's
 * owner; another organisation's owner. Team A has a submitted application (appA, decided
 * eligible) and a draft (draftA); team B a submitted application (appB, marked, undecided).
 * Audit columns, state and screening are written only by the database's functions
 * (supabase/migrations/20261130000300_record_guards.sql), so direct writes of them are
 * 'denied' for everyone; the direct-access suite tries the legitimate paths too.
 */
const ROLES = ['anon', 'outsider', 'member', 'lead', 'otherTeam', 'owner', 'otherOwner'] as const;
type Role = (typeof ROLES)[number];
type Outcome = number | 'denied';
type Expect = Record<Role, Outcome>;

/** Everyone gets `rest`, except the roles named. */
const all = (rest: Outcome, except: Partial<Expect> = {}): Expect => ({
	...(Object.fromEntries(ROLES.map((r) => [r, rest])) as Expect),
	...except
});
const team = (n: Outcome, rest: Outcome = 0) => all(rest, { member: n, lead: n });

interface Case {
	does: string;
	sql: string;
	params: (s: ScreeningScenario) => unknown[];
	expect: Expect;
}

const HEX = 'b'.repeat(64);
const PDF = '00000000-0000-4000-8000-00000000abcd.pdf';

const MATRIX: Record<string, Case[]> = {
	teams: [
		{
			does: 'select team A',
			sql: 'select id from teams where id = $1',
			params: (s) => [s.teamA.id],
			expect: all(0, { member: 1, lead: 1, owner: 1 })
		},
		{
			does: 'insert a team directly',
			sql: "insert into teams (name) values ('Intruders') returning id",
			params: () => [],
			expect: all('denied')
		},
		{
			does: 'update team A',
			sql: "update teams set description = 'x' where id = $1 returning id",
			params: (s) => [s.teamA.id],
			expect: all(0, { anon: 'denied', lead: 1 })
		},
		{
			does: 'delete team A',
			sql: 'delete from teams where id = $1 returning id',
			params: (s) => [s.teamA.id],
			expect: all(0)
		}
	],
	team_members: [
		{
			does: "select team A's members",
			sql: 'select user_id from team_members where team_id = $1',
			params: (s) => [s.teamA.id],
			expect: all(0, { member: 2, lead: 2, owner: 2 })
		},
		{
			does: 'add someone to team A',
			sql: 'insert into team_members (team_id, user_id) values ($1, $2) returning user_id',
			params: (s) => [s.teamA.id, s.outsider.id],
			expect: all('denied')
		},
		{
			does: "update team A's members",
			sql: 'update team_members set joined_at = now() where team_id = $1 returning user_id',
			params: (s) => [s.teamA.id],
			expect: all('denied')
		},
		{
			does: "remove team A's member",
			sql: 'delete from team_members where team_id = $1 and user_id = $2 returning user_id',
			params: (s) => [s.teamA.id, s.member.id],
			expect: team(1)
		},
		{
			does: "remove team A's lead",
			sql: 'delete from team_members where team_id = $1 and user_id = $2 returning user_id',
			params: (s) => [s.teamA.id, s.lead.id],
			expect: all(0)
		}
	],
	team_invitations: [
		{
			does: "select team A's invitations",
			sql: 'select id from team_invitations where team_id = $1',
			params: (s) => [s.teamA.id],
			expect: team(1)
		},
		{
			does: 'invite to team A',
			sql: "insert into team_invitations (team_id, email, token_hash) values ($1, 'x@test.example', $2) returning id",
			params: (s) => [s.teamA.id, HEX],
			expect: all('denied', { lead: 1 })
		},
		{
			does: "update team A's invitations",
			sql: 'update team_invitations set expires_at = now() where team_id = $1 returning id',
			params: (s) => [s.teamA.id],
			expect: all('denied')
		},
		{
			does: "withdraw team A's invitation",
			sql: 'delete from team_invitations where team_id = $1 returning id',
			params: (s) => [s.teamA.id],
			expect: all(0, { anon: 'denied', lead: 1 })
		}
	],
	work_entries: [
		{
			does: "select the lead's submitted entry",
			sql: 'select id from work_entries where id = $1',
			params: (s) => [s.leadEntry],
			expect: all(0, { lead: 1, owner: 1 })
		},
		{
			does: "select the member's entry added after submitting",
			sql: 'select id from work_entries where id = $1',
			params: (s) => [s.lateEntry],
			expect: all(0, { member: 1 })
		},
		{
			does: 'insert an entry naming the lead (whose it is, is the database’s to say)',
			sql: "insert into work_entries (user_id, area, organisation, role, start_month) values ($1, 'a', 'o', 'r', '2020-01-01') returning id",
			params: (s) => [s.lead.id],
			expect: all('denied')
		},
		{
			does: 'insert an own entry',
			sql: "insert into work_entries (area, organisation, role, start_month) values ('a', 'o', 'r', '2020-01-01') returning id",
			params: () => [],
			expect: all(1, { anon: 'denied' })
		},
		{
			does: "update the lead's entry",
			sql: "update work_entries set role = 'x' where id = $1 returning id",
			params: (s) => [s.leadEntry],
			expect: all(0, { anon: 'denied', lead: 1 })
		},
		{
			does: "delete the lead's entry",
			sql: 'delete from work_entries where id = $1 returning id',
			params: (s) => [s.leadEntry],
			expect: all(0, { anon: 'denied', lead: 1 })
		}
	],
	team_projects: [
		{
			does: "select team A's projects",
			sql: 'select id from team_projects where team_id = $1',
			params: (s) => [s.teamA.id],
			expect: all(0, { member: 2, lead: 2, owner: 2 })
		},
		{
			does: 'insert a project for team A',
			sql: "insert into team_projects (team_id, title, start_month) values ($1, 'P', '2021-01-01') returning id",
			params: (s) => [s.teamA.id],
			expect: team(1, 'denied')
		},
		{
			does: "update team A's project",
			sql: "update team_projects set title = 'x' where id = $1 returning id",
			params: (s) => [s.project],
			expect: all(0, { anon: 'denied', member: 1, lead: 1 })
		},
		{
			does: "delete team A's project",
			sql: 'delete from team_projects where id = $1 returning id',
			params: (s) => [s.project],
			expect: all(0, { anon: 'denied', member: 1, lead: 1 })
		}
	],
	team_project_members: [
		{
			does: "select who took part in team A's project",
			sql: 'select user_id from team_project_members where project_id = $1',
			params: (s) => [s.project],
			expect: all(0, { member: 2, lead: 2, owner: 2 })
		},
		{
			does: 'name the member in a project',
			sql: 'insert into team_project_members (project_id, user_id) values ($1, $2) returning user_id',
			params: (s) => [s.soloProject, s.member.id],
			expect: team(1, 'denied')
		},
		{
			does: 'name an outsider in a project',
			sql: 'insert into team_project_members (project_id, user_id) values ($1, $2) returning user_id',
			params: (s) => [s.soloProject, s.outsider.id],
			expect: all('denied')
		},
		{
			does: 'update who took part',
			sql: 'update team_project_members set user_id = user_id where project_id = $1 returning user_id',
			params: (s) => [s.project],
			expect: all('denied')
		},
		{
			does: 'remove the member from a project',
			sql: 'delete from team_project_members where project_id = $1 and user_id = $2 returning user_id',
			params: (s) => [s.project, s.member.id],
			expect: all(0, { anon: 'denied', member: 1, lead: 1 })
		}
	],
	applications: [
		{
			does: 'select appA (submitted)',
			sql: 'select id from applications where id = $1',
			params: (s) => [s.appA.id],
			expect: all(0, { member: 1, lead: 1, owner: 1 })
		},
		{
			does: 'select draftA',
			sql: 'select id from applications where id = $1',
			params: (s) => [s.draftA.id],
			expect: team(1)
		},
		{
			does: "select team B's appB",
			sql: 'select id from applications where id = $1',
			params: (s) => [s.appB.id],
			expect: all(0, { otherTeam: 1, owner: 1 })
		},
		{
			does: 'start an application for team A',
			sql: 'insert into applications (challenge_id, team_id) values ($1, $2) returning id',
			params: (s) => [s.spareChallenge.id, s.teamA.id],
			expect: team(1, 'denied')
		},
		{
			does: 'update draftA',
			sql: 'update applications set updated_at = now() where id = $1 returning id',
			params: (s) => [s.draftA.id],
			expect: all('denied')
		},
		{
			does: 'update appA (submitted)',
			sql: 'update applications set updated_at = now() where id = $1 returning id',
			params: (s) => [s.appA.id],
			expect: all('denied')
		},
		{
			does: 'delete draftA',
			sql: 'delete from applications where id = $1 returning id',
			params: (s) => [s.draftA.id],
			expect: all(0, { anon: 'denied', member: 1, lead: 1 })
		},
		{
			does: 'delete appA (submitted)',
			sql: 'delete from applications where id = $1 returning id',
			params: (s) => [s.appA.id],
			expect: all(0, { anon: 'denied' })
		}
	],
	application_ideas: [
		{
			does: "select appA's ideas",
			sql: 'select position from application_ideas where application_id = $1',
			params: (s) => [s.appA.id],
			expect: all(0, { member: 3, lead: 3, owner: 3 })
		},
		{
			does: "select draftA's ideas",
			sql: 'select position from application_ideas where application_id = $1',
			params: (s) => [s.draftA.id],
			expect: team(1)
		},
		{
			does: "select appB's ideas",
			sql: 'select position from application_ideas where application_id = $1',
			params: (s) => [s.appB.id],
			expect: all(0, { otherTeam: 3, owner: 3 })
		},
		{
			does: 'add an idea to draftA',
			sql: "insert into application_ideas (application_id, position, title) values ($1, 5, 'x') returning position",
			params: (s) => [s.draftA.id],
			expect: team(1, 'denied')
		},
		{
			does: 'add an idea to appA',
			sql: "insert into application_ideas (application_id, position, title) values ($1, 5, 'x') returning position",
			params: (s) => [s.appA.id],
			expect: all('denied')
		},
		{
			does: "update draftA's ideas",
			sql: "update application_ideas set title = 'x' where application_id = $1 returning position",
			params: (s) => [s.draftA.id],
			expect: all(0, { anon: 'denied', member: 1, lead: 1 })
		},
		{
			does: "update appA's ideas",
			sql: "update application_ideas set title = 'x' where application_id = $1 returning position",
			params: (s) => [s.appA.id],
			expect: all(0, { anon: 'denied' })
		},
		{
			does: "delete draftA's ideas",
			sql: 'delete from application_ideas where application_id = $1 returning position',
			params: (s) => [s.draftA.id],
			expect: all(0, { anon: 'denied', member: 1, lead: 1 })
		},
		{
			does: "delete appA's ideas",
			sql: 'delete from application_ideas where application_id = $1 returning position',
			params: (s) => [s.appA.id],
			expect: all(0, { anon: 'denied' })
		}
	],
	application_answers: [
		{
			does: "select appA's answers",
			sql: 'select requirement_id from application_answers where application_id = $1',
			params: (s) => [s.appA.id],
			expect: all(0, { member: 2, lead: 2, owner: 2 })
		},
		{
			does: "select draftA's answers",
			sql: 'select requirement_id from application_answers where application_id = $1',
			params: (s) => [s.draftA.id],
			expect: team(1)
		},
		{
			does: "select appB's answers",
			sql: 'select requirement_id from application_answers where application_id = $1',
			params: (s) => [s.appB.id],
			expect: all(0, { otherTeam: 2, owner: 2 })
		},
		{
			does: 'answer for draftA',
			sql: 'insert into application_answers (application_id, requirement_id, meets) values ($1, $2, true) returning requirement_id',
			params: (s) => [s.draftA.id, s.secondChallenge.requirementIds[1]],
			expect: team(1, 'denied')
		},
		{
			does: "update appA's answers",
			sql: 'update application_answers set meets = false where application_id = $1 returning requirement_id',
			params: (s) => [s.appA.id],
			expect: all(0, { anon: 'denied' })
		},
		{
			does: "update draftA's answers",
			sql: 'update application_answers set meets = false where application_id = $1 returning requirement_id',
			params: (s) => [s.draftA.id],
			expect: all(0, { anon: 'denied', member: 1, lead: 1 })
		},
		{
			does: "delete appA's answers",
			sql: 'delete from application_answers where application_id = $1 returning requirement_id',
			params: (s) => [s.appA.id],
			expect: all(0, { anon: 'denied' })
		}
	],
	application_documents: [
		{
			does: "select appA's documents",
			sql: 'select id from application_documents where application_id = $1',
			params: (s) => [s.appA.id],
			expect: all(0, { member: 1, lead: 1, owner: 1 })
		},
		{
			does: "select draftA's documents",
			sql: 'select id from application_documents where application_id = $1',
			params: (s) => [s.draftA.id],
			expect: team(1)
		},
		{
			does: 'attach to draftA',
			sql: "insert into application_documents (application_id, file_key, file_name, mime, size) values ($1, $2, 'x.pdf', 'application/pdf', 1) returning id",
			params: (s) => [s.draftA.id, PDF],
			expect: team(1, 'denied')
		},
		{
			does: 'attach to appA',
			sql: "insert into application_documents (application_id, file_key, file_name, mime, size) values ($1, $2, 'x.pdf', 'application/pdf', 1) returning id",
			params: (s) => [s.appA.id, PDF],
			expect: all('denied')
		},
		{
			does: 'rename a document',
			sql: "update application_documents set file_name = 'y.pdf' where application_id = $1 returning id",
			params: (s) => [s.draftA.id],
			expect: all('denied')
		},
		{
			does: "remove draftA's document",
			sql: 'delete from application_documents where application_id = $1 returning id',
			params: (s) => [s.draftA.id],
			expect: all(0, { anon: 'denied', member: 1, lead: 1 })
		},
		{
			does: "remove appA's document",
			sql: 'delete from application_documents where application_id = $1 returning id',
			params: (s) => [s.appA.id],
			expect: all(0, { anon: 'denied' })
		}
	],
	application_work_entries: [
		{
			does: "select appA's attached work history",
			sql: 'select entry_id from application_work_entries where application_id = $1',
			params: (s) => [s.appA.id],
			expect: all(0, { member: 2, lead: 2, owner: 2 })
		},
		{
			does: 'attach an entry to appA',
			sql: 'insert into application_work_entries (application_id, entry_id) values ($1, $2) returning entry_id',
			params: (s) => [s.appA.id, s.lateEntry],
			expect: all('denied')
		},
		{
			does: 'change an attachment',
			sql: 'update application_work_entries set entry_id = entry_id where application_id = $1 returning entry_id',
			params: (s) => [s.appA.id],
			expect: all('denied')
		},
		{
			does: 'detach appA’s work history',
			sql: 'delete from application_work_entries where application_id = $1 returning entry_id',
			params: (s) => [s.appA.id],
			expect: all('denied')
		}
	],
	application_events: [
		{
			does: "select appA's record",
			sql: 'select id from application_events where application_id = $1',
			params: (s) => [s.appA.id],
			expect: all(0, { member: 1, lead: 1, owner: 1 })
		},
		{
			does: 'forge an event',
			sql: "insert into application_events (application_id, kind) values ($1, 'withdrawn') returning id",
			params: (s) => [s.appA.id],
			expect: all('denied')
		},
		{
			does: 'rewrite the record',
			sql: 'update application_events set at = now() where application_id = $1 returning id',
			params: (s) => [s.appA.id],
			expect: all('denied')
		},
		{
			does: 'erase the record',
			sql: 'delete from application_events where application_id = $1 returning id',
			params: (s) => [s.appA.id],
			expect: all('denied')
		}
	],
	screening_marks: [
		{
			does: "select appA's marks (decided)",
			sql: 'select requirement_id from screening_marks where application_id = $1',
			params: (s) => [s.appA.id],
			expect: all(0, { member: 2, lead: 2, owner: 2 })
		},
		{
			does: "select appB's marks (not yet decided)",
			sql: 'select requirement_id from screening_marks where application_id = $1',
			params: (s) => [s.appB.id],
			expect: all(0, { owner: 1 })
		},
		{
			does: 'mark appB',
			sql: 'insert into screening_marks (application_id, requirement_id, met) values ($1, $2, true) returning requirement_id',
			params: (s) => [s.appB.id, s.challenge.requirementIds[1]],
			expect: all('denied')
		},
		{
			does: 'mark draftA',
			sql: 'insert into screening_marks (application_id, requirement_id, met) values ($1, $2, true) returning requirement_id',
			params: (s) => [s.draftA.id, s.secondChallenge.requirementIds[0]],
			expect: all('denied')
		},
		{
			does: "change appA's marks",
			sql: "update screening_marks set reason = 'x' where application_id = $1 returning requirement_id",
			params: (s) => [s.appA.id],
			expect: all('denied')
		},
		{
			does: "delete appA's marks",
			sql: 'delete from screening_marks where application_id = $1 returning requirement_id',
			params: (s) => [s.appA.id],
			expect: all('denied')
		}
	],
	screening_decisions: [
		{
			does: "select appA's decision",
			sql: 'select eligible from screening_decisions where application_id = $1',
			params: (s) => [s.appA.id],
			expect: all(0, { member: 1, lead: 1, owner: 1 })
		},
		{
			does: 'decide appB',
			sql: "insert into screening_decisions (application_id, eligible, justification) values ($1, false, 'x') returning eligible",
			params: (s) => [s.appB.id],
			expect: all('denied')
		},
		{
			does: 'decide draftA',
			sql: "insert into screening_decisions (application_id, eligible, justification) values ($1, true, 'x') returning eligible",
			params: (s) => [s.draftA.id],
			expect: all('denied')
		},
		{
			does: "revise appA's decision",
			sql: "update screening_decisions set justification = 'y' where application_id = $1 returning eligible",
			params: (s) => [s.appA.id],
			expect: all('denied')
		},
		{
			does: "delete appA's decision",
			sql: 'delete from screening_decisions where application_id = $1 returning eligible',
			params: (s) => [s.appA.id],
			expect: all('denied')
		}
	]
};

describeEachDatabase('applications: row-level security matrix', (db) => {
	let s: ScreeningScenario;
	let who: Record<Role, Principal>;

	beforeAll(async () => {
		s = await createScreeningScenario(db());
		who = {
			anon: null,
			outsider: s.outsider,
			member: s.member,
			lead: s.lead,
			otherTeam: s.otherTeam,
			owner: s.owner,
			otherOwner: s.otherOwner
		};
	});

	for (const [table, cases] of Object.entries(MATRIX)) {
		describe(table, () => {
			it.each(cases)('$does', async ({ sql, params, expect: wanted }) => {
				const got: Partial<Expect> = {};
				for (const role of ROLES) {
					got[role] = await attempt(db(), who[role], sql, params(s), { rollback: true });
				}
				expect(got).toEqual(wanted);
			});
		});
	}

	it('work history becomes visible to the owner only with a submitted application', async () => {
		const sql = 'select id from work_entries where id = $1';
		expect(await attempt(db(), s.owner, sql, [s.memberEntry])).toBe(1);
		expect(await attempt(db(), s.owner, sql, [s.lateEntry])).toBe(0);
		expect(await attempt(db(), s.lead, sql, [s.memberEntry])).toBe(0);
	});

	it('nothing of the applications is visible to anon or another organisation', async () => {
		for (const table of Object.keys(MATRIX)) {
			expect(await attempt(db(), null, `select * from ${table}`), table).toBe(0);
			expect(await attempt(db(), s.otherOwner, `select * from ${table}`), table).toBe(0);
		}
	});
});
