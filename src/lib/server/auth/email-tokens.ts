import type { Queryable } from '../db';
import { generateToken, hashToken } from './tokens';

export type EmailTokenPurpose = 'verify_email' | 'reset_password';

/** How long a mailed link works, by purpose. */
export const TTL_MS: Record<EmailTokenPurpose, number> = {
	verify_email: 24 * 3600 * 1000,
	reset_password: 3600 * 1000
};

/** Issues a single-use token for a mailed link; earlier unused ones of the same purpose stop working. */
export async function issueEmailToken(tx: Queryable, userId: string, purpose: EmailTokenPurpose) {
	const token = generateToken();
	await tx.query(
		'delete from local_auth.email_tokens where user_id = $1 and purpose = $2 and used_at is null',
		[userId, purpose]
	);
	await tx.query(
		`insert into local_auth.email_tokens (token_hash, user_id, purpose, expires_at)
		 values ($1, $2, $3, now() + make_interval(secs => $4))`,
		[hashToken(token), userId, purpose, TTL_MS[purpose] / 1000]
	);
	return token;
}

/** Marks the token used and returns its user, or null when unknown, used or expired. */
export async function consumeEmailToken(
	tx: Queryable,
	token: string,
	purpose: EmailTokenPurpose
): Promise<string | null> {
	const [row] = await tx.query<{ user_id: string }>(
		`update local_auth.email_tokens set used_at = now()
		 where token_hash = $1 and purpose = $2 and used_at is null and expires_at > now()
		 returning user_id`,
		[hashToken(token), purpose]
	);
	return row?.user_id ?? null;
}
