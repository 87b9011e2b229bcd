import type { Locale } from '$lib/domain/locale';

const TAGS: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** Points as the language writes them ("7,5" in Finnish), at most two decimals; '–' for none. */
export function formatPoints(points: number | null | undefined, locale: Locale): string {
	if (points === null || points === undefined) return '–';
	return new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits: 2 }).format(points);
}
