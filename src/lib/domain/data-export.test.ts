import { describe, expect, it } from 'vitest';
import {
	archiveNames,
	directCondition,
	exportPlan,
	exportedColumns,
	isSecretColumn,
	qualified,
	readmeText
} from './data-export';
import { PERSONAL_COLUMNS, categoriesInUse, type PersonalColumn } from './personal-data';

describe('the export plan', () => {
	it('has one file per category of the map that has columns, in the notice’s order', () => {
		const plan = exportPlan();
		expect(plan.map((f) => f.category)).toEqual(categoriesInUse());
		expect(plan.map((f) => f.name)).toEqual(categoriesInUse().map((c) => `${c}.json`));
	});

	it('reads every public table of the map that names the person by id or email', () => {
		const planned = new Set(exportPlan().flatMap((f) => f.direct.map((d) => d.table)));
		const expected = PERSONAL_COLUMNS.filter(
			(c) => c.table.startsWith('public.') && (c.refers === 'id' || c.refers === 'email')
		).map((c) => c.table);
		expect([...planned].sort()).toEqual([...new Set(expected)].sort());
	});

	it('a new category or column in the map gets its own file and condition', () => {
		const columns: PersonalColumn[] = [
			{
				table: 'public.a',
				column: 'user_id',
				refers: 'id',
				category: 'feedback',
				erasure: 'delete'
			},
			{
				table: 'public.a',
				column: 'email',
				refers: 'email',
				category: 'feedback',
				erasure: 'clear'
			},
			{ table: 'public.a', column: 'name', refers: 'name', category: 'feedback', erasure: 'clear' },
			{
				table: 'private.b',
				column: 'user_id',
				refers: 'id',
				category: 'account',
				erasure: 'delete'
			}
		];
		const plan = exportPlan(columns);
		expect(plan.map((f) => f.name)).toEqual(['account.json', 'feedback.json']);
		expect(plan[0].direct).toEqual([]);
		expect(plan[1].direct).toEqual([
			{ table: 'public.a', idColumns: ['user_id'], emailColumns: ['email'] }
		]);
		expect(archiveNames(plan)).toEqual(['README.txt', 'account.json', 'feedback.json']);
	});
});

describe('queries', () => {
	const t = { table: 'public.a', idColumns: ['user_id', 'by'], emailColumns: ['email'] };

	it('uses only the columns the role may read, quoted', () => {
		expect(directCondition(t, new Set(['user_id', 'by', 'email']))).toBe(
			'"user_id" = $1::uuid or "by" = $1::uuid or lower("email") = lower($2)'
		);
		expect(directCondition(t, new Set(['by']))).toBe('"by" = $1::uuid');
		// An id kept as text (the audit log's target_id) compares as text, not as a uuid.
		expect(directCondition(t, new Set(['by']), new Set(['by']))).toBe('"by" = $1::text');
		expect(directCondition(t, new Set())).toBeNull();
		expect(qualified('public.a"b')).toBe('"public"."a""b"');
	});

	it('never writes a secret or a team’s frozen snapshot', () => {
		for (const c of ['token_hash', 'secret', 'password_hash', 'recovery_code', 'api_key'])
			expect(isSecretColumn(c)).toBe(true);
		for (const c of ['email', 'display_name', 'created_at']) expect(isSecretColumn(c)).toBe(false);
		expect(exportedColumns('public.applications', ['id', 'snapshot', 'digest'])).toEqual([
			'id',
			'digest'
		]);
	});
});

describe('the README', () => {
	it('names every file and the files folder', () => {
		const text = readmeText({
			title: 'Your data',
			intro: 'Intro',
			made: 'Made 2026-12-02T03:00:00+02:00',
			filesHeading: 'Files',
			categories: [{ name: 'profile.json', what: 'Profile.' }],
			files: 'your uploads',
			formatHeading: 'Format',
			format: 'JSON',
			rights: 'See /privacy'
		});
		expect(text.split('\n').slice(0, 2)).toEqual(['Your data', '=========']);
		expect(text).toContain('- profile.json: Profile.');
		expect(text).toContain('- files/: your uploads');
		expect(text.endsWith('See /privacy\n')).toBe(true);
	});
});
