import type { Database } from '../db';
import { recordAudit } from '../audit';
import { notifier } from '../notifier';
import { hashPassword, isCommonPassword, verifyPassword } from './passwords';
import { endOtherSessions } from './sessions';

export type PasswordChangeOutcome =
	| { ok: true; endedSessions: string[] }
	| { ok: false; reason: 'wrong_current' | 'common' | 'same' };

/**
 * A signed-in person changes their password (ASVS 2.1.5, 3.3.3): the current one must be
 * given, the new one must pass the same strength check as sign-up (zxcvbn score 3 or more,
 * knowing their email and name) and differ from the current one. Every other session of
 * theirs ends, and their sockets close once committed; `sessionId` (the request's
 * session) stays; the audit log gets the change from `user.address`. Returns the ended
 * sessions' ids.
 */
export async function changePassword(
	db: Database,
	user: { id: string; email: string; displayName: string; sessionId?: string; address?: string },
	current: string,
	next: string
): Promise<PasswordChangeOutcome> {
	const [row] = await db.service('password change: look up', (tx) =>
		tx.query<{ password_hash: string }>(
			'select password_hash from local_auth.credentials where user_id = $1',
			[user.id]
		)
	);
	if (!row || !(await verifyPassword(row.password_hash, current))) {
		return { ok: false, reason: 'wrong_current' };
	}
	if (current === next) return { ok: false, reason: 'same' };
	if (isCommonPassword(next, [user.email, user.displayName]))
		return { ok: false, reason: 'common' };
	const passwordHash = await hashPassword(next);
	const endedSessions = await db.service('password change', async (tx) => {
		await tx.query(
			'update local_auth.credentials set password_hash = $2, updated_at = now() where user_id = $1',
			[user.id, passwordHash]
		);
		await recordAudit(tx, {
			action: 'password_change',
			targetKind: 'user',
			targetId: user.id,
			actorId: user.id,
			details: { via: 'account' },
			address: user.address
		});
		return endOtherSessions(tx, user.id, user.sessionId);
	});
	notifier().sessionsEnded(user.id, user.sessionId);
	return { ok: true, endedSessions };
}
