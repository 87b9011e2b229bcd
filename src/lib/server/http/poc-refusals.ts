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

/**
 * The form field each input refusal is about (the `name` of the milestone forms on
 * /concepts/[id]/standing and the owner's review on /manage/challenges/[id]/proofs): the
 * page shows the words at that field, where the person corrects it, not above the section.
 */
const POC_REFUSAL_FIELDS: Partial<Record<PocRefusal, string>> = {
	poc_title_missing: 'title',
	poc_title_too_long: 'title',
	poc_due_invalid: 'dueOn',
	poc_evidence_missing: 'evidence',
	poc_evidence_too_long: 'evidence',
	poc_link_invalid: 'links',
	poc_too_many_links: 'links',
	poc_reason_missing: 'reason',
	poc_reason_too_long: 'reason'
};

/** True for the codes POC_REFUSALS knows (milestoneIssue's among them). */
export const isPocRefusal = (code: string): code is PocRefusal => Object.hasOwn(POC_REFUSALS, code);

/**
 * A refusal as the form action's `fail(status, { error: words, field, ...extra })`:
 * `field` is the name of the field it is about, or null for the form as a whole. One
 * answer whether the page's own check (milestoneIssue) or the database refused.
 */
export function pocRefused(
	code: PocRefusal,
	extra: Record<string, unknown> = {}
): ActionFailure<{ error: string; field: string | null } & Record<string, unknown>> {
	return fail(POC_REFUSALS[code], {
		error: translate(code.replace(/^poc_/, 'poc_refusal_')),
		field: POC_REFUSAL_FIELDS[code] ?? null,
		...extra
	});
}

/** The refusal `failure` carries, with its status and words, or null for anything else. */
export function pocRefusal(
	failure: unknown
): { code: PocRefusal; status: 400 | 403 | 404 | 409; message: string } | null {
	const code = refusalCode(failure, 'poc_');
	if (code === null || !isPocRefusal(code)) return null;
	return {
		code,
		status: POC_REFUSALS[code],
		message: translate(code.replace(/^poc_/, 'poc_refusal_'))
	};
}

/**
 * For form actions: a database refusal as pocRefused answers it; anything else is thrown
 * on unchanged. `extra` keeps what the person wrote and where.
 */
export function pocFailure(
	failure: unknown,
	extra: Record<string, unknown> = {}
): ActionFailure<{ error: string; field: string | null } & Record<string, unknown>> {
	const refusal = pocRefusal(failure);
	if (!refusal) throw failure;
	return pocRefused(refusal.code, extra);
}

/** For loads: a refusal as SvelteKit's HttpError; anything else rethrown. */
export function pocRefusalAsHttp(failure: unknown): never {
	const refusal = pocRefusal(failure);
	if (!refusal) throw failure;
	error(refusal.status, refusal.message);
}
