/** SQLSTATE of a unique violation: a row with the same key exists (or is being written). */
export const UNIQUE_VIOLATION = '23505';

/** The constraint of an error with SQLSTATE `code`: postgres.js names it `constraint_name`, PGlite `constraint`. */
function violation(error: unknown, code: string): { constraint: string | null } | null {
	if (typeof error !== 'object' || error === null) return null;
	const e = error as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
	if (e.code !== code) return null;
	const name = e.constraint_name ?? e.constraint;
	return { constraint: typeof name === 'string' ? name : null };
}

/**
 * The constraint a unique violation broke (e.g. `challenges_slug_key`), or null when
 * `error` is not one. Reads both drivers' errors.
 */
export function uniqueViolation(error: unknown): { constraint: string | null } | null {
	return violation(error, UNIQUE_VIOLATION);
}

/** SQLSTATE of a check violation: a row a check constraint refuses. */
const CHECK_VIOLATION = '23514';

/**
 * The constraint a blank-text refusal broke, or null when `error` is not one: a check
 * violation of a constraint named `…_blank`, the database refusing text that shows
 * nothing (private.is_blank) in a column that needs some, e.g. `teams_name_blank`
 * (supabase/migrations/20261216000200_blank_direct_writes.sql).
 */
export function blankViolation(error: unknown): { constraint: string } | null {
	const constraint = violation(error, CHECK_VIOLATION)?.constraint;
	return constraint?.endsWith('_blank') ? { constraint } : null;
}

/**
 * The reason code of a refusal raised by a definer function of the record, or null when
 * `error` is something else: SQLSTATE TK422 (bad input in the database's words) or 42501
 * (not allowed) carrying the code as its hint, e.g. `jury_score_above_max`. Only hints
 * starting with `prefix` count, so one capability's mapping never answers another's.
 */
export function refusalCode(error: unknown, prefix: string): string | null {
	if (typeof error !== 'object' || error === null) return null;
	const e = error as { code?: unknown; hint?: unknown };
	if (e.code !== 'TK422' && e.code !== '42501') return null;
	return typeof e.hint === 'string' && e.hint.startsWith(prefix) ? e.hint : null;
}
