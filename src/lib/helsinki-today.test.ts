import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';
import { sourceFiles } from '$lib/source-files.testing';

// Every source, test, script and migration file: tests are held to the rule too.
const ALL = ['src', 'tests', 'scripts', 'supabase/migrations'].flatMap((dir) =>
	sourceFiles(dir, /\.(ts|js|svelte|sql)$/, { tests: true })
);
const THIS = 'src/lib/helsinki-today.test.ts';

// A day (a decision's, a milestone's) is the Helsinki day (DESIGN.md). The database's session
// and the server run in UTC, so between 22:00 and 24:00 UTC (23:00–24:00 in summer) "today"
// in UTC is yesterday in Helsinki: a fixture that dated a decision `current_date` was refused
// as before its challenge's day, and failed CI at 23:07 UTC (stop 32). Today in SQL is
// `(now() at time zone 'Europe/Helsinki')::date`; in TypeScript helsinkiDay(new Date()).
describe('today is the Helsinki day', () => {
	it('no SQL reads current_date, the day of the session time zone', () => {
		const offenders = ALL.filter(
			(f) => f !== THIS && /\bcurrent_date\b/i.test(readFileSync(f, 'utf8'))
		);
		expect(offenders).toEqual([]);
	});

	// toISOString() is UTC: its first ten characters are a day only of a date made at UTC
	// midnight (a 'YYYY-MM-DD' parsed, a month's first day), never of "now".
	it('no day is cut from an ISO instant except of a date made at UTC midnight', () => {
		const allowed: Record<string, string> = {
			'src/lib/server/challenges/calendar.ts': 'a day parsed as UTC midnight, plus one day',
			'src/lib/domain/application-phase.ts': 'a Helsinki day parsed as UTC midnight, plus days',
			'src/lib/domain/proof-of-concept.ts': "a 'YYYY-MM-DD' parsed and written back, to check it",
			'tests/integration/applications.test.ts': 'the first day of a month, set in UTC',
			'tests/integration/rule-parity-decision-day.test.ts': 'generated days at UTC midnight',
			'tests/integration/rule-parity-publish.test.ts': 'generated cases: any day will do'
		};
		const offenders = ALL.filter(
			(f) =>
				f !== THIS &&
				!(f in allowed) &&
				/toISOString\(\)\s*\.(slice|substring)\(0,\s*10\)|toISOString\(\)\.split\('T'\)/.test(
					readFileSync(f, 'utf8')
				)
		);
		expect(offenders).toEqual([]);
	});

	it("no day from now is read in UTC's calendar (getUTCDate of Date.now())", () => {
		const offenders = ALL.filter(
			(f) =>
				f !== THIS &&
				/Date\.now\(\)[\s\S]{0,200}getUTC(Date|Month|FullYear)\(\)/.test(readFileSync(f, 'utf8'))
		);
		expect(offenders).toEqual([]);
	});
});
