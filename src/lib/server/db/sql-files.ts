import { parseMigrationFiles } from './migration-plan';

// Bundled into the build as strings, so the server needs no source tree at run time.
const local = import.meta.glob('/supabase/local/*.sql', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;
const migrations = import.meta.glob('/supabase/migrations/*.sql', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;
const seed = import.meta.glob('/supabase/seed.sql', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

export const localMigrations = parseMigrationFiles(local);
export const schemaMigrations = parseMigrationFiles(migrations);
export const seedSql = Object.values(seed)[0] ?? '';
