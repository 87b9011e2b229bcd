import { m } from '$lib/paraglide/messages';
import type { Procedure } from '$lib/domain/challenge';
import type { Locale } from '$lib/domain/locale';
import type { Stage } from '$lib/domain/stages';

type MessageFn = (inputs?: Record<string, unknown>, options?: { locale?: Locale }) => string;

/**
 * The names whose keys travel as data into pages: stages, competence areas, challenge
 * fields and the language notes. Only these are bundled with t(); a lookup into every
 * message (`m[key]`) would put all strings of the app into the JavaScript of every page
 * that shows a stage. Named one by one so that the bundler keeps just these; i18n.test.ts
 * checks that each family is complete. Form errors and publish issues reach pages in
 * words (src/lib/server/i18n.ts), so no page carries the errors of every capability.
 */
const DATA_MESSAGES: Record<string, (...args: never[]) => string> = {
	area_business_design: m.area_business_design,
	area_project_management: m.area_project_management,
	area_service_design: m.area_service_design,
	area_software_development: m.area_software_development,
	challenge_shown_in_en: m.challenge_shown_in_en,
	challenge_shown_in_fi: m.challenge_shown_in_fi,
	challenge_shown_in_sv: m.challenge_shown_in_sv,
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
	field_label_title: m.field_label_title,
	stage_applications: m.stage_applications,
	stage_concepts: m.stage_concepts,
	stage_ip_applications: m.stage_ip_applications,
	stage_ip_concepts: m.stage_ip_concepts,
	stage_ip_proof_of_concept: m.stage_ip_proof_of_concept,
	stage_ip_shortlisting: m.stage_ip_shortlisting,
	stage_ip_workshops: m.stage_ip_workshops,
	stage_market_dialogue: m.stage_market_dialogue,
	stage_production: m.stage_production,
	stage_proof_of_concept: m.stage_proof_of_concept,
	stage_screening: m.stage_screening,
	stage_selection: m.stage_selection,
	stage_shortlisting: m.stage_shortlisting,
	stage_workshops: m.stage_workshops
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
	const fn = Object.hasOwn(DATA_MESSAGES, key) ? (DATA_MESSAGES[key] as MessageFn) : undefined;
	return typeof fn === 'function' ? fn(inputs, locale ? { locale } : undefined) : key;
}

// An innovation partnership names some stages as the Act on Public Procurement does.
const PARTNERSHIP_NAMES: readonly Stage[] = [
	'applications',
	'shortlisting',
	'workshops',
	'concepts',
	'proof_of_concept'
];

/** A stage's name in the challenge's procedure. */
export function stageLabel(procedure: Procedure, stage: Stage, locale?: Locale): string {
	const key =
		procedure === 'innovation_partnership' && PARTNERSHIP_NAMES.includes(stage)
			? `stage_ip_${stage}`
			: `stage_${stage}`;
	return t(key, {}, locale);
}
