import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { refusalCode } from '../db/errors';
import { translate } from '../i18n';

/**
 * The proofs of concept's refusals as HTTP (issue 14): every reason code the definer
 * functions of supabase/migrations/20261207000400_proofs_of_concept.sql and
 * 20261208000200_poc_evidence_files.sql raise (SQLSTATE
 * TK422 or 42501 with the code as hint) with its status and words (message
 * `poc_refusal_…`, the code after its prefix). 403 when the caller may not do it at all,
 * 404 for what does not exist (or is not theirs to see), 409 when the record's state
 * forbids it now, 400 for input that does not stand. A refused call changed nothing.
 */
export const POC_REFUSALS = {
	poc_not_allowed: 403,
	poc_not_partner: 403,
	poc_not_owner: 403,
	poc_unknown: 404,
	poc_not_partner_concept: 409,
	poc_closed: 409,
	poc_accepted: 409,
	poc_bad_step: 409,
	poc_record_locked: 409,
	poc_too_many_milestones: 400,
	poc_file_invalid: 400,
	poc_too_many_files: 400,
	poc_title_missing: 400,
	poc_title_too_long: 400,
	poc_due_invalid: 400,
	poc_evidence_missing: 400,
	poc_evidence_too_long: 400,
	poc_link_invalid: 400,
	poc_too_many_links: 400,
	poc_reason_missing: 400,
	poc_reason_too_long: 400
} as const satisfies Record<string, 400 | 403 | 404 | 409>;

export type PocRefusal = keyof typeof POC_REFUSALS;

/** The refusal `failure` carries, with its status and words, or null for anything else. */
export function pocRefusal(
	failure: unknown
): { code: PocRefusal; status: 400 | 403 | 404 | 409; message: string } | null {
	const code = refusalCode(failure, 'poc_');
	if (code === null || !Object.hasOwn(POC_REFUSALS, code)) return null;
	const known = code as PocRefusal;
	return {
		code: known,
		status: POC_REFUSALS[known],
		message: translate(known.replace(/^poc_/, 'poc_refusal_'))
	};
}

/**
 * For form actions: a refusal as `fail(status, { error: words, ...extra })`; anything
 * else is thrown on unchanged. `extra` keeps what the person wrote and where.
 */
export function pocFailure(
	failure: unknown,
	extra: Record<string, unknown> = {}
): ActionFailure<{ error: string } & Record<string, unknown>> {
	const refusal = pocRefusal(failure);
	if (!refusal) throw failure;
	return fail(refusal.status, { error: refusal.message, ...extra });
}

/** For loads: a refusal as SvelteKit's HttpError; anything else rethrown. */
export function pocRefusalAsHttp(failure: unknown): never {
	const refusal = pocRefusal(failure);
	if (!refusal) throw failure;
	error(refusal.status, refusal.message);
}
