import { t } from '$lib/i18n';

/** A competence area's name: a known area in the reader's language, an owner's own words as typed. */
export function areaLabel(area: string): string {
	const key = `area_${area}`;
	return /^[a-z_]+$/.test(area) && t(key) !== key ? t(key) : area;
}
