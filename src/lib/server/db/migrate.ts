import type { Driver, Queryable } from './driver';
import { pendingMigrations, type MigrationFile } from './migration-plan';
import { localMigrations, schemaMigrations } from './sql-files';

// Any fixed number: it only serialises concurrent migrators on one database.
const MIGRATION_LOCK = 7_355_608;

async function schemaExists(tx: Queryable, name: string): Promise<boolean> {
	const [row] = await tx.query<{ exists: boolean }>(
		'select exists (select 1 from pg_namespace where nspname = $1) as exists',
		[name]
	);
	return row.exists;
}

async function applyAll(tx: Queryable, table: string, files: MigrationFile[]): Promise<string[]> {
	const applied = await tx.query<{ version: string }>(`select version from ${table}`);
	const todo = pendingMigrations(
		files,
		applied.map((r) => r.version)
	);
	for (const m of todo) {
		await tx.exec(m.sql);
		await tx.query(`insert into ${table} (version, name, statements) values ($1, $2, $3)`, [
			m.version,
			m.name,
			[m.sql]
		]);
	}
	return todo.map((m) => `${m.version}_${m.name}`);
}

/**
 * Applies supabase/local (only where Supabase's auth schema is absent, or where we
 * created it ourselves) and then supabase/migrations, in one transaction. Returns the
 * names of what it applied.
 */
export async function migrate(driver: Driver): Promise<string[]> {
	return driver.transaction(async (tx) => {
		await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
		await tx.exec(`
			create schema if not exists supabase_migrations;
			create table if not exists supabase_migrations.schema_migrations (
				version text primary key, statements text[], name text);`);
		const applied: string[] = [];
		const ownsAuth = !(await schemaExists(tx, 'auth')) || (await schemaExists(tx, 'local_auth'));
		if (ownsAuth) {
			await tx.exec(`create table if not exists supabase_migrations.local_migrations (
				version text primary key, statements text[], name text);`);
			applied.push(
				...(await applyAll(tx, 'supabase_migrations.local_migrations', localMigrations))
			);
		}
		applied.push(
			...(await applyAll(tx, 'supabase_migrations.schema_migrations', schemaMigrations))
		);
		return applied;
	});
}
