import { expect, it } from 'vitest';
import { parseTimetable } from '../../src/lib/domain/challenge-schemas';
import { timetableFields } from '../../src/lib/domain/challenge-form-values';
import { getChallengeDetail } from '../../src/lib/server/challenges/detail';
import { calendarChallenges, renderCalendar } from '../../src/lib/server/challenges/calendar';
import { saveTimetable } from '../../src/lib/server/challenges/editor';
import { applicationsCsv } from '../../src/lib/server/applications/export';
import { helsinkiIso } from '../../src/lib/domain/helsinki-time';
import { describeEachDatabase } from './databases';
import { createScreeningScenario } from './screening-fixtures';
import { createChallenge, createOrganisation, createUser } from './fixtures';

// Issue 11, item 1: a decision date is a day end to end — form, database, page, feed.
describeEachDatabase('decision dates are days', (db) => {
	it('keeps 10 January (winter) and 10 July (summer) as those days in the form, the page and both feeds', async () => {
		const owner = await createUser(db(), 'Olli Owner');
		const org = await createOrganisation(db(), owner.id);
		const { id } = await createChallenge(db(), org.id, 'published');
		const editor = { id: owner.id, name: 'Olli Owner' };
		const form = {
			applications_start: '2026-12-01T09:00',
			applications_end: '2027-01-05T16:00',
			screening_start: '2027-01-06T09:00',
			screening_end: '2027-06-30T16:00',
			screening_decision: '2027-01-10',
			screening_signatory: 'Head of Services',
			shortlisting_start: '2027-07-01T09:00',
			shortlisting_end: '2027-07-31T16:00',
			shortlisting_decision: '2027-07-10',
			shortlisting_signatory: 'Deputy Mayor'
		};
		const parsed = parseTimetable(form, 'innovation_partnership');
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
		await db().as(owner, (tx) => saveTimetable(tx, editor, id, parsed.data, 'Dates'));

		const [stored] = await db().service('test: read', (tx) =>
			tx.query<{ days: string[]; type: string }>(
				`select array_agg(decision_on::text order by stage) filter (where decision_on is not null) as days,
				   pg_typeof(min(decision_on))::text as type
				 from public.challenge_stages where challenge_id = $1`,
				[id]
			)
		);
		expect(stored).toEqual({ type: 'date', days: ['2027-01-10', '2027-07-10'] });

		const detail = (await db().as(null, (tx) => getChallengeDetail(tx, { id }, null)))!;
		const decisions = Object.fromEntries(detail.stages.map((s) => [s.stage, s.decisionOn]));
		expect(decisions.screening).toBe('2027-01-10');
		expect(decisions.shortlisting).toBe('2027-07-10');
		// The editor shows the same days back.
		const fields = timetableFields(detail.stages);
		expect(fields.screening_decision).toBe('10.1.2027');
		expect(fields.shortlisting_decision).toBe('10.7.2027');

		// The challenge feed and the personal feed render from the same rows.
		await db().service('test: follow', (tx) =>
			tx.query('insert into public.challenge_followers (challenge_id, user_id) values ($1, $2)', [
				id,
				owner.id
			])
		);
		for (const filter of [{ id }, { followedBy: owner.id }]) {
			// As the routes read them: the challenge feed anonymously, the personal one by token.
			const rows =
				'id' in filter
					? await db().as(null, (tx) => calendarChallenges(tx, filter))
					: await db().service('test: personal feed', (tx) => calendarChallenges(tx, filter));
			const ics = renderCalendar('Talkoot', rows, 'en');
			expect(ics).toContain('DTSTART;VALUE=DATE:20270110');
			expect(ics).toContain('DTSTART;VALUE=DATE:20270710');
			expect(ics).not.toContain('VALUE=DATE:20270109');
			expect(ics).not.toContain('VALUE=DATE:20270709');
		}
	});

	it('converts a stored Helsinki midnight to its Helsinki day, whatever the session zone', async () => {
		const [row] = await db().service('test: convert', (tx) =>
			tx.query<{ winter: string; summer: string; late: string }>(
				`select (timestamptz '2027-01-09 22:00:00+00' at time zone 'Europe/Helsinki')::date::text as winter,
				   (timestamptz '2027-07-09 21:00:00+00' at time zone 'Europe/Helsinki')::date::text as summer,
				   (timestamptz '2027-01-10 21:59:59+00' at time zone 'Europe/Helsinki')::date::text as late`
			)
		);
		expect(row).toEqual({ winter: '2027-01-10', summer: '2027-07-10', late: '2027-01-10' });
	});
});

// Issue 11, item 11 (b): the CSV says the time the page shows, with the Helsinki offset.
describeEachDatabase('times that leave the page', (db) => {
	it('the applications CSV gives submitted_at as ISO 8601 with the Helsinki offset', async () => {
		const s = await createScreeningScenario(db());
		const table = await db().as(s.owner, (tx) => applicationsCsv(tx, s.challenge.id, 'en'));
		const csv = JSON.stringify(table.rows);
		const stored = await db().service('test: read', (tx) =>
			tx.query<{ at: Date }>(
				`select submitted_at as at from public.applications where id = any($1) order by id`,
				[[s.appA.id, s.appB.id]]
			)
		);
		expect(stored).toHaveLength(2);
		for (const { at } of stored) {
			const iso = helsinkiIso(at);
			expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[23]:00$/);
			expect(csv).toContain(iso);
			expect(csv).not.toContain(new Date(at).toISOString());
		}
	});
});
