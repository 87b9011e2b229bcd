import { z } from 'zod';
import { YEAR_MAX, YEAR_MIN, type Day } from './day';
import { readHelsinkiLocal, toHelsinkiLocal } from './helsinki-time';

/*
 * Dates and times as Finns write them: `15.1.2027` and `15.1.2027 16.00` (24-hour clock,
 * a period between hours and minutes), entered and shown in Europe/Helsinki (issue 12).
 *
 * One numeric form in all three languages, on purpose. Finland's official multilingual
 * services (Suomi.fi, Kela, Vero, the City of Helsinki) write the same d.m.yyyy and
 * 24-hour time on their Finnish, Swedish and English pages: Finland-Swedish writes
 * `15.1.2027 kl. 16.00` (Institutet för de inhemska språken), and the English pages of a
 * Finnish authority keep the Finnish numeric date rather than a US or UK one. The deadline
 * of one procurement is then one string whatever language each reader chose, and a field
 * read one way can never be misread as month-first.
 */

/** What a typed date-time means, or why it was refused (each reason has its own message). */
export type WallTimeReading =
	| { ok: true; at: Date; repeated: boolean }
	| { ok: false; reason: 'format' | 'no_such_date' | 'no_such_time' | 'skipped' };

/** What a typed date means, or why it was refused. */
export type DayReading = { ok: true; day: Day } | { ok: false; reason: 'format' | 'no_such_date' };

/** The message key for each refusal: the form says what to fix, never just "invalid". */
export const DATETIME_ERRORS = {
	format: 'error_datetime_format',
	no_such_date: 'error_date_no_such_day',
	no_such_time: 'error_time_no_such',
	skipped: 'error_datetime_skipped'
} as const;
export const DAY_ERRORS = {
	format: 'error_date_format',
	no_such_date: 'error_date_no_such_day'
} as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as Helsinki wall time in the Finnish way: `15.1.2027 9.05` (no leading zeros in day, month, hour). */
export function formatFinnishDateTime(value: Date | string): string {
	const local = toHelsinkiLocal(new Date(value));
	const [y, mo, d, h, mi] = local.split(/[-T:]/).map(Number);
	return `${d}.${mo}.${y} ${h}.${pad(mi)}`;
}

/** A day (`YYYY-MM-DD`) in the Finnish way: `15.1.2027`. Refuses (throws) a value that is not a day. */
export function formatFinnishDay(day: Day): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	if (!m) throw new RangeError(`Not a YYYY-MM-DD day: ${day}`);
	return `${Number(m[3])}.${Number(m[2])}.${m[1]}`;
}

const DATE = String.raw`(\d{1,2})\.(\d{1,2})\.(\d{4})`;
const FINNISH_DAY = new RegExp(`^${DATE}$`);
// The time may follow a space, a comma or a word for "at" (klo, kl., at); 16.00 or 16:00.
const FINNISH_DATETIME = new RegExp(
	`^${DATE}(?:\\s*,)?\\s+(?:(?:klo|kl\\.?|at)\\s*)?(\\d{1,2})[.:](\\d{2})$`,
	'i'
);
// ISO as a datetime-local input or an older page sent it: still read, never shown.
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function realDate(year: number, month: number, day: number): boolean {
	const d = new Date(Date.UTC(year, month - 1, day));
	return (
		month >= 1 &&
		month <= 12 &&
		d.getUTCFullYear() === year &&
		d.getUTCMonth() === month - 1 &&
		d.getUTCDate() === day
	);
}

/**
 * Reads a day typed as `d.m.yyyy` (`15.1.2027`, `15.01.2027`; also ISO `2027-01-15`).
 * Refuses another form (`format`, e.g. `1/15/2027`, a two-digit year) and a day the
 * calendar does not have (`no_such_date`, e.g. 31.2.2027, 29.2.2027).
 */
export function readFinnishDay(text: string): DayReading {
	const value = text.trim();
	const fi = FINNISH_DAY.exec(value);
	const iso = fi ? null : ISO_DAY.exec(value);
	if (!fi && !iso) return { ok: false, reason: 'format' };
	const [day, month, year] = fi ? [+fi[1], +fi[2], +fi[3]] : [+iso![3], +iso![2], +iso![1]];
	if (!realDate(year, month, day)) return { ok: false, reason: 'no_such_date' };
	return { ok: true, day: `${year}-${pad(month)}-${pad(day)}` };
}

/**
 * Reads a Helsinki date-time typed as `d.m.yyyy hh.mm` (`15.1.2027 16.00`, `15.1.2027
 * klo 9.05`, `16:00` too; also ISO `2027-01-15T16:00`). Refuses another form (`format`),
 * a day the calendar lacks (`no_such_date`: 31.2.), an hour or minute past 23.59
 * (`no_such_time`), and a time the spring change skips (`skipped`: 3.00–3.59 on the last
 * Sunday of March). A time the autumn change repeats is the first one, summer time, as
 * readHelsinkiLocal rules, and says `repeated`.
 */
export function readFinnishDateTime(text: string): WallTimeReading {
	const value = text.trim().replace(/\s+/g, ' ');
	const fi = FINNISH_DATETIME.exec(value);
	const iso = fi ? null : ISO_DATETIME.exec(value);
	if (!fi && !iso) return { ok: false, reason: 'format' };
	const [day, month, year, hour, minute] = fi
		? [+fi[1], +fi[2], +fi[3], +fi[4], +fi[5]]
		: [+iso![3], +iso![2], +iso![1], +iso![4], +iso![5]];
	if (!realDate(year, month, day)) return { ok: false, reason: 'no_such_date' };
	if (hour > 23 || minute > 59) return { ok: false, reason: 'no_such_time' };
	const reading = readHelsinkiLocal(
		`${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`
	);
	if (!reading.ok)
		return { ok: false, reason: reading.reason === 'skipped' ? 'skipped' : 'format' };
	return reading;
}

/**
 * The `YYYY-MM-DDTHH:mm` Helsinki wall time a typed value names, or null: what the page's
 * live notes (the repeated autumn hour, a shortened deadline) read as the owner types.
 */
export function finnishToLocal(text: string | undefined): string | null {
	if (!text) return null;
	const reading = readFinnishDateTime(text);
	return reading.ok ? toHelsinkiLocal(reading.at) : null;
}

/** The message for a year outside YEAR_MIN–YEAR_MAX (day.ts): 1.1.1900, 1.1.2999. */
export const YEAR_ERROR = 'error_date_year';

/** Whether a `YYYY-…` value's year is one a form may name (YEAR_MIN–YEAR_MAX). */
function saneYear(value: string): boolean {
	const year = Number(value.slice(0, 4));
	return year >= YEAR_MIN && year <= YEAR_MAX;
}

/**
 * zod: a required Helsinki date-time field as typed, to its instant; issues carry message
 * keys. A year outside YEAR_MIN–YEAR_MAX is refused (YEAR_ERROR).
 */
export const finnishDateTimeField = z
	.string({ error: 'error_required' })
	.trim()
	.min(1, { error: 'error_required' })
	.transform((value, ctx) => {
		const reading = readFinnishDateTime(value);
		if (reading.ok && saneYear(toHelsinkiLocal(reading.at))) return reading.at;
		// A year of the past may read as skipped (Helsinki kept another offset before 1921).
		const dated = reading.ok || reading.reason === 'skipped';
		const year = /\d{4}/.exec(value)?.[0] ?? '';
		const message =
			dated && !saneYear(year)
				? YEAR_ERROR
				: DATETIME_ERRORS[reading.ok ? 'format' : reading.reason];
		ctx.addIssue({ code: 'custom', message });
		return z.NEVER;
	});

/**
 * zod: an optional day field as typed (`d.m.yyyy`), to a `YYYY-MM-DD` day or null when
 * blank. A year outside YEAR_MIN–YEAR_MAX is refused (YEAR_ERROR).
 */
export const finnishDayField = z
	.string()
	.trim()
	.default('')
	.transform((value, ctx): Day | null => {
		if (!value) return null;
		const reading = readFinnishDay(value);
		if (reading.ok && saneYear(reading.day)) return reading.day;
		ctx.addIssue({ code: 'custom', message: reading.ok ? YEAR_ERROR : DAY_ERRORS[reading.reason] });
		return z.NEVER;
	});
