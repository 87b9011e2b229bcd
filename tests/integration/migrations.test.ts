import { describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { migrate } from '../../src/lib/server/db/migrate';
import { PGLITE_EXTENSIONS, pgliteDriver } from '../../src/lib/server/db/pglite';
import { localMigrations, schemaMigrations } from '../../src/lib/server/db/sql-files';
import { describeEachDatabase } from './databases';

// Each test applies every migration to an empty PGlite (over a hundred files): about 5 s on a
// quiet machine, over 30 s on a loaded one, and more with every migration added.
describe('migrations from empty (PGlite)', { timeout: 120_000 }, () => {
	it('apply every file once, record it the way the Supabase CLI does, and are idempotent', async () => {
		const pg = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
		const driver = pgliteDriver(pg);
		const first = await migrate(driver);
		expect(first).toEqual(
			[...localMigrations, ...schemaMigrations].map((m) => `${m.version}_${m.name}`)
		);
		const rows = await driver.query<{ version: string; name: string; statements: string[] }>(
			'select version, name, statements from supabase_migrations.schema_migrations order by version'
		);
		expect(rows.map((r) => r.version)).toEqual(schemaMigrations.map((m) => m.version));
		const foundation = rows.find((r) => r.name === 'foundation');
		expect(foundation?.statements[0]).toContain('create table public.profiles');

		// A restart applies nothing and changes nothing.
		expect(await migrate(driver)).toEqual([]);
		const [{ n }] = await driver.query<{ n: number }>(
			'select count(*)::int as n from supabase_migrations.schema_migrations'
		);
		expect(n).toBe(schemaMigrations.length);
		await pg.close();
	});

	it('leave a Supabase-provided auth schema alone and skip supabase/local', async () => {
		const pg = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
		// What a Supabase project has before our migrations: auth, the API roles, no local_auth.
		await pg.exec(localMigrations[0].sql);
		const applied = await migrate(pgliteDriver(pg));
		expect(applied).toEqual(schemaMigrations.map((m) => `${m.version}_${m.name}`));
		const { rows } = await pg.query<{ local: boolean; tracked: boolean }>(
			`select exists (select 1 from pg_namespace where nspname = 'local_auth') as local,
			        to_regclass('supabase_migrations.local_migrations') is not null as tracked`
		);
		expect(rows[0]).toEqual({ local: false, tracked: false });
		await pg.close();
	});

	it("fix the shim's auth functions' search_path, and leave Supabase's own (another owner) alone", async () => {
		const pg = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
		// As on Supabase: auth.uid() and friends exist already and belong to supabase_auth_admin.
		await pg.exec(localMigrations[0].sql);
		await pg.exec(`create role supabase_auth_admin;
			alter function auth.uid() owner to supabase_auth_admin;
			alter function auth.jwt() owner to supabase_auth_admin;`);
		await migrate(pgliteDriver(pg));
		const { rows } = await pg.query<{ name: string; config: string[] | null }>(
			`select proname as name, proconfig as config from pg_proc
			 where pronamespace = 'auth'::regnamespace order by 1`
		);
		expect(rows).toEqual([
			{ name: 'jwt', config: null },
			{ name: 'role', config: ['search_path=""'] },
			{ name: 'uid', config: null }
		]);
		await pg.close();
	});
});

describeEachDatabase('migrated schema', (db) => {
	it('has row-level security on every table it creates', async () => {
		const rows = await db().service('test: catalogue', (tx) =>
			tx.query<{ table: string; rls: boolean }>(
				`select n.nspname || '.' || c.relname as table, c.relrowsecurity as rls
				 from pg_class c join pg_namespace n on n.oid = c.relnamespace
				 where c.relkind = 'r' and n.nspname in ('public', 'local_auth', 'private', 'auth')
				 order by 1`
			)
		);
		expect(rows.length).toBeGreaterThanOrEqual(8);
		expect(rows.filter((r) => !r.rls)).toEqual([]);
	});

	it('is up to date, so a second migrate applies nothing', async () => {
		expect(await migrate(db().driver)).toEqual([]);
	});
});
