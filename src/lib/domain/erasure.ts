/**
 * Erasing an account (issue 15, GDPR Art. 17): the pure rules. The database does the
 * erasure (private.erase_account, 20261209003100_account_erasure.sql); this module holds
 * what the page and the tests need without I/O.
 */
import { z } from 'zod';

/**
 * Why an account may not be erased now (private.erasure_refusals): the only owner of an
 * organisation that has challenges, or the lead of a team with other members.
 */
export const ERASURE_REFUSALS = ['sole_owner', 'team_lead'] as const;
export type ErasureRefusal = (typeof ERASURE_REFUSALS)[number];

/** A replacement: a whole JSON string equal to `find` becomes `replace`. */
export interface Replacement {
	find: string;
	replace: string;
}

const looksLikeEmail = (s: string) => s.includes('@');

/**
 * De-identifies a JSON value: every string equal to one of the `find`s (case-insensitively
 * when it is an email address) becomes its `replace`; keys, numbers and other strings stay.
 * An empty `find` matches nothing. The first matching replacement wins. The same rule as
 * private.deidentify_json in SQL (a parity test feeds both the same cases).
 */
export function deidentifyJson(value: unknown, replacements: readonly Replacement[]): unknown {
	if (typeof value === 'string') {
		const hit = replacements.find(
			(r) =>
				r.find !== '' &&
				(value === r.find ||
					(looksLikeEmail(r.find) && value.toLowerCase() === r.find.toLowerCase()))
		);
		return hit ? hit.replace : value;
	}
	if (Array.isArray(value)) return value.map((v) => deidentifyJson(v, replacements));
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value).map(([k, v]) => [k, deidentifyJson(v, replacements)])
		);
	return value;
}

/** The confirmation the person types: their own email address (any case, spaces trimmed). */
export const confirmsErasure = (typed: string, email: string) =>
	typed.trim().toLowerCase() === email.trim().toLowerCase() && email.trim() !== '';

/** The erasure form: the typed address, the current password and, with a second factor, a code. */
export const erasureSchema = z.object({
	confirmEmail: z
		.string({ error: 'error_required' })
		.trim()
		.min(1, { error: 'error_required' })
		.max(320),
	currentPassword: z
		.string({ error: 'error_required' })
		.min(1, { error: 'error_required' })
		.max(256),
	code: z.string().trim().max(40, { error: 'error_code_wrong' }).optional().default('')
});

/**
 * When a frozen snapshot (applications.snapshot, final_tenders.snapshot) was changed after
 * submission, or null when it is as submitted: the latest of its de-identification by an
 * erasure (`erasure.deidentifiedAt`, 20261209003100_account_erasure.sql) and its purge by
 * retention (`personalDataPurgedAt`, 20261209004100_retention.sql and
 * 20261210001300_retention_later_stages.sql). The digest on record stays the SHA-256 of
 * the snapshot as submitted, so every page that shows a digest says so when this is set.
 * Marks that are not ISO 8601 times are ignored.
 */
export function snapshotChangedAt(snapshot: unknown): Date | null {
	if (!snapshot || typeof snapshot !== 'object') return null;
	const s = snapshot as { erasure?: { deidentifiedAt?: unknown }; personalDataPurgedAt?: unknown };
	const times = [s.erasure?.deidentifiedAt, s.personalDataPurgedAt]
		.filter((t): t is string => typeof t === 'string')
		.map((t) => new Date(t))
		.filter((d) => !Number.isNaN(d.getTime()));
	return times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : null;
}
