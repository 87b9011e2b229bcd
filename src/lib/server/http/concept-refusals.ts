import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { refusalCode } from '../db/errors';
import { translate } from '../i18n';

/**
 * The concepts' refusals as HTTP (issue 14): every reason code the definer functions of
 * supabase/migrations/20261207000200_concept_functions.sql raise (SQLSTATE TK422 with the
 * code as hint), with its status and words (message `concept_refusal_…`, the code after
 * `concept_`). 404 when the concept or what it names is not the caller's to see, 409 when
 * the record's state forbids it now (deadline passed, a newer save, already submitted),
 * 400 for input that does not stand. A refused call changed nothing.
 */
export const CONCEPT_REFUSALS = {
	concept_unknown: 404,
	concept_not_shortlisted: 403,
	concept_closed: 409,
	concept_conflict: 409,
	concept_bad_input: 400,
	concept_text_too_long: 400,
	concept_budget_item_blank: 400,
	concept_budget_cents_invalid: 400,
	concept_budget_too_long: 400,
	concept_unknown_idea: 400,
	concept_unknown_element: 400,
	concept_link_exists: 409,
	concept_empty: 400,
	concept_incomplete: 400,
	concept_price_missing: 400,
	concept_price_invalid: 400,
	concept_price_not_asked: 400,
	concept_already_submitted: 409,
	concept_not_submitted: 409
} as const satisfies Record<string, 400 | 403 | 404 | 409>;

export type ConceptRefusal = keyof typeof CONCEPT_REFUSALS;

/** Whether `code` is one of the concepts' reason codes. */
export const isConceptRefusal = (code: string): code is ConceptRefusal =>
	Object.hasOwn(CONCEPT_REFUSALS, code);

/** The words of a concept reason code, in the request's language. */
export const conceptRefusalWords = (code: ConceptRefusal) =>
	translate(code.replace(/^concept_/, 'concept_refusal_'));

/** The concept refusal `failure` carries, with its status and words, or null for anything else. */
export function conceptRefusal(failure: unknown): {
	code: ConceptRefusal;
	status: 400 | 403 | 404 | 409;
	message: string;
} | null {
	const code = refusalCode(failure, 'concept_');
	if (code === null || !isConceptRefusal(code)) return null;
	return { code, status: CONCEPT_REFUSALS[code], message: conceptRefusalWords(code) };
}

/** For form actions: a concept refusal as `fail(status, { error: words })`; else rethrown. */
export function conceptFailure(failure: unknown): ActionFailure<{ error: string }> {
	const refusal = conceptRefusal(failure);
	if (!refusal) throw failure;
	return fail(refusal.status, { error: refusal.message });
}

/** For loads and endpoints: a concept refusal as SvelteKit's HttpError; else rethrown. */
export function conceptRefusalAsHttp(failure: unknown): never {
	const refusal = conceptRefusal(failure);
	if (!refusal) throw failure;
	error(refusal.status, refusal.message);
}
