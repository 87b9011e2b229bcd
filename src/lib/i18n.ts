import { m } from '$lib/paraglide/messages';
import {
	AREA_MESSAGES,
	SHOWN_IN_MESSAGES,
	STAGE_MESSAGES,
	lookUp,
	type Messages
} from './i18n-names';
import type { Locale } from '$lib/domain/locale';
import { pageRange, type Paged } from '$lib/domain/paging';
import { formatCount } from '$lib/format';

/**
 * The names whose keys travel as data into pages: stages, competence areas, challenge
 * fields and the language notes. Only these are bundled with t(); a lookup into every
 * message (`m[key]`) would put all strings of the app into the JavaScript of every page
 * that shows a stage. Named one by one so that the bundler keeps just these; i18n.test.ts
 * checks that each family is complete. Form errors and publish issues reach pages in
 * words (src/lib/server/i18n.ts), so no page carries the errors of every capability.
 */
const DATA_MESSAGES: Messages = {
	...STAGE_MESSAGES,
	...AREA_MESSAGES,
	...SHOWN_IN_MESSAGES,
	field_label_body: m.field_label_body,
	field_label_competence_areas: m.field_label_competence_areas,
	field_label_contact_email: m.field_label_contact_email,
	field_label_contact_name: m.field_label_contact_name,
	field_label_cover_image: m.field_label_cover_image,
	field_label_criteria: m.field_label_criteria,
	field_label_idea_count: m.field_label_idea_count,
	field_label_lookback_years: m.field_label_lookback_years,
	field_label_min_team_size: m.field_label_min_team_size,
	field_label_partner_count: m.field_label_partner_count,
	field_label_price_share: m.field_label_price_share,
	field_label_primary_locale: m.field_label_primary_locale,
	field_label_procedure: m.field_label_procedure,
	field_label_require_common_history: m.field_label_require_common_history,
	field_label_requirements: m.field_label_requirements,
	field_label_rewards: m.field_label_rewards,
	field_label_shortlist_count: m.field_label_shortlist_count,
	field_label_summary: m.field_label_summary,
	field_label_timetable: m.field_label_timetable,
	field_label_title: m.field_label_title
};

/** The key prefixes t() knows; a key outside them shows as itself. */
export const DATA_KEY_PREFIXES = [
	'stage_',
	'area_',
	'field_label_',
	'challenge_shown_in_'
] as const;

/**
 * A message by its key, for keys that travel as data (a stage or field name from the database).
 * An unknown key shows as itself, which the completeness test would have caught.
 */
export function t(key: string, inputs: Record<string, unknown> = {}, locale?: Locale): string {
	return lookUp(DATA_MESSAGES, key, inputs, locale);
}

export { areaMessage, shownIn, stageLabel } from './i18n-names';

/**
 * What a page of a list shows, in the reader's words and numbers: "Showing 51–100 of
 * 1,234" (pageRange; the plural rules of the count shown). `size` is the page size the
 * page was read with.
 */
export function shownRange(paged: Omit<Paged<unknown>, 'items'>, size: number, locale: Locale) {
	const { from, to } = pageRange(paged, size);
	return m.list_shown({
		count: to - from + 1,
		from: formatCount(from, locale),
		to: formatCount(to, locale),
		total: formatCount(paged.total, locale)
	});
}

/**
 * The status line under a list's filter (ListFilter's `status`): how many it finds, or that
 * none matches, when the filter narrows the list (`narrowed`); null when it shows all.
 */
export const foundStatus = (narrowed: boolean, total: number): string | null =>
	narrowed ? (total ? m.list_found({ count: total }) : m.list_no_match()) : null;

/**
 * The status line of a choice (ChoiceSearch): that only the first `shown` of the `total`
 * options found are offered and words find the others; else, when `words` narrow it, how
 * many match or that none does (foundStatus); null when every option is offered.
 */
export function choiceStatus(words: boolean, shown: number, total: number, locale: Locale) {
	return shown < total
		? m.choice_shown({
				count: shown,
				shown: formatCount(shown, locale),
				total: formatCount(total, locale)
			})
		: foundStatus(words, total);
}

const ORG_KIND_LABELS: Record<string, () => string> = {
	public_body: m.org_kind_public_body,
	university: m.org_kind_university,
	agency: m.org_kind_agency,
	company: m.org_kind_company,
	other: m.org_kind_other
};

/** An organisation's kind in the reader's words ("other" for one the app does not know). */
export const orgKindLabel = (kind: string) => (ORG_KIND_LABELS[kind] ?? m.org_kind_other)();
