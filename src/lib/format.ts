import type { Locale } from '$lib/domain/locale';
import { dayAsUtcDate, type Day } from '$lib/domain/day';
import { helsinkiIso } from '$lib/domain/helsinki-time';

const TAGS: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

// Building an Intl.DateTimeFormat costs far more than using one: keep one per locale.
function formatters(options: Intl.DateTimeFormatOptions, timeZone = 'Europe/Helsinki') {
	const made = new Map<Locale, Intl.DateTimeFormat>();
	return (locale: Locale) => {
		let f = made.get(locale);
		if (!f) made.set(locale, (f = new Intl.DateTimeFormat(TAGS[locale], { ...options, timeZone })));
		return f;
	};
}

const dateFormat = formatters({ day: 'numeric', month: 'long', year: 'numeric' });
const dateTimeFormat = formatters({ dateStyle: 'medium', timeStyle: 'short' });
const secondsFormat = formatters({ dateStyle: 'medium', timeStyle: 'medium' });
// A Day has no zone: written from its UTC midnight, it is that day everywhere.
const dayFormat = formatters({ day: 'numeric', month: 'long', year: 'numeric' }, 'UTC');

/** A date as people in Finland read it, in Helsinki time whatever the server's zone. */
export const formatDate = (value: Date | string, locale: Locale): string =>
	dateFormat(locale).format(new Date(value));

export const formatDateTime = (value: Date | string, locale: Locale): string =>
	dateTimeFormat(locale).format(new Date(value));

/**
 * To the second, where the second decides something (a submission against its deadline):
 * "10.1.2027 klo 19.09.41". Helsinki time.
 */
export const formatDateTimeSeconds = (value: Date | string, locale: Locale): string =>
	secondsFormat(locale).format(new Date(value));

/** Names in a sentence as the language joins them: "Sanna, Oona ja Daniel". */
export const formatList = (items: string[], locale: Locale): string =>
	new Intl.ListFormat(TAGS[locale], { type: 'conjunction' }).format(items);

/** A calendar day (`YYYY-MM-DD`, a decision date) as people read it: "10 January 2027". */
export const formatDay = (day: Day, locale: Locale): string =>
	dayFormat(locale).format(dayAsUtcDate(day));

/**
 * A time for a person reading it away from the page (mail, receipts, downloads): in words
 * in Helsinki time, then ISO 8601 with the Helsinki offset, so no reader in another zone
 * or program can take it for UTC — "10.1.2027 klo 19.09 (2027-01-10T19:09:41+02:00)".
 * `seconds` where the second decides something (a submission against its deadline).
 */
export const formatForRecord = (
	value: Date | string,
	locale: Locale,
	{ seconds = false }: { seconds?: boolean } = {}
): string =>
	`${(seconds ? formatDateTimeSeconds : formatDateTime)(value, locale)} (${helsinkiIso(value)})`;

const shortDate: Record<Locale, Intl.DateTimeFormatOptions> = {
	fi: { day: 'numeric', month: 'numeric' },
	sv: { day: 'numeric', month: 'numeric' },
	en: { day: 'numeric', month: 'long' }
};
const yearOf = formatters({ year: 'numeric' })('fi');
const LOCALES = ['fi', 'sv', 'en'] as const;
const byLocale = (options: (l: Locale) => Intl.DateTimeFormatOptions) =>
	Object.fromEntries(LOCALES.map((l) => [l, formatters(options(l))(l)])) as Record<
		Locale,
		Intl.DateTimeFormat
	>;
const deadlineDay = {
	thisYear: byLocale((l) => shortDate[l]),
	otherYear: byLocale((l) => ({ ...shortDate[l], year: 'numeric' }))
};
const clockTime = formatters({ hour: 'numeric', minute: '2-digit' });

/**
 * A deadline's day and time apart, in Helsinki time, for a sentence such as "Hakuaika
 * päättyy 25.12. klo 16.00" (the message supplies "klo"/"kl."/"at"): the year only when it
 * is not this year's. Takes the instant, the locale and the clock's now.
 */
export function deadlineParts(
	value: Date | string,
	locale: Locale,
	now: Date = new Date()
): { date: string; time: string } {
	const at = new Date(value);
	const sameYear = yearOf.format(at) === yearOf.format(now);
	return {
		date: (sameYear ? deadlineDay.thisYear : deadlineDay.otherYear)[locale].format(at),
		time: clockTime(locale).format(at)
	};
}

const euros = new Map<Locale, Intl.NumberFormat>();
/**
 * Money kept in whole cents (a tender's price, a bonus) as people read euros in the
 * locale: "1 234 567,00 €" / "€1,234,567.00". Takes the cents and the locale.
 */
export function formatEuros(cents: number, locale: Locale): string {
	let f = euros.get(locale);
	if (!f) {
		f = new Intl.NumberFormat(TAGS[locale], { style: 'currency', currency: 'EUR' });
		euros.set(locale, f);
	}
	return f.format(cents / 100);
}

const counts = new Map<Locale, Intl.NumberFormat>();
/** A whole count as the locale groups it: "1 000" (fi, sv), "1,000" (en). */
export function formatCount(n: number, locale: Locale): string {
	let f = counts.get(locale);
	if (!f) counts.set(locale, (f = new Intl.NumberFormat(TAGS[locale])));
	return f.format(n);
}
