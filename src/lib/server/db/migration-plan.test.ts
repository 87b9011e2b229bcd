import { describe, expect, it } from 'vitest';
import { compareVersions, parseMigrationFiles, pendingMigrations } from './migration-plan';

describe('migration files', () => {
	it('are ordered by numeric version, whatever order they are listed in', () => {
		const files = parseMigrationFiles({
			'/supabase/migrations/20261123000100_foundation.sql': 'b',
			'/supabase/migrations/9_early.sql': 'a',
			'/supabase/migrations/20261201000000_challenges.sql': 'c'
		});
		expect(files.map((f) => `${f.version}_${f.name}`)).toEqual([
			'9_early',
			'20261123000100_foundation',
			'20261201000000_challenges'
		]);
	});

	it('refuse a badly named file and two files with one version', () => {
		expect(() => parseMigrationFiles({ 'x/foundation.sql': '' })).toThrow(/<digits>_<name>/);
		expect(() =>
			parseMigrationFiles({ 'a/1_one.sql': '', 'b/2_two.sql': '', 'c/0001_again.sql': '' })
		).toThrow(/share version/);
	});

	it('compare versions of different lengths as numbers', () => {
		expect(compareVersions('9', '10')).toBe(-1);
		expect(compareVersions('20261123000100', '20261123000100')).toBe(0);
		expect(compareVersions('20261201000000', '20261123000100')).toBe(1);
	});
});

describe('pending migrations', () => {
	const all = parseMigrationFiles({ '1_a.sql': 'a', '2_b.sql': 'b', '3_c.sql': 'c' });

	it('are those not yet applied, in order', () => {
		expect(pendingMigrations(all, []).map((m) => m.version)).toEqual(['1', '2', '3']);
		expect(pendingMigrations(all, ['1', '3']).map((m) => m.version)).toEqual(['2']);
		expect(pendingMigrations(all, ['1', '2', '3'])).toEqual([]);
	});

	it('refuse a database that has a migration this code does not know', () => {
		expect(() => pendingMigrations(all, ['1', '4'])).toThrow(/migration 4/);
	});
});
