import type { Locale } from '$lib/domain/locale';

const TAGS: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
const made = new Map<Locale, Intl.DateTimeFormat>();

function monthFormat(locale: Locale) {
	let f = made.get(locale);
	if (!f) {
		f = new Intl.DateTimeFormat(TAGS[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' });
		made.set(locale, f);
	}
	return f;
}

/** 'YYYY-MM' as people read a month ("March 2024"); anything else shown as it is. */
export function formatMonth(month: string, locale: Locale): string {
	const match = /^(\d{4})-(\d{2})$/.exec(month);
	if (!match) return month;
	return monthFormat(locale).format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

/** A period from its start month to its end month, or to `ongoing` when it has no end. */
export function formatPeriod(
	start: string,
	end: string | null,
	locale: Locale,
	ongoing: string
): string {
	return `${formatMonth(start, locale)} – ${end ? formatMonth(end, locale) : ongoing}`;
}
