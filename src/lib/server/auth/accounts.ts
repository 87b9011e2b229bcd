import type { Database } from '../db';
import type { Locale } from '$lib/domain/locale';
import { withRedirect } from '$lib/domain/safe-path';
import { enqueueMail } from '../mail/outbox';
import { hashPassword, verifyPassword } from './passwords';
import { consumeEmailToken, issueEmailToken } from './email-tokens';
import { createSession, deleteUserSessions } from './sessions';
import { createSignInChallenge, requiresCode } from './second-factor';
import { disconnectUser } from '../realtime/sessions';

export interface NewAccount {
	email: string;
	password: string;
	displayName: string;
	locale: Locale;
}

export type SignUpResult =
	{ ok: true; userId: string; verifyToken: string } | { ok: false; reason: 'email_taken' };

/** The mailed link that confirms an address; `back` is where the person was going. */
const verifyPath = (token: string, back: string | null = null) =>
	withRedirect(`/auth/verify?token=${token}`, back);

/**
 * Creates the account and enqueues its verification mail (with `back`, where the person
 * was going, in the link). For an address that already has an account nothing is
 * created and the owner is mailed instead ("someone tried to sign up with your
 * address"), so the caller can answer both alike and no one learns who has an account
 * (issue 10 item 20). The result says which happened, for tests and logs only.
 */
export async function signUp(
	db: Database,
	account: NewAccount,
	back: string | null = null
): Promise<SignUpResult> {
	const passwordHash = await hashPassword(account.password);
	return db.service('sign up', async (tx) => {
		const [user] = await tx.query<{ id: string }>(
			`insert into auth.users (email, raw_user_meta_data) values ($1, $2)
			 on conflict (email) do nothing returning id`,
			[account.email, { display_name: account.displayName, locale: account.locale }]
		);
		if (!user) {
			const [owner] = await tx.query<{ id: string }>('select id from auth.users where email = $1', [
				account.email
			]);
			await enqueueMail(tx, 'signup_existing', { userIds: [owner.id] }, {});
			return { ok: false, reason: 'email_taken' } as const;
		}
		await tx.query('insert into local_auth.credentials (user_id, password_hash) values ($1, $2)', [
			user.id,
			passwordHash
		]);
		const verifyToken = await issueEmailToken(tx, user.id, 'verify_email');
		await enqueueMail(
			tx,
			'verify',
			{ email: account.email, name: account.displayName, locale: account.locale },
			{ path: verifyPath(verifyToken, back) }
		);
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
	/** The password was right; the account's second factor is still to come (`challenge` for its cookie). */
	| { ok: false; reason: 'second_factor'; challenge: string; challengeExpiresAt: Date }
	| {
			ok: false;
			reason: 'unverified';
			userId: string;
			email: string;
			displayName: string;
			locale: Locale;
	  };

/**
 * Checks a password. Opens a session, or, for an account with a second factor, a sign-in
 * challenge that waits for its code (`completeSignIn`); `userAgent` is kept with either.
 */
export async function signIn(
	db: Database,
	email: string,
	password: string,
	userAgent: string | null = null
): Promise<SignInResult> {
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
	const opened = await db.service('sign in: session', async (tx) =>
		(await requiresCode(tx, account.id))
			? { second: true as const, ...(await createSignInChallenge(tx, account.id, userAgent)) }
			: { second: false as const, ...(await createSession(tx, account.id, new Date(), userAgent)) }
	);
	if (opened.second) {
		return {
			ok: false,
			reason: 'second_factor',
			challenge: opened.token,
			challengeExpiresAt: opened.expiresAt
		};
	}
	return {
		ok: true,
		userId: account.id,
		locale: account.locale,
		token: opened.token,
		expiresAt: opened.expiresAt
	};
}

/** A new verification token for the account, its mail enqueued; returns the token. */
export function newVerifyToken(db: Database, userId: string): Promise<string> {
	return db.service('resend verification', async (tx) => {
		const token = await issueEmailToken(tx, userId, 'verify_email');
		await enqueueMail(tx, 'verify', { userIds: [userId] }, { path: verifyPath(token) });
		return token;
	});
}

export interface ResetRequest {
	token: string;
	displayName: string;
	locale: Locale;
}

/**
 * Issues a reset token for the account with this email and enqueues its mail in the
 * same transaction; returns the token (for tests), or null when there is no account.
 * The request only writes to the database: the mail goes out from the outbox worker, so
 * a known address no longer takes an SMTP round trip longer than an unknown one
 * (issue 10 item 20).
 */
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
		await enqueueMail(tx, 'reset', { userIds: [user.id] }, { path: `/auth/reset?token=${token}` });
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
