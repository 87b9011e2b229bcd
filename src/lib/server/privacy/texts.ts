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
		const part = (name: string) =>
			translate(`privacy_cat_${category}_${name}`, { months: months(category) }, locale);
		return {
			category,
			name: part('name'),
			what: part('what'),
			purpose: part('purpose'),
			basis: part('basis'),
			retention: part('retention')
		};
	});
}

/** The archive's README.txt in the reader's language, naming the person's address. */
export function readme(email: string, at = new Date(), locale?: Locale): string {
	const texts = new Map(categoryTexts(locale).map((c) => [c.category, c]));
	const say = (key: string, inputs: Record<string, unknown> = {}) => translate(key, inputs, locale);
	return readmeText({
		title: say('dataexport_readme_title'),
		intro: say('dataexport_readme_intro', { email }),
		made: say('dataexport_readme_made', { at: helsinkiIso(at) }),
		filesHeading: say('dataexport_readme_files_heading'),
		categories: exportPlan().map((f) => {
			const c = texts.get(f.category);
			return { name: f.name, what: c ? `${c.name}. ${c.what}` : f.category };
		}),
		files: say('dataexport_readme_files'),
		formatHeading: say('dataexport_readme_format_heading'),
		format: say('dataexport_readme_format'),
		rights: say('dataexport_readme_rights', { url: absoluteUrl('/privacy') })
	});
}
