import { m } from '$lib/paraglide/messages';
import type { Procedure } from '$lib/domain/challenge';
import type { Locale } from '$lib/domain/locale';
import { stageNameKey, stageNameKeysAcross, type Stage } from '$lib/domain/stages';

// The names a visitor's challenge page shows from data: stages, competence areas and the
// note that a text is shown in another language. A module of their own, apart from t() and
// the field labels of the challenge editor ($lib/i18n): the bundler keeps a module whole for
// every page that imports it, so the visitor's page would otherwise carry those labels too
// (issue 16: a visitor's challenge page under 60 kB of JavaScript).

type MessageFn = (inputs?: Record<string, unknown>, options?: { locale?: Locale }) => string;
export type Messages = Record<string, (...args: never[]) => string>;

export const STAGE_MESSAGES: Messages = {
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
export const AREA_MESSAGES: Messages = {
	area_business_design: m.area_business_design,
	area_project_management: m.area_project_management,
	area_service_design: m.area_service_design,
	area_software_development: m.area_software_development
};
export const SHOWN_IN_MESSAGES: Messages = {
	challenge_shown_in_en: m.challenge_shown_in_en,
	challenge_shown_in_fi: m.challenge_shown_in_fi,
	challenge_shown_in_sv: m.challenge_shown_in_sv
};

/** A message of `family` by its key, or the key itself when the family has no such message. */
export function lookUp(
	family: Messages,
	key: string,
	inputs: Record<string, unknown> = {},
	locale?: Locale
): string {
	const fn = Object.hasOwn(family, key) ? (family[key] as MessageFn) : undefined;
	return typeof fn === 'function' ? fn(inputs, locale ? { locale } : undefined) : key;
}

/**
 * A competence area's name by its key (`area_…`), as t() would give it, or the key itself
 * for an area the app does not name. Bundles the area names only.
 */
export function areaMessage(key: string, locale?: Locale): string {
	return lookUp(AREA_MESSAGES, key, {}, locale);
}

/** The note that a challenge is shown in `lang`, not in the reader's language. */
export function shownIn(lang: Locale): string {
	return lookUp(SHOWN_IN_MESSAGES, `challenge_shown_in_${lang}`);
}

/**
 * A stage's one name (issue 16): the name `stage` has in `procedure` (stageNameKey), in
 * `locale` or the page's. The only way any page, mail, document or log entry names a stage;
 * sentences that mention a stage take this name as their `{stage}` and are written so that
 * it stands as it is (Finnish "Vaihe: …", never an inflected form).
 */
export function stageLabel(procedure: Procedure, stage: Stage, locale?: Locale): string {
	return lookUp(STAGE_MESSAGES, stageNameKey(procedure, stage), {}, locale);
}

/**
 * stageLabel where the procedure may be unknown (`null`: a filter over challenges of every
 * procedure, a record whose challenge is not known): then the stage is named so that it
 * covers each procedure, its names in the procedures that have it joined by " / " where
 * they differ (stageNameKeysAcross), so that "Kokeilu / Kehitysvaihe" is found by the
 * reader of either procedure. A function apart from stageLabel, so that a visitor's
 * challenge page, which always knows its procedure, is not sent it (issue 16: 60 kB).
 */
export function stageLabelAny(procedure: Procedure | null, stage: Stage, locale?: Locale): string {
	if (procedure) return stageLabel(procedure, stage, locale);
	return stageNameKeysAcross(stage)
		.map((key) => lookUp(STAGE_MESSAGES, key, {}, locale))
		.join(' / ');
}
