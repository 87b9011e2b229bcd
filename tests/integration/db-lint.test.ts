import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { attempt } from './attempt';
import { createTeamWith } from './application-fixtures';
import { describeEachDatabase } from './databases';
import { lintCatalogue, type Finding, type Rule } from './db-lint';
import { createChallenge, createOrganisation, createUser } from './fixtures';

const ROLLBACK = Symbol('rollback');

/**
 * What the lint finds after `broken` runs on top of the migrated schema, as the next
 * migration would: in a transaction that is rolled back, so the schema stays clean.
 */
async function lintAfter(db: Database, broken: string): Promise<Finding[]> {
	let found: Finding[] = [];
	try {
		await db.service('test: lint a broken migration', async (tx) => {
			await tx.exec(broken);
			found = await lintCatalogue(tx);
			throw ROLLBACK;
		});
	} catch (e) {
		if (e !== ROLLBACK) throw e;
	}
	return found;
}

/** One broken migration per rule, and the object the finding must name. */
const BROKEN: { rule: Rule; does: string; sql: string; object: string }[] = [
	{
		rule: 'rls',
		does: 'a new table without row-level security',
		sql: 'create table public.lint_scratch (id uuid primary key)',
		object: 'public.lint_scratch'
	},
	{
		rule: 'rls',
		does: 'a view that reads as its owner',
		sql: 'create view public.lint_profiles as select id, email from public.profiles',
		object: 'public.lint_profiles'
	},
	{
		rule: 'policy-for-grant',
		does: 'a privilege no policy uses',
		sql: 'grant delete on public.platform_admins to authenticated',
		object: 'public.platform_admins'
	},
	{
		rule: 'policy-for-grant',
		does: 'a new table with row-level security but no policies',
		sql: `create table public.lint_scratch (id uuid primary key);
		      alter table public.lint_scratch enable row level security;`,
		object: 'public.lint_scratch'
	},
	{
		rule: 'search-path',
		does: 'a helper whose search_path is reset',
		sql: 'alter function private.is_facilitator() reset search_path',
		object: 'private.is_facilitator()'
	},
	{
		rule: 'search-path',
		does: 'a new function without one',
		sql: "create function public.lint_answer() returns int language sql as 'select 42'",
		object: 'public.lint_answer()'
	},
	{
		rule: 'planned-once',
		does: 'a set helper written in SQL',
		sql: `create or replace function private.my_organisation_ids() returns setof uuid
		        language sql stable security definer set search_path = ''
		        as 'select organisation_id from public.organisation_members where user_id = (select auth.uid())'`,
		object: 'private.my_organisation_ids()'
	},
	{
		rule: 'planned-once',
		does: 'a per-row helper written in SQL',
		sql: `create or replace function private.is_team_member(team uuid) returns boolean
		        language sql stable security definer set search_path = ''
		        as 'select exists (select 1 from public.team_members where team_id = team and user_id = (select auth.uid()))'`,
		object: 'private.is_team_member(uuid)'
	},
	{
		rule: 'planned-once',
		does: 'a function of the API written in SQL',
		sql: `create or replace function public.challenge_follower_count(challenge uuid) returns int
		        language sql stable security definer set search_path = ''
		        as 'select count(*)::int from public.challenge_followers where challenge_id = challenge'`,
		object: 'public.challenge_follower_count(uuid)'
	},
	{
		rule: 'planned-once',
		does: 'a PL/pgSQL helper redefined without generic plans',
		sql: `create or replace function private.my_organisation_ids() returns setof uuid
		        language plpgsql stable security definer rows 10 set search_path = ''
		        as 'begin return query select organisation_id from public.organisation_members
		          where user_id = (select auth.uid()); end'`,
		object: 'private.my_organisation_ids()'
	},
	{
		rule: 'id-set-estimate',
		does: 'a set of ids redefined without ROWS',
		sql: `create or replace function private.my_team_ids() returns setof uuid
		        language plpgsql stable security definer set search_path = ''
		        as 'begin return query select team_id from public.team_members where user_id = (select auth.uid()); end'`,
		object: 'private.my_team_ids()'
	},
	{
		rule: 'exists-per-row',
		does: 'a count whose FILTER asks EXISTS for each row',
		sql: `create function public.lint_unscreened(challenge uuid) returns int
		        language plpgsql stable set search_path = ''
		        as 'begin return (select count(*) filter (where not exists (
		          select 1 from public.screening_decisions d where d.application_id = a.id))
		          from public.applications a where a.challenge_id = challenge); end'`,
		object: 'public.lint_unscreened(uuid)'
	},
	{
		rule: 'optional-filter',
		does: 'a helper narrowed by an optional scope in one statement',
		sql: `create or replace function private.my_challenge_ids() returns setof uuid
		        language plpgsql stable security definer rows 10 set search_path = ''
		        as 'declare scope uuid[] := private.challenge_scope(); begin
		          return query select c.id from public.challenges c
		          join public.organisation_members m on m.organisation_id = c.organisation_id
		          where m.user_id = (select auth.uid()) and (scope is null or c.id = any(scope)); end'`,
		object: 'private.my_challenge_ids()'
	},
	{
		rule: 'set-built-twice',
		does: 'a helper that builds one id set twice in a statement',
		sql: `create or replace function private.my_decision_item_ids() returns setof uuid
		        language plpgsql stable security definer rows 10
		        set search_path = '' set plan_cache_mode = force_generic_plan
		        as 'begin return query select i.id from public.decision_items i
		          where i.final_tender_id in (select t.id from public.final_tenders t
		                                      where t.concept_id in (select private.my_concept_ids()))
		             or i.concept_id in (select private.my_concept_ids()); end'`,
		object: 'private.my_decision_item_ids()'
	},
	{
		rule: 'call-per-row',
		does: 'a set helper asking a definer function about each row it reads',
		sql: `create or replace function private.my_owned_concept_ids() returns setof uuid
		        language plpgsql stable security definer rows 10
		        set search_path = '' set plan_cache_mode = force_generic_plan
		        as 'begin return query select t.concept_id from public.final_tenders t
		          where t.challenge_id in (select private.my_team_challenge_ids())
		            and private.final_tenders_unsealed(t.challenge_id); end'`,
		object: 'private.my_owned_concept_ids()'
	},
	{
		rule: 'auth-inlined',
		does: 'auth.uid() with a SET clause, which keeps it from being inlined',
		sql: "alter function auth.uid() set search_path = ''",
		object: 'auth.uid()'
	},
	{
		rule: 'auth-per-row',
		does: 'a policy calling auth.uid() per row',
		sql: `create policy "lint per row" on public.calendar_feeds
		        for delete to authenticated using (user_id = auth.uid())`,
		object: '"lint per row" on public.calendar_feeds'
	},
	{
		rule: 'auth-per-row',
		does: 'a policy reading user_metadata',
		sql: `create policy "lint metadata" on public.calendar_feeds for delete to authenticated
		        using (((select auth.jwt()) -> 'user_metadata' ->> 'admin') = 'true')`,
		object: '"lint metadata" on public.calendar_feeds'
	},
	{
		rule: 'index',
		does: 'a foreign key without an index',
		sql: 'drop index public.workshops_facilitator_id_idx',
		object: 'public.workshops(facilitator_id)'
	},
	{
		rule: 'index',
		does: 'a policy column without an index',
		sql: 'drop index public.workshops_facilitator_id_idx',
		object: 'public.workshops.facilitator_id'
	},
	{
		rule: 'index',
		does: 'a new policy filtering on an unindexed column',
		sql: `create policy "lint by email" on public.team_invitations for update to authenticated
		        using (email = (select auth.jwt() ->> 'email'))`,
		object: 'public.team_invitations.email'
	},
	{
		rule: 'dangerous-grant',
		does: 'TRUNCATE for anon',
		sql: 'grant truncate on public.accessibility_feedback to anon',
		object: 'public.accessibility_feedback'
	},
	{
		rule: 'dangerous-grant',
		does: 'TRIGGER for authenticated on a table a later migration makes',
		sql: `create table public.lint_scratch (id uuid primary key);
		      alter table public.lint_scratch enable row level security;
		      grant trigger on public.lint_scratch to authenticated;`,
		object: 'public.lint_scratch'
	},
	{
		rule: 'dangerous-grant',
		does: 'REFERENCES and TRIGGER by default on new tables',
		sql: 'alter default privileges in schema public grant references, trigger on tables to authenticated',
		object: 'default privileges of postgres on tables in schema public'
	},
	{
		rule: 'anon-execute',
		does: 'a helper granted to anon',
		sql: 'grant execute on function private.project_team(uuid) to anon',
		object: 'private.project_team(uuid)'
	},
	{
		rule: 'anon-execute',
		does: 'a new function left executable by public',
		sql: `create function public.lint_answer() returns int language sql set search_path = '' as 'select 42';
		      grant execute on function public.lint_answer() to public;`,
		object: 'public.lint_answer()'
	},
	{
		rule: 'anon-execute',
		does: 'new functions executable by public by default',
		sql: 'alter default privileges grant execute on functions to public',
		object: 'default privileges of postgres on functions'
	},
	{
		rule: 'duplicate-policy',
		does: 'a for-all policy beside a select policy',
		sql: `create policy "lint all" on public.challenge_stages for all to authenticated
		        using ((select private.is_challenge_member(challenge_id)))`,
		object: 'public.challenge_stages'
	},
	{
		rule: 'duplicate-policy',
		does: 'a second select policy for public',
		sql: 'create policy "lint public" on public.organisations for select using (true)',
		object: 'public.organisations'
	},
	{
		rule: 'audit-column',
		does: 'an audit column granted back to authenticated',
		sql: 'grant update (created_at) on public.organisation_members to authenticated',
		object: 'public.organisation_members.created_at'
	},
	{
		rule: 'audit-column',
		does: 'a new table whose audit columns every user may write',
		sql: `create table public.lint_scratch (id uuid primary key, decided_by uuid, decided_at timestamptz);
		      alter table public.lint_scratch enable row level security;
		      grant insert on public.lint_scratch to authenticated;`,
		object: 'public.lint_scratch.decided_by'
	},
	{
		rule: 'blank-text',
		does: 'a required text column a user may write without a check refusing blank',
		sql: 'alter table public.teams drop constraint teams_name_blank',
		object: 'public.teams.name'
	},
	...(['title', 'tags', 'body'] as const).map((column) => ({
		rule: 'blank-text' as const,
		does: `a new table whose ${column} (text, text[], jsonb) a user may write`,
		sql: `create table public.lint_scratch (id uuid primary key, title text not null, tags text[], body jsonb);
		      alter table public.lint_scratch enable row level security;
		      create policy "lint scratch" on public.lint_scratch for insert to authenticated with check (true);
		      grant insert (title, tags, body) on public.lint_scratch to authenticated;`,
		object: `public.lint_scratch.${column}`
	}))
];

describeEachDatabase('database lint', (db) => {
	it('finds nothing in the migrated catalogue', async () => {
		const findings = await db().service('test: lint', (tx) => lintCatalogue(tx));
		expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
	});

	describe('finds each kind of fault a migration can bring', () => {
		it.each(BROKEN)('$rule: $does', async ({ rule, sql, object }) => {
			const findings = await lintAfter(db(), sql);
			const hit = findings.find((f) => f.rule === rule && f.object === object);
			expect(hit, JSON.stringify(findings, null, 1)).toBeDefined();
			expect(hit!.message).toContain(object);
		});
	});

	it('leaves the schema as it was after each broken migration', async () => {
		const findings = await db().service('test: lint', (tx) => lintCatalogue(tx));
		expect(findings).toEqual([]);
	});
});

describeEachDatabase('least privilege', (db) => {
	let outsider: { id: string; email: string };
	let lead: { id: string; email: string };
	let project: string;
	let question: string;

	beforeAll(async () => {
		outsider = await createUser(db(), 'Otto Outsider');
		lead = await createUser(db(), 'Leo Lead');
		const owner = await createUser(db(), 'Olga Owner');
		const org = await createOrganisation(db(), owner.id);
		const draft = await createChallenge(db(), org.id, 'draft');
		const team = await createTeamWith(db(), lead.id);
		[project, question] = await db().service('test fixture: project and question', async (tx) => {
			const [p] = await tx.query<{ id: string }>(
				`insert into public.team_projects (team_id, title, start_month) values ($1, 'P', '2024-01-01')
				 returning id`,
				[team.id]
			);
			const [q] = await tx.query<{ id: string }>(
				`insert into public.challenge_questions (challenge_id, body) values ($1, 'Why?') returning id`,
				[draft.id]
			);
			return [p.id, q.id];
		});
	});

	it('no visitor or user truncates a table, which would ignore row-level security', async () => {
		for (const who of [null, outsider]) {
			expect(await attempt(db(), who, 'truncate public.accessibility_feedback')).toBe('denied');
			expect(await attempt(db(), who, 'truncate public.challenges cascade')).toBe('denied');
		}
	});

	it('tables and functions made after the migrations get nothing by default', async () => {
		const granted = await db().service('test: defaults', async (tx) => {
			await tx.exec(`create table public.lint_later (id int primary key);
				create function public.lint_later_f() returns int language sql set search_path = '' as 'select 1';`);
			const [row] = await tx.query<Record<string, boolean>>(
				`select has_table_privilege('anon', 'public.lint_later', 'TRUNCATE') as anon_truncate,
				   has_table_privilege('authenticated', 'public.lint_later', 'TRIGGER') as auth_trigger,
				   has_table_privilege('authenticated', 'public.lint_later', 'REFERENCES') as auth_references,
				   has_function_privilege('anon', 'public.lint_later_f()', 'EXECUTE') as anon_execute,
				   has_function_privilege('authenticated', 'public.lint_later_f()', 'EXECUTE') as auth_execute`
			);
			await tx.exec('drop function public.lint_later_f(); drop table public.lint_later;');
			return row;
		});
		expect(granted).toEqual({
			anon_truncate: false,
			auth_trigger: false,
			auth_references: false,
			anon_execute: false,
			auth_execute: false
		});
	});

	it("helpers answer only about rows the caller may see: a project's team, a question's challenge", async () => {
		const ask = (who: { id: string } | null, sql: string, id: string) =>
			db().as(who, (tx) => tx.query<{ v: string | null }>(sql, [id]));
		const team = 'select private.project_team($1) as v';
		const challenge = 'select private.question_challenge($1) as v';
		expect(await attempt(db(), null, team, [project])).toBe('denied');
		expect(await attempt(db(), null, challenge, [question])).toBe('denied');
		expect((await ask(outsider, team, project))[0].v).toBeNull();
		expect((await ask(outsider, challenge, question))[0].v).toBeNull();
		expect((await ask(lead, team, project))[0].v).not.toBeNull();
	});
});
