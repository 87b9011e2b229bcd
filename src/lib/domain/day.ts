// Calendar days apart from Helsinki clock time (helsinki-time.ts): a page that only shows a
// day (a decision date in a timetable) then does not load the clock's code (issue 16).

/** A calendar day, `YYYY-MM-DD`: what a decision date is. It has no time and no zone. */
export type Day = string;

/**
 * The years a date typed into a form may name (timetables, workshops, deadlines): a typo
 * such as 1.1.1900 or year 20266 is refused at its field. The proof of concept's due
 * dates keep to the same years (proof-of-concept.ts, DUE_MIN and DUE_MAX).
 */
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day `value` names (`YYYY-MM-DD`, a real date), or null. */
export function parseDay(value: string): Day | null {
	const m = DAY.exec(value.trim());
	if (!m) return null;
	const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	return date.getUTCMonth() === +m[2] - 1 && date.getUTCDate() === +m[3] ? m[0] : null;
}

/**
 * A day as a Date at 00:00 UTC: what date-only writers that read UTC fields (ical-generator
 * with `allDay`, Intl with `timeZone: 'UTC'`) need to write that same day.
 */
export function dayAsUtcDate(day: Day): Date {
	const valid = parseDay(day);
	if (!valid) throw new RangeError(`Not a YYYY-MM-DD day: ${day}`);
	return new Date(`${valid}T00:00:00Z`);
}
