import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { refusalCode } from '../db/errors';
import { translate } from '../i18n';

/**
 * The production phase's refusals as HTTP (issue 14): every reason code the definer
 * functions of supabase/migrations/20261207000500_bonus.sql raise (SQLSTATE TK422 or
 * 42501 with the code as hint) with its status and words (message `outcome_refusal_…`
 * with the code after its prefix, in fi/sv/en). 403 when the caller may not do it at
 * all, 409 when the record's state forbids it (a confirmed month, a report already
 * reviewed), 400 for input that does not stand. A refused call changed nothing.
 */
export const OUTCOME_REFUSALS = {
	outcome_not_owner: 403,
	outcome_not_partner: 403,
	outcome_unknown: 404,
	outcome_bad_input: 400,
	outcome_name_missing: 400,
	outcome_name_too_long: 400,
	outcome_bonus_invalid: 400,
	outcome_target_invalid: 400,
	outcome_month_not_first_day: 400,
	outcome_month_in_future: 400,
	outcome_count_negative: 400,
	outcome_category_other_challenge: 400,
	outcome_results_above_progressed: 400,
	outcome_comment_missing: 400,
	outcome_comment_too_long: 400,
	outcome_category_in_use: 409,
	outcome_month_confirmed: 409,
	outcome_report_superseded: 409,
	outcome_report_reviewed: 409,
	outcome_locked: 409
} as const satisfies Record<string, 400 | 403 | 404 | 409>;

export type OutcomeRefusal = keyof typeof OUTCOME_REFUSALS;

/**
 * The form field an input refusal is about (the `name` of the owner's dispute form on
 * /manage/challenges/[id]/production): the page shows the words at that field.
 */
const OUTCOME_REFUSAL_FIELDS: Partial<Record<OutcomeRefusal, string>> = {
	outcome_comment_missing: 'comment',
	outcome_comment_too_long: 'comment'
};

/**
 * The production refusal `failure` carries, with its status, words and the field it is
 * about (null when about the whole form); null for anything else.
 */
export function outcomeRefusal(failure: unknown): {
	code: OutcomeRefusal;
	status: 400 | 403 | 404 | 409;
	message: string;
	field: string | null;
} | null {
	const code = refusalCode(failure, 'outcome_');
	if (code === null || !Object.hasOwn(OUTCOME_REFUSALS, code)) return null;
	const known = code as OutcomeRefusal;
	return {
		code: known,
		status: OUTCOME_REFUSALS[known],
		message: translate(known.replace(/^outcome_/, 'outcome_refusal_')),
		field: OUTCOME_REFUSAL_FIELDS[known] ?? null
	};
}

/**
 * For form actions: a production refusal as `fail(status, { error, field })` (`field`
 * the form field it is about, or null); anything else rethrown.
 */
export function outcomeFailure(
	failure: unknown
): ActionFailure<{ error: string; field: string | null }> {
	const refusal = outcomeRefusal(failure);
	if (!refusal) throw failure;
	return fail(refusal.status, { error: refusal.message, field: refusal.field });
}

/** For loads and endpoints: a production refusal as SvelteKit's HttpError; else rethrown. */
export function outcomeRefusalAsHttp(failure: unknown): never {
	const refusal = outcomeRefusal(failure);
	if (!refusal) throw failure;
	error(refusal.status, refusal.message);
}
