import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { refusalCode } from '../db/errors';
import { translate } from '../i18n';

/**
 * The jury's refusals as HTTP (issue 13): every reason code the jury's definer functions
 * raise (supabase/migrations/20261205000100_jury.sql, SQLSTATE TK422 or 42501 with the
 * code as hint) with its status and words (message `jury_refusal_…` with the code after `jury_`). 403 when the
 * caller may not do it at all, 409 when the record's state forbids it now (already
 * submitted, consensus not open), 400 for input that does not stand. Nothing was changed
 * by a refused call: the function aborted.
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
	jury_bad_step: 400,
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
	jury_scoring_started: 409,
	jury_consensus_open: 409,
	jury_consensus_not_open: 409,
	jury_criteria_scored: 409,
	jury_score_locked: 409,
	jury_record_locked: 409
} as const satisfies Record<string, 400 | 403 | 404 | 409>;

export type JuryRefusal = keyof typeof JURY_REFUSALS;

/** The jury refusal `failure` carries, with its status and words, or null for anything else. */
export function juryRefusal(
	failure: unknown
): { code: JuryRefusal; status: 400 | 403 | 404 | 409; message: string } | null {
	const code = refusalCode(failure, 'jury_');
	if (code === null || !Object.hasOwn(JURY_REFUSALS, code)) return null;
	const known = code as JuryRefusal;
	return {
		code: known,
		status: JURY_REFUSALS[known],
		message: translate(known.replace(/^jury_/, 'jury_refusal_'))
	};
}

/**
 * For form actions: a jury refusal as `fail(status, { error: words })`; anything else is
 * thrown on unchanged. Use as `catch (e) { return juryFailure(e); }`.
 */
export function juryFailure(failure: unknown): ActionFailure<{ error: string }> {
	const refusal = juryRefusal(failure);
	if (!refusal) throw failure;
	return fail(refusal.status, { error: refusal.message });
}

/** For loads and endpoints: a jury refusal as SvelteKit's HttpError; else rethrown. */
export function juryRefusalAsHttp(failure: unknown): never {
	const refusal = juryRefusal(failure);
	if (!refusal) throw failure;
	error(refusal.status, refusal.message);
}
