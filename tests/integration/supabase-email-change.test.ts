import { expect, it } from 'vitest';
import { CODE_FAILURE_LIMIT, CODE_WINDOW_MS } from '../../src/lib/server/auth/second-factor';
import type { Queryable } from '../../src/lib/server/db';
import { describeEachDatabase } from './databases';
import { createUser } from './fixtures';

// Supabase mode's change of address (issue 15): Supabase Auth confirms it by writing
// auth.users.email as supabase_auth_admin; the profile follows and the audit log records
// it (20261210002100_supabase_mfa_email.sql), on PGlite and Postgres alike.

/** Runs `statement` as Supabase Auth does: connected as supabase_auth_admin. */
async function asSupabaseAuth(tx: Queryable, statement: string, params: unknown[]) {
	// Roles are cluster-wide; Postgres may have it from another test already.
	await tx.query(`do $$ begin
		if not exists (select 1 from pg_roles where rolname = 'supabase_auth_admin') then
			create role supabase_auth_admin nologin;
		end if;
	exception when duplicate_object or unique_violation then null;
	end $$`);
	await tx.query('grant usage on schema auth to supabase_auth_admin');
	await tx.query('grant select, update on auth.users to supabase_auth_admin');
	// On Supabase the role owns auth.users; here its row-level security needs a policy.
	await tx.query('drop policy if exists "supabase auth" on auth.users');
	await tx.query('create policy "supabase auth" on auth.users to supabase_auth_admin using (true)');
	await tx.query('set local role supabase_auth_admin');
	await tx.query(statement, params);
	await tx.query('reset role');
}

const state = (tx: Queryable, id: string) =>
	tx
		.query<{ profile: string; entries: { action: string; actor: string; details: object }[] }>(
			`select p.email as profile,
			        coalesce((select jsonb_agg(jsonb_build_object('action', a.action,
			                   'actor', a.actor_id, 'details', a.details))
			                  from public.audit_log a
			                  where a.target_id = $1::text and a.action = 'email_change'), '[]') as entries
			 from public.profiles p where p.id = $1::uuid`,
			[id]
		)
		.then(([row]) => row);

describeEachDatabase('Supabase Auth changing an address', (db) => {
	it('moves the profile to the new address and records it as local mode does', async () => {
		const user = await createUser(db(), 'Siiri Supabase');
		const after = await db().service('test: supabase confirms', async (tx) => {
			await asSupabaseAuth(tx, 'update auth.users set email = $2 where id = $1', [
				user.id,
				'Siiri.Uusi@Example.fi'
			]);
			return state(tx, user.id);
		});
		expect(after).toEqual({
			profile: 'siiri.uusi@example.fi',
			entries: [{ action: 'email_change', actor: user.id, details: { via: 'supabase' } }]
		});
	});

	it('records nothing when only another column changes', async () => {
		const user = await createUser(db(), 'Sanna Sama');
		const after = await db().service('test: supabase touches', async (tx) => {
			await asSupabaseAuth(
				tx,
				'update auth.users set email = email, updated_at = now() where id = $1',
				[user.id]
			);
			return state(tx, user.id);
		});
		expect(after).toEqual({ profile: user.email, entries: [] });
	});

	it("leaves local mode's own change to the app: the profile follows, no second entry", async () => {
		const user = await createUser(db(), 'Lauri Local');
		const after = await db().service('test: local change', async (tx) => {
			await tx.query('update auth.users set email = $2 where id = $1', [
				user.id,
				'lauri@example.fi'
			]);
			return state(tx, user.id);
		});
		expect(after).toEqual({ profile: 'lauri@example.fi', entries: [] });
	});

	it("counts wrong second-factor codes with local mode's numbers", async () => {
		const [rule] = await db().service('test: rule', (tx) =>
			tx.query<{ max: number; ms: number }>(
				`select max_hits as max, window_seconds * 1000 as ms from private.limit_rules
				 where name = 'secondFactorCode'`
			)
		);
		expect(rule).toEqual({ max: CODE_FAILURE_LIMIT, ms: CODE_WINDOW_MS });
	});
});
