/**
 * Times are stored as instants and entered and shown in Europe/Helsinki (DESIGN.md); a
 * value that means a calendar *day* (a decision date) is a `Day` (day.ts), never an instant.
 */
import type { Day } from './day';

const ZONE = 'Europe/Helsinki';

// Made on first use, not when the module loads: a module that does nothing on loading is
// left out of a page's JavaScript when the page uses none of it (issue 16: the timetable
// module imports helsinkiDay, which a visitor's challenge page never calls).
let parts: Intl.DateTimeFormat | undefined;

function helsinkiParts(date: Date) {
	parts ??= new Intl.DateTimeFormat('en-GB', {
		timeZone: ZONE,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		hourCycle: 'h23'
	});
	const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
	return p as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;
}

/** The wall-clock time in Helsinki as `YYYY-MM-DDTHH:mm`, the value of a datetime-local input. */
export function toHelsinkiLocal(date: Date): string {
	const p = helsinkiParts(date);
	return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** Minutes Helsinki is ahead of UTC at an instant: 120 in winter, 180 in summer. */
export function helsinkiOffsetMinutes(date: Date): number {
	const p = helsinkiParts(date);
	const wall = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
	return Math.round((wall - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/**
 * An instant as ISO 8601 in Helsinki time with its offset, to the second:
 * `2027-01-10T19:09:41+02:00` (summer: `+03:00`). Every time that leaves a page (CSV,
 * mail, receipts, downloads) is written so: the same wall clock the page shows, and an
 * offset that makes it unambiguous (issue 11, item 11).
 */
export function helsinkiIso(value: Date | string): string {
	const date = new Date(value);
	const p = helsinkiParts(date);
	const offset = helsinkiOffsetMinutes(date);
	const hh = String(Math.floor(offset / 60)).padStart(2, '0');
	const mm = String(offset % 60).padStart(2, '0');
	return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}+${hh}:${mm}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/**
 * What a Helsinki wall-clock time means. `skipped`: the clocks jump over it (03:00–03:59
 * on the last Sunday of March, summer time begins); `repeated`: it happens twice (03:00–
 * 03:59 on the last Sunday of October) and the FIRST one, still summer time (UTC+3), is
 * taken — a deadline at "03:30" then never comes later than the reader expects.
 */
export type HelsinkiReading =
	{ ok: true; at: Date; repeated: boolean } | { ok: false; reason: 'malformed' | 'skipped' };

/** Reads `YYYY-MM-DD` (midnight) or `YYYY-MM-DDTHH:mm` as Helsinki wall-clock time. */
export function readHelsinkiLocal(value: string): HelsinkiReading {
	const m = LOCAL.exec(value.trim());
	if (!m) return { ok: false, reason: 'malformed' };
	const [year, month, day, hour = 0, minute = 0] = m
		.slice(1)
		.map((v) => (v === undefined ? 0 : Number(v)));
	const wanted = Date.UTC(year, month - 1, day, hour, minute);
	const check = new Date(wanted);
	if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59)
		return { ok: false, reason: 'malformed' };
	const text = `${m[1]}-${m[2]}-${m[3]}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
	// Helsinki is UTC+2 or UTC+3: keep the offsets that read back right (none, one or both).
	const fits = [3, 2]
		.map((offsetHours) => new Date(wanted - offsetHours * 3600_000))
		.filter((candidate) => toHelsinkiLocal(candidate) === text);
	if (!fits.length) return { ok: false, reason: 'skipped' };
	return { ok: true, at: fits[0], repeated: fits.length > 1 };
}

/**
 * The instant a Helsinki wall-clock time means (`YYYY-MM-DD` is midnight). Null for a
 * malformed or impossible value, such as 25:00 or the hour skipped when clocks go forward;
 * readHelsinkiLocal says which.
 */
export function fromHelsinkiLocal(value: string): Date | null {
	const reading = readHelsinkiLocal(value);
	return reading.ok ? reading.at : null;
}

/** The Helsinki calendar day an instant falls on (23:30 UTC on 9 January is 10 January). */
export function helsinkiDay(instant: Date | string): Day {
	return toHelsinkiLocal(new Date(instant)).slice(0, 10);
}
