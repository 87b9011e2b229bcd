import { t } from '$lib/i18n';

/** A competence area's name: the known areas in the reader's language, others as written. */
export function areaLabel(area: string): string {
	const key = `area_${area}`;
	return /^[a-z_]+$/.test(area) && t(key) !== key ? t(key) : area;
}
