import type { Locale } from '$lib/domain/locale';

const TAGS: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** A date as people in Finland read it, in Helsinki time whatever the server's zone. */
export function formatDate(value: Date | string, locale: Locale): string {
	return new Intl.DateTimeFormat(TAGS[locale], {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'Europe/Helsinki'
	}).format(new Date(value));
}

export function formatDateTime(value: Date | string, locale: Locale): string {
	return new Intl.DateTimeFormat(TAGS[locale], {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Europe/Helsinki'
	}).format(new Date(value));
}
