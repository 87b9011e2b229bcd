import { z } from 'zod';

/** The audit log's actions (public.audit_log.action's check), in the order a filter lists them. */
export const AUDIT_ACTIONS = [
	'sign_in',
	'sign_in_failed',
	'sign_out',
	'password_change',
	'email_change',
	'second_factor',
	'role_change',
	'decision',
	'data_export',
	'account_erasure',
	'retention_run',
	'audit_purge'
] as const;
export type AuditActionName = (typeof AUDIT_ACTIONS)[number];

/** Entries on one page of /admin/audit. */
export const AUDIT_PAGE_SIZE = 50;

/** An empty field of the GET form is no filter. */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A calendar day as the date input sends it, a real one (no 2026-02-30). */
const day = z.preprocess(
	blank,
	z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'audit_error_day' })
		.refine(
			(s) => {
				const at = new Date(`${s}T00:00:00Z`);
				return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(s);
			},
			{ error: 'audit_error_day' }
		)
		.optional()
);

const text = z.preprocess(
	blank,
	z.string().trim().max(320, { error: 'audit_error_too_long' }).optional()
);

/**
 * The query of /admin/audit (a GET form that works without JavaScript): `action` one of
 * AUDIT_ACTIONS; `actor` part of the actor's email; `target` part of the target's email,
 * name or id (an address tried at a failed sign-in, too); `from`/`to` days in
 * Europe/Helsinki, both included, `from` not after `to`; `before` the id of the last entry
 * of the previous page (keyset paging: older entries). Blank fields are no filter. Errors
 * are message keys (audit_error_…).
 */
export const auditQuerySchema = z
	.object({
		action: z.preprocess(blank, z.enum(AUDIT_ACTIONS, { error: 'audit_error_action' }).optional()),
		actor: text,
		target: text,
		from: day,
		to: day,
		before: z.preprocess(
			blank,
			z
				.string()
				.regex(/^[1-9]\d{0,17}$/, { error: 'audit_error_page' })
				.optional()
		)
	})
	.refine((q) => !q.from || !q.to || q.from <= q.to, {
		error: 'audit_error_range',
		path: ['to']
	});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** The query's fields as the URL carried them (only the known ones, the last of each). */
export function auditQueryInput(params: URLSearchParams): Record<string, string> {
	const out: Record<string, string> = {};
	for (const key of ['action', 'actor', 'target', 'from', 'to', 'before']) {
		const value = params.getAll(key).at(-1);
		if (value !== undefined) out[key] = value;
	}
	return out;
}

/** The link to the next (older) page: the same filters, before the last entry shown. */
export function olderPageSearch(query: AuditQuery, lastId: string): string {
	const params = new URLSearchParams();
	for (const key of ['action', 'actor', 'target', 'from', 'to'] as const) {
		const value = query[key];
		if (value) params.set(key, value);
	}
	params.set('before', lastId);
	return `?${params}`;
}
