import { isIP } from 'node:net';
import type { Queryable } from './db';

/** What the audit log records (public.audit_log.action; the list lives in its check). */
export type AuditAction =
	| 'sign_in'
	| 'sign_in_failed'
	| 'sign_out'
	| 'password_change'
	| 'email_change'
	| 'second_factor'
	| 'role_change'
	| 'decision'
	| 'data_export'
	| 'account_erasure'
	| 'retention_run'
	| 'audit_purge';

/** One audit entry as a server job writes it. */
export interface AuditEntry {
	action: AuditAction;
	/** What it was about: 'user', 'organisation', 'challenge', 'decision', 'email', … */
	targetKind?: string;
	targetId?: string;
	/** Names and counts only: keys naming a secret (password, token, hash…) are refused. */
	details?: Record<string, unknown>;
	/** Who did it; defaults to the transaction's auth.uid(). */
	actorId?: string;
	/** The client address (limits.ts clientAddress); defaults to the transaction's. */
	address?: string;
}

/**
 * Writes one entry to the audit log through private.record_audit (20261209000100_audit_log.sql)
 * and returns its id. Needs a service transaction (db.service / db.serviceAs): the function
 * is not granted to `authenticated`, so nobody forges an entry through the Data API.
 * Refuses (22023 audit_secret_in_details) details whose keys name a secret.
 */
export async function recordAudit(tx: Queryable, entry: AuditEntry): Promise<number> {
	// An address or network (an IPv6 /64, limits.ts addressKey); anything else is unknown.
	const address =
		entry.address && isIP(entry.address.replace(/\/\d{1,3}$/, '')) ? entry.address : null;
	const [row] = await tx.query<{ id: string }>(
		'select private.record_audit($1, $2, $3, $4::text::jsonb, $5, $6::text::inet) as id',
		[
			entry.action,
			entry.targetKind ?? null,
			entry.targetId ?? null,
			JSON.stringify(entry.details ?? {}),
			entry.actorId ?? null,
			address
		]
	);
	return Number(row.id);
}
