import { m } from '$lib/paraglide/messages';
import type { Procedure } from '$lib/domain/challenge';
import type { Locale } from '$lib/domain/locale';
import type { Stage } from '$lib/domain/stages';

type MessageFn = (inputs?: Record<string, unknown>, options?: { locale?: Locale }) => string;

/**
 * The messages whose keys travel as data: form errors from zod schemas, publish issues,
 * stage, area and field names, the language notes and calendar entries. Only these are
 * bundled with t(); a lookup into every message (`m[key]`) would put all strings of the
 * app into the JavaScript of every page that shows a form or a stage. Named one by one so
 * that the bundler keeps just these; i18n.test.ts checks that each family is complete.
 */
const DATA_MESSAGES: Record<string, (...args: never[]) => string> = {
	area_business_design: m.area_business_design,
	area_project_management: m.area_project_management,
	area_service_design: m.area_service_design,
	area_software_development: m.area_software_development,
	calendar_decision: m.calendar_decision,
	calendar_signatory: m.calendar_signatory,
	challenge_shown_in_en: m.challenge_shown_in_en,
	challenge_shown_in_fi: m.challenge_shown_in_fi,
	challenge_shown_in_sv: m.challenge_shown_in_sv,
	error_application_answers: m.error_application_answers,
	error_application_closed: m.error_application_closed,
	error_application_ideas: m.error_application_ideas,
	error_application_not_draft: m.error_application_not_draft,
	error_application_not_submitted: m.error_application_not_submitted,
	error_application_unknown: m.error_application_unknown,
	error_back_home: m.error_back_home,
	error_business_id_invalid: m.error_business_id_invalid,
	error_criteria_name_missing: m.error_criteria_name_missing,
	error_criteria_points_not_positive: m.error_criteria_points_not_positive,
	error_criteria_points_not_whole: m.error_criteria_points_not_whole,
	error_criteria_price_share_out_of_range: m.error_criteria_price_share_out_of_range,
	error_criteria_stage_without_criteria_selection:
		m.error_criteria_stage_without_criteria_selection,
	error_criteria_stage_without_criteria_shortlisting:
		m.error_criteria_stage_without_criteria_shortlisting,
	error_datetime_invalid: m.error_datetime_invalid,
	error_draft_conflict: m.error_draft_conflict,
	error_eligible_with_unmet: m.error_eligible_with_unmet,
	error_email_invalid: m.error_email_invalid,
	error_email_taken: m.error_email_taken,
	error_end_before_start: m.error_end_before_start,
	error_end_or_ongoing: m.error_end_or_ongoing,
	error_forbidden: m.error_forbidden,
	error_form: m.error_form,
	error_form_unreadable: m.error_form_unreadable,
	error_generic: m.error_generic,
	error_idea_too_long: m.error_idea_too_long,
	error_invitation_expired: m.error_invitation_expired,
	error_invitation_unknown: m.error_invitation_unknown,
	error_invitation_used: m.error_invitation_used,
	error_invitation_wrong_account: m.error_invitation_wrong_account,
	error_invite_member: m.error_invite_member,
	error_item_gone: m.error_item_gone,
	error_justification_required: m.error_justification_required,
	error_locale_invalid: m.error_locale_invalid,
	error_mark_required: m.error_mark_required,
	error_member_no_account: m.error_member_no_account,
	error_merge_invalid: m.error_merge_invalid,
	error_message_long: m.error_message_long,
	error_month_future: m.error_month_future,
	error_month_invalid: m.error_month_invalid,
	error_name_long: m.error_name_long,
	error_name_short: m.error_name_short,
	error_not_found: m.error_not_found,
	error_not_team_member: m.error_not_team_member,
	error_number_invalid: m.error_number_invalid,
	error_number_range: m.error_number_range,
	error_page_long: m.error_page_long,
	error_password_common: m.error_password_common,
	error_password_long: m.error_password_long,
	error_password_short: m.error_password_short,
	error_points_invalid: m.error_points_invalid,
	error_project_not_members: m.error_project_not_members,
	error_project_two_members: m.error_project_two_members,
	error_questions_closed: m.error_questions_closed,
	error_rate_limited: m.error_rate_limited,
	error_reason_for_unmet: m.error_reason_for_unmet,
	error_reason_required: m.error_reason_required,
	error_reference: m.error_reference,
	error_required: m.error_required,
	error_signed_out: m.error_signed_out,
	error_signin_invalid: m.error_signin_invalid,
	error_signin_unverified: m.error_signin_unverified,
	error_slug_invalid: m.error_slug_invalid,
	error_slug_taken: m.error_slug_taken,
	error_status: m.error_status,
	error_team_handover: m.error_team_handover,
	error_team_member_not_removed: m.error_team_member_not_removed,
	error_team_name_short: m.error_team_name_short,
	error_team_not_lead: m.error_team_not_lead,
	error_text_long: m.error_text_long,
	error_timetable_decision_after_next_stage: m.error_timetable_decision_after_next_stage,
	error_timetable_decision_before_stage: m.error_timetable_decision_before_stage,
	error_timetable_decision_not_for_stage: m.error_timetable_decision_not_for_stage,
	error_timetable_decision_without_signatory: m.error_timetable_decision_without_signatory,
	error_timetable_end_not_after_start: m.error_timetable_end_not_after_start,
	error_timetable_ends_before_previous: m.error_timetable_ends_before_previous,
	error_timetable_stage_not_in_procedure: m.error_timetable_stage_not_in_procedure,
	error_timetable_stage_required: m.error_timetable_stage_required,
	error_timetable_starts_before_previous: m.error_timetable_starts_before_previous,
	error_title_primary_required: m.error_title_primary_required,
	error_token_invalid: m.error_token_invalid,
	error_upload_empty: m.error_upload_empty,
	error_upload_too_large: m.error_upload_too_large,
	error_upload_too_large_10: m.error_upload_too_large_10,
	error_upload_type: m.error_upload_type,
	error_upload_type_evidence: m.error_upload_type_evidence,
	error_url_invalid: m.error_url_invalid,
	error_workshop_agenda_empty: m.error_workshop_agenda_empty,
	error_workshop_agenda_long: m.error_workshop_agenda_long,
	error_workshop_challenge: m.error_workshop_challenge,
	error_workshop_end_unconfirmed: m.error_workshop_end_unconfirmed,
	error_workshop_expert_email: m.error_workshop_expert_email,
	error_workshop_expert_many: m.error_workshop_expert_many,
	error_workshop_expert_unknown: m.error_workshop_expert_unknown,
	error_workshop_mode: m.error_workshop_mode,
	error_workshop_moved_on: m.error_workshop_moved_on,
	error_workshop_not_facilitator: m.error_workshop_not_facilitator,
	error_workshop_not_yours: m.error_workshop_not_yours,
	error_workshop_phase_kind: m.error_workshop_phase_kind,
	error_workshop_phase_minutes: m.error_workshop_phase_minutes,
	error_workshop_phase_title: m.error_workshop_phase_title,
	error_workshop_starts_at: m.error_workshop_starts_at,
	error_workshop_status_step: m.error_workshop_status_step,
	error_workshop_team_refused: m.error_workshop_team_refused,
	error_workshop_teams_needed: m.error_workshop_teams_needed,
	error_workshop_title: m.error_workshop_title,
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
	publish_criteria_invalid: m.publish_criteria_invalid,
	publish_missing_applications: m.publish_missing_applications,
	publish_missing_contact: m.publish_missing_contact,
	publish_missing_summary: m.publish_missing_summary,
	publish_missing_title: m.publish_missing_title,
	publish_timetable_invalid: m.publish_timetable_invalid,
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
	'error_',
	'publish_',
	'stage_',
	'area_',
	'field_label_',
	'challenge_shown_in_',
	'calendar_'
] as const;

/**
 * A message by its key, for keys that travel as data (form errors from zod schemas).
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
