import type { Database } from '../db';
import type { Locale } from '$lib/domain/locale';
import { hashPassword, verifyPassword } from './passwords';
import { consumeEmailToken, issueEmailToken } from './email-tokens';
import { createSession, deleteUserSessions } from './sessions';
import { disconnectUser } from '../realtime/sessions';

export interface NewAccount {
	email: string;
	password: string;
	displayName: string;
	locale: Locale;
}

export type SignUpResult =
	{ ok: true; userId: string; verifyToken: string } | { ok: false; reason: 'email_taken' };

export async function signUp(db: Database, account: NewAccount): Promise<SignUpResult> {
	const passwordHash = await hashPassword(account.password);
	return db.service('sign up', async (tx) => {
		const [user] = await tx.query<{ id: string }>(
			`insert into auth.users (email, raw_user_meta_data) values ($1, $2)
			 on conflict (email) do nothing returning id`,
			[account.email, { display_name: account.displayName, locale: account.locale }]
		);
		if (!user) return { ok: false, reason: 'email_taken' } as const;
		await tx.query('insert into local_auth.credentials (user_id, password_hash) values ($1, $2)', [
			user.id,
			passwordHash
		]);
		const verifyToken = await issueEmailToken(tx, user.id, 'verify_email');
		return { ok: true, userId: user.id, verifyToken } as const;
	});
}

export async function verifyEmail(db: Database, token: string): Promise<boolean> {
	return db.service('verify email', async (tx) => {
		const userId = await consumeEmailToken(tx, token, 'verify_email');
		if (!userId) return false;
		await tx.query(
			'update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()) where id = $1',
			[userId]
		);
		return true;
	});
}

// Verifying against a real hash when the account is unknown keeps the response time
// the same, so timing does not tell which emails have accounts.
let dummyHash: Promise<string> | undefined;

export type SignInResult =
	| { ok: true; userId: string; token: string; expiresAt: Date; locale: Locale }
	| { ok: false; reason: 'invalid' }
	| {
			ok: false;
			reason: 'unverified';
			userId: string;
			email: string;
			displayName: string;
			locale: Locale;
	  };

export async function signIn(db: Database, email: string, password: string): Promise<SignInResult> {
	const [account] = await db.service('sign in: look up', (tx) =>
		tx.query<{
			id: string;
			password_hash: string;
			confirmed: boolean;
			display_name: string;
			locale: Locale;
		}>(
			`select u.id, c.password_hash, u.email_confirmed_at is not null as confirmed,
			        p.display_name, p.locale
			 from auth.users u
			 join local_auth.credentials c on c.user_id = u.id
			 join public.profiles p on p.id = u.id
			 where u.email = $1`,
			[email]
		)
	);
	dummyHash ??= hashPassword('not-a-real-password-at-all');
	const valid = await verifyPassword(account?.password_hash ?? (await dummyHash), password);
	if (!account || !valid) return { ok: false, reason: 'invalid' };
	if (!account.confirmed) {
		return {
			ok: false,
			reason: 'unverified',
			userId: account.id,
			email,
			displayName: account.display_name,
			locale: account.locale
		};
	}
	const session = await db.service('sign in: session', (tx) => createSession(tx, account.id));
	return { ok: true, userId: account.id, locale: account.locale, ...session };
}

export function newVerifyToken(db: Database, userId: string): Promise<string> {
	return db.service('resend verification', (tx) => issueEmailToken(tx, userId, 'verify_email'));
}

export interface ResetRequest {
	token: string;
	displayName: string;
	locale: Locale;
}

/** A reset token for the account with this email, or null when there is none. */
export async function requestPasswordReset(
	db: Database,
	email: string
): Promise<ResetRequest | null> {
	return db.service('request password reset', async (tx) => {
		const [user] = await tx.query<{ id: string; display_name: string; locale: Locale }>(
			`select u.id, p.display_name, p.locale from auth.users u
			 join public.profiles p on p.id = u.id where u.email = $1`,
			[email]
		);
		if (!user) return null;
		const token = await issueEmailToken(tx, user.id, 'reset_password');
		return { token, displayName: user.display_name, locale: user.locale };
	});
}

/**
 * Sets a new password from a mailed token; every existing session of the account ends,
 * and its live sockets close on every instance.
 */
export async function resetPassword(
	db: Database,
	token: string,
	password: string
): Promise<boolean> {
	const passwordHash = await hashPassword(password);
	const reset = await db.service('reset password', async (tx) => {
		const userId = await consumeEmailToken(tx, token, 'reset_password');
		if (!userId) return null;
		await tx.query(
			`insert into local_auth.credentials (user_id, password_hash) values ($1, $2)
			 on conflict (user_id) do update set password_hash = excluded.password_hash, updated_at = now()`,
			[userId, passwordHash]
		);
		// Following the mailed link proves the address, too.
		await tx.query(
			'update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()) where id = $1',
			[userId]
		);
		await deleteUserSessions(tx, userId);
		return userId;
	});
	// Once committed: the account's sockets close on every instance.
	if (reset) disconnectUser(reset, 'session_ended');
	return reset !== null;
}
