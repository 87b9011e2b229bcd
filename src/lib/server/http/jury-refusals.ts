import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { refusalCode } from '../db/errors';
import { translate } from '../i18n';
import { roleRefusal, type RoleRefusal } from './role-refusals';

/**
 * The jury's and the decisions' refusals as HTTP (issue 13): every reason code their
 * definer functions raise (supabase/migrations/20261205000100_jury.sql and
 * 20261206000100_decisions.sql, SQLSTATE TK422 or 42501 with the code as hint) with its
 * status and words (message `jury_refusal_…` / `decision_refusal_…` with the code after
 * its prefix). 403 when the caller may not do it at all, 409 when the record's state
 * forbids it now (already submitted, consensus not open, already published), 400 for
 * input that does not stand. Nothing was changed by a refused call: the function aborted.
 */
export const JURY_REFUSALS = {
	jury_not_chair: 403,
	jury_not_juror: 403,
	jury_conflicted: 403,
	jury_not_assigned: 403,
	jury_not_declared: 409,
	jury_unknown_item: 404,
	jury_unknown_stage: 404,
	jury_unknown_juror: 400,
	jury_unknown_criterion: 400,
	jury_bad_input: 400,
	jury_bad_email: 400,
	jury_chair_invited: 409,
	jury_bad_step: 400,
	jury_step_not_divisor: 400,
	jury_score_missing: 400,
	jury_score_negative: 400,
	jury_score_above_max: 400,
	jury_score_off_step: 400,
	jury_justification_missing: 400,
	jury_justification_too_long: 400,
	jury_reason_missing: 400,
	jury_reason_too_long: 400,
	jury_comment_blank: 400,
	jury_comment_too_long: 400,
	jury_already_submitted: 409,
	jury_not_submitted: 409,
	jury_conflict_final: 409,
	jury_conflicted_pair: 409,
	jury_assignment_has_scores: 409,
	jury_invitation_accepted: 409,
	jury_scoring_started: 409,
	jury_consensus_open: 409,
	jury_consensus_not_open: 409,
	jury_criteria_scored: 409,
	jury_score_locked: 409,
	jury_record_locked: 409
} as const satisfies Record<string, 400 | 403 | 404 | 409>;

/** The decisions' codes (20261206000100_decisions.sql), the same way. */
export const DECISION_REFUSALS = {
	decision_not_chair: 403,
	decision_unknown: 404,
	decision_unknown_stage: 404,
	decision_unknown_item: 400,
	decision_bad_input: 400,
	decision_duplicate: 400,
	decision_reason_too_long: 400,
	decision_justification_too_long: 400,
	decision_text_too_long: 400,
	decision_empty: 400,
	decision_items_incomplete: 400,
	decision_reason_missing: 400,
	decision_too_many: 400,
	decision_justification_missing: 400,
	decision_day_before_challenge: 400,
	decision_day_in_future: 400,
	decision_count_unset: 409,
	decision_already_published: 409,
	decision_not_published: 409,
	decision_replaced: 409,
	decision_locked: 409
} as const satisfies Record<string, 400 | 403 | 404 | 409>;

const REFUSALS = { ...JURY_REFUSALS, ...DECISION_REFUSALS };

export type JuryRefusal = keyof typeof JURY_REFUSALS;
export type DecisionRefusal = keyof typeof DECISION_REFUSALS;

/**
 * The jury or decision refusal `failure` carries, with its status and words, or null for
 * anything else. A role clash (roleRefusal: a juror on an applying team) counts, as the
 * jury's invitations and acceptances are where it is met.
 */
export function juryRefusal(failure: unknown): {
	code: JuryRefusal | DecisionRefusal | RoleRefusal;
	status: 400 | 403 | 404 | 409;
	message: string;
} | null {
	const role = roleRefusal(failure);
	if (role) return { code: role.code, status: role.status, message: role.message };
	const code = refusalCode(failure, '');
	if (code === null || !Object.hasOwn(REFUSALS, code)) return null;
	const known = code as JuryRefusal | DecisionRefusal;
	return {
		code: known,
		status: REFUSALS[known],
		message: translate(known.replace(/^(jury|decision)_/, '$1_refusal_'))
	};
}

/**
 * For form actions: a jury or decision refusal as `fail(status, { error: words })`;
 * anything else is thrown on unchanged. Use as `catch (e) { return juryFailure(e); }`.
 */
export function juryFailure(failure: unknown): ActionFailure<{ error: string }> {
	const refusal = juryRefusal(failure);
	if (!refusal) throw failure;
	return fail(refusal.status, { error: refusal.message });
}

/** For loads and endpoints: a jury or decision refusal as SvelteKit's HttpError; else rethrown. */
export function juryRefusalAsHttp(failure: unknown): never {
	const refusal = juryRefusal(failure);
	if (!refusal) throw failure;
	error(refusal.status, refusal.message);
}
