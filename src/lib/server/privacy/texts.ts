import { translate } from '../i18n';
import { helsinkiIso } from '$lib/domain/helsinki-time';
import { exportPlan, readmeText } from '$lib/domain/data-export';
import type { PersonalDataCategory } from '$lib/domain/personal-data';
import type { Locale } from '$lib/domain/locale';
import { absoluteUrl } from '../http/links';
import { noticeCategories, retentionMonths } from './notice';

/** One category of personal data in the reader's words: what, why, on what basis, how long. */
export interface CategoryText {
	category: PersonalDataCategory;
	name: string;
	what: string;
	purpose: string;
	basis: string;
	retention: string;
}

/** The retention months a category's text names (only applications-like and the log). */
function months(category: PersonalDataCategory): number {
	const m = retentionMonths();
	return category === 'security' ? m.audit : m.applications;
}

/**
 * The map's categories in the reader's language (messages privacy_cat_<category>_*), in
 * the notice's order, with the configured retention months; for /privacy and /account/data.
 */
export function categoryTexts(locale?: Locale): CategoryText[] {
	return noticeCategories().map((category) => {
		const t = (part: string) =>
			translate(`privacy_cat_${category}_${part}`, { months: months(category) }, locale);
		return {
			category,
			name: t('name'),
			what: t('what'),
			purpose: t('purpose'),
			basis: t('basis'),
			retention: t('retention')
		};
	});
}

/** The archive's README.txt in the reader's language, naming the person's address. */
export function readme(email: string, at = new Date(), locale?: Locale): string {
	const texts = new Map(categoryTexts(locale).map((c) => [c.category, c]));
	const t = (key: string, inputs: Record<string, unknown> = {}) => translate(key, inputs, locale);
	return readmeText({
		title: t('dataexport_readme_title'),
		intro: t('dataexport_readme_intro', { email }),
		made: t('dataexport_readme_made', { at: helsinkiIso(at) }),
		filesHeading: t('dataexport_readme_files_heading'),
		categories: exportPlan().map((f) => {
			const c = texts.get(f.category);
			return { name: f.name, what: c ? `${c.name}. ${c.what}` : f.category };
		}),
		files: t('dataexport_readme_files'),
		formatHeading: t('dataexport_readme_format_heading'),
		format: t('dataexport_readme_format'),
		rights: t('dataexport_readme_rights', { url: absoluteUrl('/privacy') })
	});
}
