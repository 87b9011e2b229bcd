import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { migrate } from '../../src/lib/server/db/migrate';
import { openPostgres } from '../../src/lib/server/db/postgres';
import { schemaMigrations } from '../../src/lib/server/db/sql-files';

// Issue 15: every statement in supabase/migrations applies to a Supabase project unchanged,
// through the real Supabase CLI (pinned in package.json), and the app's own migrator then
// sees every migration as applied. The database is prepared with only what a new Supabase
// project provides (tests/support/supabase-base.sql: roles, auth, storage, extensions, the
// default privileges), never supabase/local, and the push runs as a non-superuser owner,
// as `postgres` is on Supabase.

const root = fileURLToPath(new URL('../../', import.meta.url));
const base = readFileSync(new URL('../support/supabase-base.sql', import.meta.url), 'utf8');
const url = process.env.TEST_DATABASE_URL;
if (!url) console.warn('Supabase push test skipped: TEST_DATABASE_URL is not set.');

/** Runs the CLI from the repository root; resolves with its exit code and output. */
function supabase(args: string[]): Promise<{ code: number; output: string }> {
	return new Promise((resolve) => {
		execFile(
			`${root}node_modules/.bin/supabase`,
			args,
			{ cwd: root, timeout: 50_000, env: { ...process.env, DO_NOT_TRACK: '1' } },
			(error, stdout, stderr) => {
				const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
				resolve({ code, output: `${stdout}${stderr}` });
			}
		);
	});
}

/**
 * What anon, authenticated and service_role may do in schemas public and private: table,
 * column-only, sequence and function privileges, one line each, sorted. Owners and
 * grantors are left out, so a database migrated by another role compares equal.
 */
const PRIVILEGES = `
	with roles(role) as (values ('anon'), ('authenticated'), ('service_role')),
	rel as (
		select c.oid, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
		where n.nspname in ('public', 'private') and c.relkind in ('r', 'p', 'v', 'm', 'S'))
	select r.role || ' ' || a.priv || ' ' || rel.oid::regclass::text as line
	from rel cross join roles r
	cross join (values ('SELECT'), ('INSERT'), ('UPDATE'), ('DELETE'), ('TRUNCATE'),
	                   ('REFERENCES'), ('TRIGGER')) a(priv)
	where rel.relkind <> 'S' and has_table_privilege(r.role, rel.oid, a.priv)
	union all
	select r.role || ' ' || a.priv || ' ' || rel.oid::regclass::text || '.' || att.attname
	from rel join pg_attribute att on att.attrelid = rel.oid and att.attnum > 0
		and not att.attisdropped
	cross join roles r cross join (values ('SELECT'), ('INSERT'), ('UPDATE')) a(priv)
	where rel.relkind <> 'S' and has_column_privilege(r.role, rel.oid, att.attnum, a.priv)
		and not has_table_privilege(r.role, rel.oid, a.priv)
	union all
	select r.role || ' ' || a.priv || ' ' || rel.oid::regclass::text
	from rel cross join roles r cross join (values ('USAGE'), ('SELECT'), ('UPDATE')) a(priv)
	where rel.relkind = 'S' and has_sequence_privilege(r.role, rel.oid, a.priv)
	union all
	select r.role || ' EXECUTE ' || p.oid::regprocedure::text
	from pg_proc p join pg_namespace n on n.oid = p.pronamespace cross join roles r
	where n.nspname in ('public', 'private') and has_function_privilege(r.role, p.oid, 'EXECUTE')
	order by 1`;

function databaseUrl(name: string, user?: { name: string; password: string }): string {
	const target = new URL(url!);
	target.pathname = `/${name}`;
	if (user) {
		target.username = user.name;
		target.password = user.password;
	}
	if (!target.searchParams.has('sslmode')) target.searchParams.set('sslmode', 'disable');
	return target.href;
}

(url ? describe : describe.skip)('supabase db push to a new Supabase project [postgres]', () => {
	// Named after the test database (h_<helper>_push_… or talkoot_push_…) so runs sharing
	// a server stay apart; the owner role is this run's own and dropped with the database.
	const prefix = (new URL(url ?? 'postgres://x/talkoot').pathname.slice(1) || 'talkoot').slice(
		0,
		30
	);
	const name = `${prefix}_push_${process.pid}_${randomBytes(3).toString('hex')}`.toLowerCase();
	const owner = { name: `${name}_owner`, password: randomBytes(16).toString('hex') };
	let admin: postgres.Sql;
	let project: postgres.Sql;
	let push: { code: number; output: string };

	beforeAll(async () => {
		admin = postgres(url!, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
		// Supabase's postgres: no superuser, may create databases and roles, bypasses RLS.
		await admin.unsafe(
			`create role ${owner.name} login nosuperuser createdb createrole bypassrls
			 password '${owner.password}'`
		);
		project = postgres(databaseUrl(name), { max: 1, onnotice: () => {} });
		await project.unsafe(
			`select set_config('supabase_base.owner', '${owner.name}', false);\n${base}`
		);
		push = await supabase([
			'db',
			'push',
			'--db-url',
			databaseUrl(name, owner),
			'--include-all',
			'--yes'
		]);
	}, 60_000);

	afterAll(async () => {
		await project?.end();
		if (admin) {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.unsafe(`drop role if exists ${owner.name}`);
			await admin.end();
		}
	});

	it('applies every migration with the real CLI, which reads supabase/config.toml', () => {
		expect(push.output).not.toContain('Failed reading config');
		expect(push.output).toContain('Finished supabase db push');
		expect(push.code, push.output).toBe(0);
	});

	it("records them where the app's migrator looks, which then applies nothing", async () => {
		const rows = await project<{ version: string }[]>`
			select version from supabase_migrations.schema_migrations order by version`;
		expect(rows.map((r) => r.version)).toEqual(schemaMigrations.map((m) => m.version));
		const driver = openPostgres(databaseUrl(name, owner), 1);
		try {
			expect(await migrate(driver)).toEqual([]);
		} finally {
			await driver.close();
		}
		// And the CLI, asked again, agrees that nothing is left.
		const again = await supabase(['db', 'push', '--db-url', databaseUrl(name, owner), '--dry-run']);
		expect(again.output).toContain('Remote database is up to date');
		expect(again.code, again.output).toBe(0);
	});

	it("leaves Supabase's auth schema alone: no local accounts, no shim", async () => {
		const [state] = await project<
			{ local: boolean; tracked: boolean; users: string; uid: string }[]
		>`
			select exists (select 1 from pg_namespace where nspname = 'local_auth') as local,
			       to_regclass('supabase_migrations.local_migrations') is not null as tracked,
			       (select relowner::regrole::text from pg_class where oid = 'auth.users'::regclass) as users,
			       (select proowner::regrole::text from pg_proc where oid = 'auth.uid()'::regprocedure) as uid`;
		expect(state).toEqual({
			local: false,
			tracked: false,
			users: 'supabase_auth_admin',
			uid: 'supabase_auth_admin'
		});
	});

	it('gives an account Supabase Auth creates its profile, which RLS shows to that account', async () => {
		// As Supabase Auth (connected as supabase_auth_admin) writes a sign-up with options.data.
		const id = '00000000-0000-4000-8000-00000000a2ad';
		await project.begin(async (tx) => {
			await tx.unsafe('set local role supabase_auth_admin');
			await tx.unsafe(
				`insert into auth.users (id, aud, role, email, raw_user_meta_data, created_at, updated_at)
				 values ($1, 'authenticated', 'authenticated', 'Aada.Azure@Hel.example',
				         '{"display_name": "Aada Azure", "locale": "sv"}', now(), now())`,
				[id]
			);
		});
		const [profile] = await project`
			select email, display_name, locale from public.profiles where id = ${id}`;
		expect(profile).toEqual({
			email: 'aada.azure@hel.example',
			display_name: 'Aada Azure',
			locale: 'sv'
		});

		// The app's own connection (the owner, as DATABASE_URL is on Supabase) takes the API
		// roles, and Supabase's auth.uid() reads the claims Database.as sets: RLS decides.
		const db = new Database(openPostgres(databaseUrl(name, owner), 1));
		try {
			const mine = await db.as({ id, email: 'aada.azure@hel.example' }, (tx) =>
				tx.query<{ id: string; admin: boolean }>(
					'select p.id, private.is_platform_admin() as admin from public.profiles p'
				)
			);
			expect(mine).toEqual([{ id, admin: false }]);
			const visitor = await db.as(null, (tx) =>
				tx.query<{ n: number }>('select count(*)::int as n from public.challenges')
			);
			expect(visitor).toEqual([{ n: 0 }]);
		} finally {
			await db.close();
		}
	});

	it('gives the API roles exactly the privileges they have in local mode', async () => {
		const template = inject('postgresTemplate');
		expect(template).toBeTruthy();
		const local = postgres(databaseUrl(template!), { max: 1, onnotice: () => {} });
		try {
			const expected = (await local.unsafe<{ line: string }[]>(PRIVILEGES)).map((r) => r.line);
			const actual = (await project.unsafe<{ line: string }[]>(PRIVILEGES)).map((r) => r.line);
			expect(expected.length).toBeGreaterThan(100);
			expect(actual).toEqual(expected);
		} finally {
			await local.end();
		}
	});
});
