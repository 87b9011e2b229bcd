import { beforeAll, expect, it } from 'vitest';
import { attempt } from './attempt';
import { describeEachDatabase } from './databases';
import { createScreeningScenario, type ScreeningScenario } from './screening-fixtures';

// Who may select, insert, update and delete each of these tables, role by role, is in the
// access matrix (tests/integration/access-matrix.ts). What stays here is what the matrix
// does not say in one statement.

const TABLES = [
	'teams',
	'team_members',
	'team_invitations',
	'work_entries',
	'team_projects',
	'team_project_members',
	'applications',
	'application_ideas',
	'application_answers',
	'application_documents',
	'application_work_entries',
	'application_events',
	'screening_marks',
	'screening_decisions'
];

describeEachDatabase('applications: row-level security', (db) => {
	let s: ScreeningScenario;

	beforeAll(async () => {
		s = await createScreeningScenario(db());
	});

	it('work history becomes visible to the owner only with a submitted application', async () => {
		const sql = 'select id from work_entries where id = $1';
		expect(await attempt(db(), s.owner, sql, [s.memberEntry])).toBe(1);
		expect(await attempt(db(), s.owner, sql, [s.lateEntry])).toBe(0);
		expect(await attempt(db(), s.lead, sql, [s.memberEntry])).toBe(0);
	});

	it('nothing of the applications is visible to anon or another organisation', async () => {
		for (const table of TABLES) {
			// Visitors hold no privilege on these tables at all.
			expect(await attempt(db(), null, `select * from ${table}`), table).toBe('denied');
			expect(await attempt(db(), s.otherOwner, `select * from ${table}`), table).toBe(0);
		}
	});
});
