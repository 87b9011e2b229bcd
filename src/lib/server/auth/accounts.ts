import type { Database } from '../db';
import type { Locale } from '$lib/domain/locale';
import { withRedirect } from '$lib/domain/safe-path';
import { enqueueMail } from '../mail/outbox';
import { hashPassword, verifyPassword } from './passwords';
import { consumeEmailToken, issueEmailToken, TTL_MS } from './email-tokens';
import { generateToken, hashToken } from './tokens';
import { createSession, deleteUserSessions } from './sessions';
import { createSignInChallenge, requiresCode } from './second-factor';
import { notifier } from '../notifier';
import { recordAudit } from '../audit';

export interface NewAccount {
	email: string;
	password: string;
	displayName: string;
	locale: Locale;
}

export type SignUpResult = (
	{ ok: true; userId: string; verifyToken: string } | { ok: false; reason: 'email_taken' }
) & {
	/**
	 * For the signing-up browser's cookie (either way, so the answer tells nothing): its
	 * SHA-256 is kept with the verification token, so opening the mailed link in this
	 * browser signs the person in (`openVerificationLink`).
	 */
	browserNonce: string;
};

/** The mailed link that confirms an address; `back` is where the person was going. */
const verifyPath = (token: string, back: string | null = null) =>
	withRedirect(`/auth/verify?token=${token}`, back);

/**
 * Creates the account and enqueues its verification mail (with `back`, where the person
 * was going, in the link). For an address that already has an account nothing is
 * created and the owner is mailed instead ("someone tried to sign up with your
 * address"), so the caller can answer both alike and no one learns who has an account
 * (issue 10 item 20). Both cases cost the same: the password is hashed first either way,
 * and one statement (SIGN_UP) does the rest in both, so the response time does not tell
 * either. The result says which happened, for tests and logs only; `browserNonce` is
 * for the caller to keep in the browser that signed up (see `openVerificationLink`).
 */
export async function signUp(
	db: Database,
	account: NewAccount,
	back: string | null = null
): Promise<SignUpResult> {
	const passwordHash = await hashPassword(account.password);
	const verifyToken = generateToken();
	const browserNonce = generateToken();
	const [row] = await db.service('sign up', (tx) =>
		tx.query<{ created: string | null }>(SIGN_UP, [
			account.email,
			{ display_name: account.displayName, locale: account.locale },
			passwordHash,
			hashToken(verifyToken),
			TTL_MS.verify_email / 1000,
			account.displayName,
			account.locale,
			{ path: verifyPath(verifyToken, back) },
			hashToken(browserNonce)
		])
	);
	return row.created
		? { ok: true, userId: row.created, verifyToken, browserNonce }
		: { ok: false, reason: 'email_taken', browserNonce };
}

// One statement for a new address and a taken one: a new account gets its user (the
// profile follows by trigger), credentials, verification token and mail; a taken one
// mails its owner. Foreign keys are checked at the end of the statement.
const SIGN_UP = `
	with created as (
		insert into auth.users (email, raw_user_meta_data) values ($1, $2)
		on conflict (email) do nothing returning id
	), credentials as (
		insert into local_auth.credentials (user_id, password_hash) select id, $3 from created
	), token as (
		insert into local_auth.email_tokens (token_hash, user_id, purpose, expires_at, browser_hash)
		select $4, id, 'verify_email', now() + make_interval(secs => $5), $9 from created
	)
	select (select id from created) as created,
	       case when exists (select 1 from created)
	            then private.enqueue_mail_to_address('verify', $1, $6, $7, $8)
	            else private.enqueue_mail('signup_existing',
	                   array(select id from auth.users where email = $1), '{}')
	       end as mailed`;

/** Confirms the address of a verification token; false when unknown, used or expired. */
export async function verifyEmail(db: Database, token: string): Promise<boolean> {
	return (await openVerificationLink(db, token, null)).verified;
}

export type VerificationOutcome =
	| { verified: false }
	| { verified: true; session: null }
	| { verified: true; session: { token: string; expiresAt: Date; locale: Locale } };

/**
 * The mailed verification link opened in a browser. An unused, unexpired token confirms
 * the address (single use). When `browserNonce` (the sign-up cookie) hashes to what the
 * token keeps, this is the browser that signed up, and a session is opened as well: the
 * mail proves the address, the cookie proves the person at this browser is the one who
 * chose the password. That works once per token (the binding is cleared), also after a
 * mail scanner opened the link first, as long as the token has not expired. Any other
 * browser only verifies; an account with a second factor is never signed in this way.
 * Returns `{ verified: false }` for an unknown or expired token, or a used one opened
 * without its browser. A session opened so is a sign-in in the audit log (`step:
 * 'email_link'`), from the client `address`.
 */
export async function openVerificationLink(
	db: Database,
	token: string,
	browserNonce: string | null,
	userAgent: string | null = null,
	address: string | null = null
): Promise<VerificationOutcome> {
	return db.service('verify email', async (tx) => {
		const [row] = await tx.query<{ user_id: string; fresh: boolean; bound: boolean }>(
			`select user_id, used_at is null as fresh, coalesce(browser_hash = $2, false) as bound
			 from local_auth.email_tokens
			 where token_hash = $1 and purpose = 'verify_email' and expires_at > now()
			 for update`,
			[hashToken(token), browserNonce ? hashToken(browserNonce) : null]
		);
		if (!row || (!row.fresh && !row.bound)) return { verified: false } as const;
		// Used now; the browser binding, once used, is gone.
		await tx.query(
			`update local_auth.email_tokens
			 set used_at = coalesce(used_at, now()), browser_hash = case when $2::boolean then null else browser_hash end
			 where token_hash = $1`,
			[hashToken(token), row.bound]
		);
		await tx.query(
			'update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()) where id = $1',
			[row.user_id]
		);
		if (!row.bound || (await requiresCode(tx, row.user_id))) {
			return row.fresh
				? ({ verified: true, session: null } as const)
				: ({ verified: false } as const);
		}
		const [profile] = await tx.query<{ locale: Locale }>(
			'select locale from public.profiles where id = $1',
			[row.user_id]
		);
		const session = await createSession(tx, row.user_id, new Date(), userAgent);
		await recordAudit(tx, {
			action: 'sign_in',
			targetKind: 'user',
			targetId: row.user_id,
			actorId: row.user_id,
			details: { step: 'email_link', complete: true },
			address: address ?? undefined
		});
		return {
			verified: true,
			session: { token: session.token, expiresAt: session.expiresAt, locale: profile.locale }
		} as const;
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

/** Why a sign-in failed, as the audit log says it (never the password typed). */
export type SignInFailure =
	'wrong_password' | 'unknown_account' | 'unverified' | 'locked' | 'bad_code';

/**
 * Records a failed sign-in in the audit log (issue 15): the address tried as its target,
 * the reason, the client `address`; no actor, since who tried is not known. Its own short
 * service transaction. A refusal by the sign-in limit ('locked') is recorded by the route
 * that refused it.
 */
export async function recordFailedSignIn(
	db: Database,
	email: string,
	reason: SignInFailure,
	address: string | null = null
): Promise<void> {
	await db.service('sign in: audit failure', (tx) =>
		recordAudit(tx, {
			action: 'sign_in_failed',
			targetKind: 'email',
			targetId: email.slice(0, 320),
			details: { reason },
			address: address ?? undefined
		})
	);
}

/**
 * Checks a password. Opens a session, or, for an account with a second factor, a sign-in
 * challenge that waits for its code (`completeSignIn`); `userAgent` is kept with either.
 * The audit log gets the outcome with the client `address` (limits.ts clientAddress): a
 * failure with its reason, or a sign-in (`step: 'password'`, `complete` false while the
 * code is still to come) in the transaction that opens the session or challenge.
 */
export async function signIn(
	db: Database,
	email: string,
	password: string,
	userAgent: string | null = null,
	address: string | null = null
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
	if (!account || !valid) {
		await recordFailedSignIn(db, email, account ? 'wrong_password' : 'unknown_account', address);
		return { ok: false, reason: 'invalid' };
	}
	if (!account.confirmed) {
		await recordFailedSignIn(db, email, 'unverified', address);
		return {
			ok: false,
			reason: 'unverified',
			userId: account.id,
			email,
			displayName: account.display_name,
			locale: account.locale
		};
	}
	const opened = await db.service('sign in: session', async (tx) => {
		const second = await requiresCode(tx, account.id);
		await recordAudit(tx, {
			action: 'sign_in',
			targetKind: 'user',
			targetId: account.id,
			actorId: account.id,
			details: { step: 'password', complete: !second },
			address: address ?? undefined
		});
		return second
			? { second: true as const, ...(await createSignInChallenge(tx, account.id, userAgent)) }
			: { second: false as const, ...(await createSession(tx, account.id, new Date(), userAgent)) };
	});
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

/**
 * Records a password-reset request for the address and returns nothing: whether the
 * address has an account is decided later, off the request, by the mail worker
 * (reset-requests.ts), which issues the token and enqueues the mail only for a known
 * address. So a known and an unknown address cost the same here (issue 10 item 20): one
 * insert of the typed address either way. tests/integration/account-timing.test.ts checks
 * that both send the same statements and take the same median time.
 */
export async function requestPasswordReset(db: Database, email: string): Promise<void> {
	await db.service('request password reset', (tx) => tx.query(REQUEST_RESET, [email]));
}

// On Postgres a transaction that wrote waits at commit for its WAL to reach the disk;
// this one commits without waiting (synchronous_commit off, for it alone): a crash in the
// next fraction of a second may lose the request, and the person asks again.
const REQUEST_RESET = `
	with requested as (insert into local_auth.reset_requests (email) values ($1))
	select set_config('synchronous_commit', 'off', true) as unflushed`;

/**
 * Sets a new password from a mailed token; every existing session of the account ends,
 * and its live sockets close on every instance. The audit log gets a password change
 * (`via: 'reset_link'`) from the client `address`.
 */
export async function resetPassword(
	db: Database,
	token: string,
	password: string,
	address: string | null = null
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
		await recordAudit(tx, {
			action: 'password_change',
			targetKind: 'user',
			targetId: userId,
			actorId: userId,
			details: { via: 'reset_link' },
			address: address ?? undefined
		});
		return userId;
	});
	// Once committed: the account's sockets close on every instance.
	if (reset) notifier().sessionsEnded(reset);
	return reset !== null;
}
