import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayAsUtcDate, parseDay } from './day';
import {
	fromHelsinkiLocal,
	helsinkiDay,
	helsinkiIso,
	readHelsinkiLocal,
	toHelsinkiLocal
} from './helsinki-time';
import { parseTimetable } from './challenge-schemas';
import { agendaFields, parseSchedule } from './workshop-schemas';
import { DEFAULT_AGENDA } from './board';

describe('Helsinki wall-clock time', () => {
	it('is UTC+2 in winter and UTC+3 in summer', () => {
		expect(fromHelsinkiLocal('2026-01-15T12:00')?.toISOString()).toBe('2026-01-15T10:00:00.000Z');
		expect(fromHelsinkiLocal('2026-07-15T12:00')?.toISOString()).toBe('2026-07-15T09:00:00.000Z');
		expect(fromHelsinkiLocal('2026-03-01')?.toISOString()).toBe('2026-02-28T22:00:00.000Z');
	});

	it('refuses malformed and impossible times, including the hour skipped in spring', () => {
		for (const bad of [
			'',
			'2026-13-01',
			'2026-02-30T10:00',
			'2026-01-01T24:00',
			'tomorrow',
			'2026-03-29T03:30'
		]) {
			expect(fromHelsinkiLocal(bad), bad).toBeNull();
		}
	});

	it('shows an instant as Helsinki time', () => {
		expect(toHelsinkiLocal(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25T03:30');
		expect(toHelsinkiLocal(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25T03:30');
	});

	it('round-trips every whole minute (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: Date.UTC(2020, 0, 1) / 60000, max: Date.UTC(2035, 0, 1) / 60000 }),
				(minutes) => {
					const local = toHelsinkiLocal(new Date(minutes * 60000));
					const back = fromHelsinkiLocal(local);
					expect(back).not.toBeNull();
					expect(toHelsinkiLocal(back!)).toBe(local);
				}
			)
		);
	});
});

describe('the hours the clock changes make (issue 11, item 10)', () => {
	it('says a spring time is skipped, not malformed: 2027-03-28 03:30 does not exist', () => {
		expect(readHelsinkiLocal('2027-03-28T03:30')).toEqual({ ok: false, reason: 'skipped' });
		expect(readHelsinkiLocal('2027-03-28T03:00')).toEqual({ ok: false, reason: 'skipped' });
		expect(readHelsinkiLocal('2027-03-28T04:00')).toMatchObject({ ok: true, repeated: false });
		expect(readHelsinkiLocal('2027-03-28T02:59')).toMatchObject({ ok: true, repeated: false });
		expect(readHelsinkiLocal('2027-02-30T10:00')).toEqual({ ok: false, reason: 'malformed' });
	});

	it('takes the first of the repeated autumn hour, still summer time (UTC+3)', () => {
		const r = readHelsinkiLocal('2027-10-31T03:30');
		expect(r).toMatchObject({ ok: true, repeated: true });
		expect(r.ok && r.at.toISOString()).toBe('2027-10-31T00:30:00.000Z');
		expect(readHelsinkiLocal('2027-10-31T04:30')).toMatchObject({ ok: true, repeated: false });
	});

	it('the timetable and the workshop forms name the skipped time', () => {
		const timetable = parseTimetable(
			{ applications_start: '2027-03-01T09:00', applications_end: '2027-03-28T03:30' },
			'open_challenge'
		);
		expect(timetable.ok || timetable.errors.applications_end).toBe('error_datetime_skipped');
		const workshop = parseSchedule({
			challengeId: '00000000-0000-4000-8000-000000000001',
			title: 'Työpaja',
			startsAt: '2027-03-28T03:30',
			mode: 'shared',
			...agendaFields(DEFAULT_AGENDA)
		});
		expect(workshop.ok || workshop.errors.startsAt).toBe('error_datetime_skipped');
	});
});

describe('days and offsets', () => {
	it('a decision day is its Helsinki day, at the midnight edge both sides', () => {
		expect(helsinkiDay(new Date('2027-01-09T21:59:59Z'))).toBe('2027-01-09');
		expect(helsinkiDay(new Date('2027-01-09T22:00:00Z'))).toBe('2027-01-10');
		expect(helsinkiDay(new Date('2027-07-09T21:00:00Z'))).toBe('2027-07-10');
		expect(helsinkiDay(new Date('2027-07-09T20:59:59Z'))).toBe('2027-07-09');
		expect(dayAsUtcDate('2027-01-10').toISOString()).toBe('2027-01-10T00:00:00.000Z');
		expect(parseDay('2027-02-29')).toBeNull();
		expect(parseDay('2028-02-29')).toBe('2028-02-29');
	});

	it('writes instants as ISO 8601 with the Helsinki offset, to the second', () => {
		expect(helsinkiIso(new Date('2027-01-10T17:09:41.5Z'))).toBe('2027-01-10T19:09:41+02:00');
		expect(helsinkiIso('2027-07-10T16:09:41Z')).toBe('2027-07-10T19:09:41+03:00');
		// The repeated autumn hour: the two 03:30s differ by their offsets.
		expect(helsinkiIso('2027-10-31T00:30:00Z')).toBe('2027-10-31T03:30:00+03:00');
		expect(helsinkiIso('2027-10-31T01:30:00Z')).toBe('2027-10-31T03:30:00+02:00');
	});

	it('ISO with offset names the same instant (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: Date.UTC(2020, 0, 1) / 1000, max: Date.UTC(2035, 0, 1) / 1000 }),
				(seconds) => {
					const at = new Date(seconds * 1000);
					expect(new Date(helsinkiIso(at)).getTime()).toBe(at.getTime());
					expect(helsinkiIso(at).slice(0, 16)).toBe(toHelsinkiLocal(at));
				}
			)
		);
	});
});
