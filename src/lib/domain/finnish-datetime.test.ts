import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	finnishDateTimeField,
	finnishDayField,
	finnishToLocal,
	formatFinnishDateTime,
	formatFinnishDay,
	readFinnishDateTime,
	readFinnishDay
} from './finnish-datetime';
import { readHelsinkiLocal, toHelsinkiLocal } from './helsinki-time';
import { parseTimetable } from './challenge-schemas';

// Whole minutes from 1971 to 2099: what a timetable field can hold.
const instant = fc
	.integer({ min: Date.UTC(1971, 0, 1) / 60_000, max: Date.UTC(2099, 11, 31) / 60_000 })
	.map((minutes) => new Date(minutes * 60_000));

describe('Finnish dates and times', () => {
	it('writes Helsinki wall time as d.m.yyyy h.mm, summer and winter', () => {
		expect(formatFinnishDateTime(new Date('2027-01-15T14:00:00Z'))).toBe('15.1.2027 16.00');
		expect(formatFinnishDateTime(new Date('2027-07-01T06:05:00Z'))).toBe('1.7.2027 9.05');
		expect(formatFinnishDateTime('2027-12-31T21:59:00Z')).toBe('31.12.2027 23.59');
		expect(formatFinnishDay('2027-01-05')).toBe('5.1.2027');
	});

	it('property: formatting then parsing gives back the same Helsinki wall time', () => {
		fc.assert(
			fc.property(instant, (at) => {
				const reading = readFinnishDateTime(formatFinnishDateTime(at));
				expect(reading.ok).toBe(true);
				// The same wall time; in the repeated autumn hour the first (summer) instant.
				expect(reading.ok && toHelsinkiLocal(reading.at)).toBe(toHelsinkiLocal(at));
				if (reading.ok && !reading.repeated) expect(reading.at.getTime()).toBe(at.getTime());
			}),
			{ numRuns: 2000 }
		);
	});

	it('property: a day round-trips, and any typed day is read as the calendar says', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1900, max: 2199 }),
				fc.integer({ min: 1, max: 12 }),
				fc.integer({ min: 1, max: 31 }),
				(year, month, day) => {
					const real = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
					const reading = readFinnishDay(`${day}.${month}.${year}`);
					if (!real) {
						expect(reading).toEqual({ ok: false, reason: 'no_such_date' });
						return;
					}
					expect(reading.ok).toBe(true);
					if (reading.ok) {
						expect(formatFinnishDay(reading.day)).toBe(`${day}.${month}.${year}`);
						expect(readFinnishDay(formatFinnishDay(reading.day))).toEqual(reading);
					}
				}
			)
		);
	});

	it('property: a typed date-time is refused only where the calendar or the clock lacks it', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1971, max: 2099 }),
				fc.integer({ min: 1, max: 12 }),
				fc.integer({ min: 1, max: 31 }),
				fc.integer({ min: 0, max: 23 }),
				fc.integer({ min: 0, max: 59 }),
				(year, month, day, hour, minute) => {
					const text = `${day}.${month}.${year} ${hour}.${String(minute).padStart(2, '0')}`;
					const reading = readFinnishDateTime(text);
					if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) {
						expect(reading).toEqual({ ok: false, reason: 'no_such_date' });
						return;
					}
					const p = (n: number) => String(n).padStart(2, '0');
					const iso = `${year}-${p(month)}-${p(day)}T${p(hour)}:${p(minute)}`;
					// The DST rule is helsinki-time.ts's: same answer for the same wall time.
					const expected = readHelsinkiLocal(iso);
					if (!expected.ok) {
						expect(reading).toEqual({ ok: false, reason: 'skipped' });
						return;
					}
					expect(reading).toEqual(expected);
				}
			),
			{ numRuns: 2000 }
		);
	});

	it('reads the ways people type it', () => {
		const at = '2027-01-15T14:00:00.000Z';
		for (const text of [
			'15.1.2027 16.00',
			'15.01.2027 16.00',
			' 15.1.2027   16:00 ',
			'15.1.2027 klo 16.00',
			'15.1.2027 kl. 16.00',
			'15.1.2027, 16.00',
			'15.1.2027 at 16.00',
			'2027-01-15T16:00'
		]) {
			const reading = readFinnishDateTime(text);
			expect(reading.ok && reading.at.toISOString(), text).toBe(at);
		}
		expect(readFinnishDay('2027-01-15')).toEqual({ ok: true, day: '2027-01-15' });
	});

	it('refuses impossible dates and times, and other formats, each with its own reason', () => {
		expect(readFinnishDateTime('31.2.2027 12.00')).toEqual({ ok: false, reason: 'no_such_date' });
		expect(readFinnishDateTime('29.2.2027 12.00')).toEqual({ ok: false, reason: 'no_such_date' });
		expect(readFinnishDateTime('29.2.2028 12.00').ok).toBe(true);
		expect(readFinnishDateTime('1.13.2027 12.00')).toEqual({ ok: false, reason: 'no_such_date' });
		expect(readFinnishDateTime('15.1.2027 24.00')).toEqual({ ok: false, reason: 'no_such_time' });
		expect(readFinnishDateTime('15.1.2027 12.60')).toEqual({ ok: false, reason: 'no_such_time' });
		for (const text of ['01/15/2027 04:00 PM', '15.1.27 16.00', '15.1.2027', '16.00', '', 'soon'])
			expect(readFinnishDateTime(text), text).toEqual({ ok: false, reason: 'format' });
		expect(readFinnishDay('31.2.2027')).toEqual({ ok: false, reason: 'no_such_date' });
		expect(readFinnishDay('1/15/2027')).toEqual({ ok: false, reason: 'format' });
	});

	it('handles the DST changes as helsinki-time.ts does', () => {
		expect(readFinnishDateTime('28.3.2027 3.30')).toEqual({ ok: false, reason: 'skipped' });
		expect(readFinnishDateTime('28.3.2027 4.00')).toMatchObject({ ok: true, repeated: false });
		const autumn = readFinnishDateTime('31.10.2027 3.30');
		expect(autumn).toMatchObject({ ok: true, repeated: true });
		expect(autumn.ok && autumn.at.toISOString()).toBe('2027-10-31T00:30:00.000Z');
		expect(finnishToLocal('31.10.2027 3.30')).toBe('2027-10-31T03:30');
		expect(finnishToLocal('31.2.2027 3.30')).toBeNull();
	});

	it('zod fields carry message keys the forms translate', () => {
		expect(finnishDateTimeField.safeParse('').error?.issues[0].message).toBe('error_required');
		expect(finnishDateTimeField.safeParse('31.2.2027 9.00').error?.issues[0].message).toBe(
			'error_date_no_such_day'
		);
		expect(finnishDateTimeField.safeParse('2/3/2027').error?.issues[0].message).toBe(
			'error_datetime_format'
		);
		expect(finnishDayField.parse('')).toBeNull();
		expect(finnishDayField.parse('5.1.2027')).toBe('2027-01-05');
		expect(finnishDayField.safeParse('30.2.2027').error?.issues[0].message).toBe(
			'error_date_no_such_day'
		);
	});

	// An outside tester's report: 1 January 1900 was taken as a date. Every typed date and
	// date-time field (timetable, workshops) refuses a year outside 2000–2100 at the field.
	it('fields refuse an absurd year, at the field, in their own words', () => {
		for (const typed of ['1.1.1900', '31.12.1999', '1.1.2101']) {
			expect(finnishDayField.safeParse(typed).error?.issues[0].message).toBe('error_date_year');
			expect(finnishDateTimeField.safeParse(`${typed} 9.00`).error?.issues[0].message).toBe(
				'error_date_year'
			);
		}
		expect(finnishDayField.safeParse('1900-01-01').error?.issues[0].message).toBe(
			'error_date_year'
		);
		expect(finnishDayField.parse('1.1.2000')).toBe('2000-01-01');
		expect(finnishDayField.parse('31.12.2100')).toBe('2100-12-31');
		expect(finnishDateTimeField.parse('31.12.2100 23.59')).toBeInstanceOf(Date);
		// An impossible day still says so, whatever the year.
		expect(finnishDayField.safeParse('31.2.1900').error?.issues[0].message).toBe(
			'error_date_no_such_day'
		);
	});

	it('the timetable form takes Finnish dates and names what is wrong', () => {
		const ok = parseTimetable(
			{
				applications_start: '1.3.2027 9.00',
				applications_end: '31.3.2027 klo 16.00',
				shortlisting_start: '1.4.2027 9.00',
				shortlisting_end: '30.4.2027 16.00',
				shortlisting_decision: '2.4.2027',
				shortlisting_signatory: 'Deputy Mayor'
			},
			'innovation_partnership'
		);
		expect(ok.ok).toBe(true);
		if (ok.ok) {
			expect(ok.data[0].endsAt.toISOString()).toBe('2027-03-31T13:00:00.000Z');
			expect(ok.data[1].decisionOn).toBe('2027-04-02');
		}
		const refused = parseTimetable(
			{
				applications_start: '31.2.2027 9.00',
				applications_end: '03/31/2027 04:00 PM',
				shortlisting_start: '1.4.2027 9.00',
				shortlisting_end: '30.4.2027 16.00',
				shortlisting_decision: '31.4.2027',
				shortlisting_signatory: 'Deputy Mayor'
			},
			'innovation_partnership'
		);
		expect(refused.ok || refused.errors).toMatchObject({
			applications_start: 'error_date_no_such_day',
			applications_end: 'error_datetime_format',
			shortlisting_decision: 'error_date_no_such_day'
		});
	});
});
