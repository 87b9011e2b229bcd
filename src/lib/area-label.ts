import { areaMessage } from '$lib/i18n-names';
import { normaliseArea } from '$lib/domain/experience';
import type { Locale } from '$lib/domain/locale';

/** A competence area's name: a known area in the reader's language, an owner's own words as typed. */
export function areaLabel(area: string): string {
	const key = `area_${area}`;
	return /^[a-z_]+$/.test(area) && areaMessage(key) !== key ? areaMessage(key) : area;
}

/** Whether `area` is one of the known areas the app names in every language. */
export function isKnownArea(area: string): boolean {
	const key = `area_${area}`;
	return /^[a-z_]+$/.test(area) && areaMessage(key) !== key;
}

/**
 * The language to mark a work entry's area with: an entry's own words that match one of
 * the challenge's own areas (as the coverage matches them, normaliseArea) count as written
 * in the challenge's `primary` language; marked only when that is not the page's `locale`.
 * A known area (shown in the reader's language) or other words of unknown language: none.
 */
export function areaLang(
	area: string,
	challengeAreas: string[],
	primary: Locale,
	locale: Locale
): Locale | undefined {
	if (isKnownArea(area) || primary === locale) return undefined;
	const own = normaliseArea(area);
	return challengeAreas.some((a) => !isKnownArea(a) && normaliseArea(a) === own)
		? primary
		: undefined;
}
