import type { Database } from '../db';
import { recordAudit } from '../audit';
import { notifier } from '../notifier';
import { verifyPassword } from './passwords';
import { endOtherSessions } from './sessions';
import { generateToken, hashToken } from './tokens';

/** How long the link to the new address works. */
export const EMAIL_CHANGE_TTL_MS = 24 * 3600 * 1000;

/** The mailed link that confirms a change of address (src/routes/account/email/[token=token]). */
export const emailChangePath = (token: string) => `/account/email/${token}`;

export type EmailChangeRequest =
	{ ok: true; token: string | null } | { ok: false; reason: 'wrong_current' | 'same' };

/**
 * A signed-in person asks to change their address to `newEmail` (canonical, from
 * `emailField`), proving it is them with `currentPassword` (ASVS 2.1.5 alike, as
 * changing the password does). Nothing changes yet: private.request_email_change
 * (supabase/migrations/20261204000200_email_change.sql) keeps the pending change and,
 * in the same transaction, mails the link (valid 24 h, single use) to the new address and
 * a notice to the old one. A taken address gets no link; its owner is told instead, as
 * sign-up does, so the answer (`ok: true`) is the same either way (issue 10 item 20);
 * `token` (null when taken) is for tests only. Refuses `wrong_current` and `same` (the
 * address is already theirs); over the 'emailChange' limit the database raises TK429
 * (catch it with `limitedBy`).
 */
export async function requestEmailChange(
	db: Database,
	user: { id: string },
	newEmail: string,
	currentPassword: string
): Promise<EmailChangeRequest> {
	const [row] = await db.service('email change: look up', (tx) =>
		tx.query<{ password_hash: string }>(
			'select password_hash from local_auth.credentials where user_id = $1',
			[user.id]
		)
	);
	if (!row || !(await verifyPassword(row.password_hash, currentPassword))) {
		return { ok: false, reason: 'wrong_current' };
	}
	const token = generateToken();
	const result = await db.service('email change: request', async (tx) => {
		const [row] = await tx.query<{ outcome: 'same' | 'requested' }>(
			'select private.request_email_change($1, $2, $3, $4, $5) as outcome',
			[user.id, newEmail, hashToken(token), emailChangePath(token), EMAIL_CHANGE_TTL_MS / 1000]
		);
		const [kept] = await tx.query<{ pending: boolean }>(
			'select exists (select 1 from private.email_changes where token_hash = $1) as pending',
			[hashToken(token)]
		);
		return { ...row, ...kept };
	});
	if (result.outcome === 'same') return { ok: false, reason: 'same' };
	return { ok: true, token: result.pending ? token : null };
}

/**
 * What the mailed link `token` stands for, changing nothing (private.email_change_state):
 * the new address while the change waits for its confirmation, else why it cannot be
 * confirmed. The page shows it and asks before `confirmEmailChange`, so a mail scanner
 * that fetches the link confirms nothing.
 */
export async function pendingEmailChange(
	db: Database,
	token: string
): Promise<{ ok: true; email: string } | { ok: false; reason: 'unknown' | 'used' | 'expired' }> {
	const [row] = await db.service('email change: look', (tx) =>
		tx.query<{ state: 'pending' | 'used' | 'expired' | 'unknown'; new_email: string | null }>(
			'select state, new_email from private.email_change_state($1)',
			[hashToken(token)]
		)
	);
	if (row.state === 'pending' && row.new_email) return { ok: true, email: row.new_email };
	return { ok: false, reason: row.state === 'pending' ? 'unknown' : row.state };
}

export type EmailChangeOutcome =
	| { ok: true; userId: string; email: string; endedSessions: string[] }
	| { ok: false; reason: 'unknown' | 'used' | 'expired' | 'taken' };

/**
 * The mailed link's button pressed, signed in or not: confirms the pending change of `token`
 * (private.confirm_email_change): the account's address is the new one (profiles follow
 * by trigger), the token is used up, and every other session of the account ends, its
 * sockets closing once committed, as after a password change. `keepSessionId` (the
 * request's own session) stays when it is the same account's. Refuses an unknown, used
 * or expired token, and an address that got an account since the request (`taken`).
 * The audit log gets the change, by the account, from the client `address`.
 */
export async function confirmEmailChange(
	db: Database,
	token: string,
	keepSessionId?: string,
	address?: string
): Promise<EmailChangeOutcome> {
	const outcome = await db.service('email change: confirm', async (tx) => {
		const [row] = await tx.query<{
			outcome: 'changed' | 'taken' | 'used' | 'expired' | 'unknown';
			user_id: string | null;
			new_email: string | null;
		}>('select outcome, user_id, new_email from private.confirm_email_change($1)', [
			hashToken(token)
		]);
		if (row.outcome !== 'changed' || !row.user_id || !row.new_email) {
			return { ok: false, reason: row.outcome === 'changed' ? 'unknown' : row.outcome } as const;
		}
		const endedSessions = await endOtherSessions(tx, row.user_id, keepSessionId);
		await recordAudit(tx, {
			action: 'email_change',
			targetKind: 'user',
			targetId: row.user_id,
			actorId: row.user_id,
			address
		});
		return { ok: true, userId: row.user_id, email: row.new_email, endedSessions } as const;
	});
	if (outcome.ok) notifier().sessionsEnded(outcome.userId, keepSessionId);
	return outcome;
}
