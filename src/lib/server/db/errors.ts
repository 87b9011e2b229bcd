/** SQLSTATE of a unique violation: a row with the same key exists (or is being written). */
export const UNIQUE_VIOLATION = '23505';

/**
 * The constraint a unique violation broke (e.g. `challenges_slug_key`), or null when
 * `error` is not one. Reads both drivers' errors: postgres.js names it `constraint_name`,
 * PGlite `constraint`.
 */
export function uniqueViolation(error: unknown): { constraint: string | null } | null {
	if (typeof error !== 'object' || error === null) return null;
	const e = error as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
	if (e.code !== UNIQUE_VIOLATION) return null;
	const name = e.constraint_name ?? e.constraint;
	return { constraint: typeof name === 'string' ? name : null };
}
