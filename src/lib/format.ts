import type { Locale } from '$lib/domain/locale';

const TAGS: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

// Building an Intl.DateTimeFormat costs far more than using one: keep one per locale.
function formatters(options: Intl.DateTimeFormatOptions) {
	const made = new Map<Locale, Intl.DateTimeFormat>();
	return (locale: Locale) => {
		let f = made.get(locale);
		if (!f)
			made.set(
				locale,
				(f = new Intl.DateTimeFormat(TAGS[locale], { ...options, timeZone: 'Europe/Helsinki' }))
			);
		return f;
	};
}

const dateFormat = formatters({ day: 'numeric', month: 'long', year: 'numeric' });
const dateTimeFormat = formatters({ dateStyle: 'medium', timeStyle: 'short' });

/** A date as people in Finland read it, in Helsinki time whatever the server's zone. */
export const formatDate = (value: Date | string, locale: Locale): string =>
	dateFormat(locale).format(new Date(value));

export const formatDateTime = (value: Date | string, locale: Locale): string =>
	dateTimeFormat(locale).format(new Date(value));
