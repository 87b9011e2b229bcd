import { expect, it } from 'vitest';
import fc from 'fast-check';
import {
	classifyDeadlineChange,
	SUBMISSION_DEADLINE_STAGES
} from '../../src/lib/domain/deadline-change';
import { describeEachDatabase } from './databases';

type Case = { previous: Date | null; next: Date | null; now: Date; days: number };

const now = new Date('2026-11-30T10:00:00Z');
const at = (ms: number) => new Date(now.getTime() + ms);
const DAY = 86_400_000;

// The Helsinki case and the edges of the rule; DST (29 March 2026 in Helsinki) included,
// where a calendar "7 days" and 7 × 24 h differ by an hour: both sides use 7 × 24 h.
const FIXED: Case[] = [
	{ previous: new Date('2026-12-02T14:00:00Z'), next: at(120_000), now, days: 7 },
	{ previous: at(30 * DAY), next: at(7 * DAY), now, days: 7 },
	{ previous: at(30 * DAY), next: at(7 * DAY - 1), now, days: 7 },
	{ previous: at(30 * DAY), next: at(31 * DAY), now, days: 7 },
	{ previous: at(30 * DAY), next: at(30 * DAY), now, days: 7 },
	{ previous: at(30 * DAY), next: null, now, days: 7 },
	{ previous: null, next: null, now, days: 7 },
	{ previous: null, next: at(8 * DAY), now, days: 7 },
	{ previous: null, next: at(DAY), now, days: 7 },
	{ previous: at(-DAY), next: at(-2 * DAY), now, days: 1 },
	// A passed deadline (an applications or a final tenders one) is not moved: not later
	// (reopening the stage), not earlier; at the very moment it ends it has passed.
	{ previous: at(-DAY), next: at(2 * DAY), now, days: 7 },
	{ previous: at(-DAY), next: at(30 * DAY), now, days: 7 },
	{ previous: now, next: at(30 * DAY), now, days: 7 },
	{ previous: at(1), next: at(30 * DAY), now, days: 7 },
	{ previous: at(-DAY), next: at(-DAY), now, days: 7 },
	{ previous: at(-DAY), next: null, now, days: 7 },
	{
		previous: new Date('2026-04-30T13:00:00Z'),
		next: new Date('2026-04-01T09:30:00Z'),
		now: new Date('2026-03-25T09:30:00Z'),
		days: 7
	}
];

const date = fc.date({
	min: new Date('2025-01-01T00:00:00Z'),
	max: new Date('2028-01-01T00:00:00Z'),
	noInvalidDate: true
});
const RANDOM: Case[] = fc.sample(
	fc.record({
		previous: fc.option(date),
		next: fc.option(date),
		now: date,
		days: fc.integer({ min: 1, max: 60 })
	}),
	{ numRuns: 200, seed: 10 }
);

describeEachDatabase('deadline rule parity (TypeScript and SQL)', (db) => {
	it('private.deadline_change answers as classifyDeadlineChange for the same cases', async () => {
		const cases = [...FIXED, ...RANDOM];
		const rows = await db().service('test: deadline parity', (tx) =>
			tx.query<{ i: number; verdict: string }>(
				`select (c ->> 'i')::int as i,
				   private.deadline_change((c ->> 'previous')::timestamptz, (c ->> 'next')::timestamptz,
				     (c ->> 'now')::timestamptz, (c ->> 'days')::int) as verdict
				 from jsonb_array_elements($1::text::jsonb) c order by 1`,
				[JSON.stringify(cases.map((c, i) => ({ i, ...c })))]
			)
		);
		expect(rows.map((r) => r.verdict)).toEqual(
			cases.map((c) => classifyDeadlineChange(c.previous, c.next, c.now, c.days))
		);
		expect(new Set(rows.map((r) => r.verdict))).toEqual(
			new Set(['unchanged', 'extended', 'shortened', 'set', 'removed', 'too_soon', 'passed'])
		);
	});

	it('both judge the same stages: private.submission_deadline_stages is SUBMISSION_DEADLINE_STAGES', async () => {
		const [row] = await db().service('test: deadline stages', (tx) =>
			tx.query<{ stages: string[] }>('select private.submission_deadline_stages() as stages')
		);
		expect(row.stages).toEqual([...SUBMISSION_DEADLINE_STAGES]);
	});
});
