import { expect, it } from 'vitest';
import fc from 'fast-check';
import { decisionDayIssue, type DecisionDayContext } from '../../src/lib/domain/jury/decision-day';
import { describeEachDatabase } from './databases';
import { sqlAnswers } from './parity';

// The outside tester's report: a decision dated 1 January 1900, or after the day it was
// published. private.decision_day_issue is decisionDayIssue in SQL; both get the same cases.

type Case = DecisionDayContext & { day: string; publishing: boolean };

const base = { challengeFrom: '2026-11-02', today: '2026-12-03', planned: '2026-12-20' };
const FIXED: Case[] = [
	// The reported cases.
	{ ...base, day: '1900-01-01', publishing: true },
	{ ...base, day: '1900-01-01', publishing: false },
	{ ...base, day: '2027-06-01', publishing: true },
	{ ...base, day: '2027-06-01', publishing: false },
	// The edges of the window.
	{ ...base, day: '2026-11-01', publishing: false },
	{ ...base, day: '2026-11-02', publishing: true },
	{ ...base, day: '2026-12-03', publishing: true },
	{ ...base, day: '2026-12-04', publishing: true },
	{ ...base, day: '2026-12-04', publishing: false },
	// The planned day: a draft may carry it; publishing dates it today.
	{ ...base, day: '2026-12-20', publishing: false },
	{ ...base, day: '2026-12-20', publishing: true },
	{ ...base, day: '2026-12-21', publishing: false },
	// No planned day, or one already past: today is the latest.
	{ ...base, planned: null, day: '2026-12-04', publishing: false },
	{ ...base, planned: '2026-11-20', day: '2026-12-03', publishing: false },
	{ ...base, planned: '2026-11-20', day: '2026-12-04', publishing: false },
	{ ...base, planned: '2026-11-20', day: '2026-11-20', publishing: true }
];

const day = fc
	.date({
		min: new Date('1899-01-01T00:00:00Z'),
		max: new Date('2100-12-31T00:00:00Z'),
		noInvalidDate: true
	})
	.map((d) => d.toISOString().slice(0, 10));
const generated = fc.sample(
	fc.record({
		challengeFrom: day,
		today: day,
		planned: fc.option(day, { nil: null }),
		day,
		publishing: fc.boolean()
	}),
	{ numRuns: 300, seed: 15 }
);

describeEachDatabase('rule parity: the day of a decision', (db) => {
	it('private.decision_day_issue answers as decisionDayIssue', async () => {
		const cases = [...FIXED, ...generated];
		const sql = await sqlAnswers<string | null>(
			db(),
			`private.decision_day_issue((c ->> 'day')::date, (c ->> 'challengeFrom')::date,
			   (c ->> 'today')::date, (c ->> 'planned')::date, (c ->> 'publishing')::boolean)`,
			cases
		);
		expect(sql).toEqual(cases.map((c) => decisionDayIssue(c.day, c, c.publishing)));
		expect(sql.slice(0, 4)).toEqual([
			'decision_day_before_challenge',
			'decision_day_before_challenge',
			'decision_day_in_future',
			'decision_day_in_future'
		]);
	});
});
