import type { Database, Queryable } from '../db';
import { recordAudit } from '../audit';
import { notifier } from '../notifier';
import { matchTotp, recoveryCodes, recoveryCodeShape, SECRET_BYTES } from '$lib/domain/totp';
import { createSession, endOtherSessions, shortUserAgent } from './sessions';
import { generateToken, hashToken } from './tokens';

/**
 * The TOTP second factor of local accounts (ASVS L2, 2.8): secrets and recovery-code
 * hashes live in local_auth, which only the server's own connection reaches; every
 * function here runs in a `db.service` transaction for the signed-in person's own id.
 */

/** Wrong codes allowed per account within CODE_WINDOW_MS before it has to wait. */
export const CODE_FAILURE_LIMIT = 10;
export const CODE_WINDOW_MS = 15 * 60 * 1000;
/** A sign-in waiting for its code lasts this long and takes this many tries. */
export const CHALLENGE_TTL_MS = 10 * 60 * 1000;
export const CHALLENGE_ATTEMPTS = 5;

export interface SecondFactorStatus {
	/** Confirmed and asked at sign-in. */
	enabled: boolean;
	since: Date | null;
	/** While enrolling: the secret waiting for its first code. */
	pendingSecret: Uint8Array | null;
	recoveryCodesLeft: number;
}

export async function secondFactorStatus(
	tx: Queryable,
	userId: string
): Promise<SecondFactorStatus> {
	const [row] = await tx.query<{ secret: Uint8Array; confirmed_at: Date | null }>(
		'select secret, confirmed_at from local_auth.totp where user_id = $1',
		[userId]
	);
	const [codes] = await tx.query<{ n: number }>(
		'select count(*)::int as n from local_auth.recovery_codes where user_id = $1 and used_at is null',
		[userId]
	);
	return {
		enabled: Boolean(row?.confirmed_at),
		since: row?.confirmed_at ? new Date(row.confirmed_at) : null,
		pendingSecret: row && !row.confirmed_at ? new Uint8Array(row.secret) : null,
		recoveryCodesLeft: row?.confirmed_at ? codes.n : 0
	};
}

/**
 * Starts enrolment: a new random secret waiting for its first code (an earlier unconfirmed
 * one is replaced). Refused (null) when a second factor is already on: it must be turned
 * off, with a code, first.
 */
export async function startEnrolment(tx: Queryable, userId: string): Promise<Uint8Array | null> {
	const secret = crypto.getRandomValues(new Uint8Array(SECRET_BYTES));
	const rows = await tx.query(
		`insert into local_auth.totp (user_id, secret) values ($1, $2)
		 on conflict (user_id) do update set secret = excluded.secret, created_at = now(),
		   last_counter = -1
		 where local_auth.totp.confirmed_at is null
		 returning user_id`,
		[userId, Buffer.from(secret)]
	);
	return rows.length === 1 ? secret : null;
}

/** Minutes until the account may try a code again, or 0 when it may now. */
export async function codeWaitMinutes(tx: Queryable, userId: string, now = new Date()) {
	const [row] = await tx.query<{ n: number; oldest: Date | null }>(
		`select count(*)::int as n, min(at) as oldest from local_auth.code_failures
		 where user_id = $1 and at > $2`,
		[userId, new Date(now.getTime() - CODE_WINDOW_MS)]
	);
	if (row.n < CODE_FAILURE_LIMIT || !row.oldest) return 0;
	const free = new Date(row.oldest).getTime() + CODE_WINDOW_MS;
	return Math.max(1, Math.ceil((free - now.getTime()) / 60_000));
}

async function recordFailure(tx: Queryable, userId: string, now: Date) {
	await tx.query('insert into local_auth.code_failures (user_id, at) values ($1, $2)', [
		userId,
		now
	]);
	// Old failures say nothing any more.
	await tx.query('delete from local_auth.code_failures where user_id = $1 and at < $2', [
		userId,
		new Date(now.getTime() - CODE_WINDOW_MS)
	]);
}

export type CodeOutcome =
	| { ok: true; kind: 'totp' | 'recovery' }
	| { ok: false; reason: 'wrong' }
	| { ok: false; reason: 'limited'; minutes: number };

/**
 * Checks a code of the person's own second factor: a TOTP code of their confirmed (or,
 * with `pending`, unconfirmed) secret, used once (its time step is remembered), or, with
 * `recovery`, one of their unused recovery codes, which is then spent. A wrong code is
 * counted; after CODE_FAILURE_LIMIT wrong codes in CODE_WINDOW_MS every code is refused
 * with the minutes to wait (ASVS 2.2.1), whatever page it came from.
 */
export async function checkCode(
	tx: Queryable,
	userId: string,
	code: string,
	options: { pending?: boolean; recovery?: boolean; now?: Date } = {}
): Promise<CodeOutcome> {
	const now = options.now ?? new Date();
	const minutes = await codeWaitMinutes(tx, userId, now);
	if (minutes) return { ok: false, reason: 'limited', minutes };
	const [row] = await tx.query<{ secret: Uint8Array; last_counter: string | number }>(
		`select secret, last_counter from local_auth.totp
		 where user_id = $1 and (confirmed_at is not null) = $2 for update`,
		[userId, !options.pending]
	);
	if (row) {
		const step = matchTotp(
			new Uint8Array(row.secret),
			code,
			now.getTime(),
			Number(row.last_counter)
		);
		if (step !== null) {
			await tx.query('update local_auth.totp set last_counter = $2 where user_id = $1', [
				userId,
				step
			]);
			return { ok: true, kind: 'totp' };
		}
	}
	const recovery = options.recovery ? recoveryCodeShape(code) : null;
	if (row && recovery) {
		const spent = await tx.query(
			`update local_auth.recovery_codes set used_at = $3
			 where user_id = $1 and code_hash = $2 and used_at is null returning code_hash`,
			[userId, hashToken(recovery), now]
		);
		if (spent.length === 1) return { ok: true, kind: 'recovery' };
	}
	await recordFailure(tx, userId, now);
	return { ok: false, reason: 'wrong' };
}

/** New recovery codes for the person, replacing any earlier ones; only their hashes are kept. */
async function issueRecoveryCodes(tx: Queryable, userId: string): Promise<string[]> {
	const codes = recoveryCodes((bytes) => crypto.getRandomValues(bytes));
	await tx.query('delete from local_auth.recovery_codes where user_id = $1', [userId]);
	for (const code of codes) {
		await tx.query('insert into local_auth.recovery_codes (code_hash, user_id) values ($1, $2)', [
			hashToken(recoveryCodeShape(code)!),
			userId
		]);
	}
	return codes;
}

export type EnrolOutcome =
	| { ok: true; recoveryCodes: string[]; endedSessions: string[] }
	| { ok: false; reason: 'wrong' | 'not_started' }
	| { ok: false; reason: 'limited'; minutes: number };

/**
 * Confirms enrolment with the first code from the app: the second factor is on from now,
 * recovery codes are issued (returned once, to be shown once) and the person's other
 * sessions end, as they were opened without it. `keepSessionId`: the request's session.
 */
export async function confirmEnrolment(
	tx: Queryable,
	userId: string,
	code: string,
	keepSessionId: string | undefined,
	now = new Date()
): Promise<EnrolOutcome> {
	const [pending] = await tx.query(
		'select 1 from local_auth.totp where user_id = $1 and confirmed_at is null',
		[userId]
	);
	if (!pending) return { ok: false, reason: 'not_started' };
	const checked = await checkCode(tx, userId, code, { pending: true, now });
	if (!checked.ok) return checked;
	await tx.query('update local_auth.totp set confirmed_at = $2 where user_id = $1', [userId, now]);
	const codes = await issueRecoveryCodes(tx, userId);
	const endedSessions = await endOtherSessions(tx, userId, keepSessionId);
	// The session that enrolled has just given a code: it is aal2 from now (as Supabase's
	// verify of a new factor upgrades the session); the others ended above.
	await tx.query(`update local_auth.sessions set aal = 'aal2' where id = $1 and user_id = $2`, [
		keepSessionId ?? '',
		userId
	]);
	return { ok: true, recoveryCodes: codes, endedSessions };
}

/** The audit entry of a second factor turned on or off by its owner (either mode). */
export const recordSecondFactor = (
	tx: Queryable,
	user: { id: string; address?: string },
	change: 'enrolled' | 'removed'
) =>
	recordAudit(tx, {
		action: 'second_factor',
		targetKind: 'user',
		targetId: user.id,
		actorId: user.id,
		details: { change },
		address: user.address
	});

/**
 * `confirmEnrolment` for the signed-in person, in its own transaction, recorded in the
 * audit log (from `user.address`); once committed, the sockets of their other sessions
 * close (the notifier), as those sessions did.
 */
export async function confirmSecondFactor(
	db: Database,
	user: { id: string; sessionId?: string; address?: string },
	code: string
): Promise<EnrolOutcome> {
	const result = await db.service('second factor: confirm', async (tx) => {
		const outcome = await confirmEnrolment(tx, user.id, code, user.sessionId);
		if (outcome.ok) await recordSecondFactor(tx, user, 'enrolled');
		return outcome;
	});
	if (result.ok) notifier().sessionsEnded(user.id, user.sessionId);
	return result;
}

export type DisableOutcome =
	| { ok: true }
	| { ok: false; reason: 'wrong' | 'not_enabled' }
	| {
			ok: false;
			reason: 'limited';
			minutes: number;
	  };

/**
 * Turns the second factor off, given a current code (or a recovery code): its secret and
 * recovery codes are deleted. A platform admin is then asked to enrol again before /admin.
 */
export async function disableSecondFactor(
	tx: Queryable,
	userId: string,
	code: string,
	now = new Date()
): Promise<DisableOutcome> {
	const status = await secondFactorStatus(tx, userId);
	if (!status.enabled) return { ok: false, reason: 'not_enabled' };
	const checked = await checkCode(tx, userId, code, { recovery: true, now });
	if (!checked.ok) return checked;
	await tx.query('delete from local_auth.totp where user_id = $1', [userId]);
	await tx.query('delete from local_auth.recovery_codes where user_id = $1', [userId]);
	// Without a second factor no session of the account stays at aal2.
	await tx.query(`update local_auth.sessions set aal = 'aal1' where user_id = $1`, [userId]);
	return { ok: true };
}

/**
 * `disableSecondFactor` for the signed-in person, in its own transaction, recorded in the
 * audit log (from `user.address`) when it was turned off.
 */
export function turnOffSecondFactor(
	db: Database,
	user: { id: string; address?: string },
	code: string
): Promise<DisableOutcome> {
	return db.service('second factor: turn off', async (tx) => {
		const outcome = await disableSecondFactor(tx, user.id, code);
		if (outcome.ok) await recordSecondFactor(tx, user, 'removed');
		return outcome;
	});
}

/** Whether sign-in must ask this account for a code after the password. */
export async function requiresCode(tx: Queryable, userId: string): Promise<boolean> {
	const [row] = await tx.query(
		'select 1 from local_auth.totp where user_id = $1 and confirmed_at is not null',
		[userId]
	);
	return Boolean(row);
}

/**
 * After a correct password of an account with a second factor: a short-lived sign-in
 * waiting for its code. Returns the token for its cookie; only the hash is stored.
 */
export async function createSignInChallenge(
	tx: Queryable,
	userId: string,
	userAgent: string | null,
	now = new Date()
) {
	const token = generateToken();
	const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
	await tx.query('delete from local_auth.sign_in_challenges where expires_at < $1', [now]);
	await tx.query(
		`insert into local_auth.sign_in_challenges (token_hash, user_id, user_agent, created_at, expires_at)
		 values ($1, $2, $3, $4, $5)`,
		[hashToken(token), userId, shortUserAgent(userAgent), now, expiresAt]
	);
	return { token, expiresAt };
}

/** Whether a sign-in challenge token is still waiting for its code. */
export async function challengeAlive(tx: Queryable, token: string, now = new Date()) {
	const [row] = await tx.query(
		`select 1 from local_auth.sign_in_challenges
		 where token_hash = $1 and expires_at > $2 and attempts < $3`,
		[hashToken(token), now, CHALLENGE_ATTEMPTS]
	);
	return Boolean(row);
}

export type ChallengeOutcome =
	| { ok: true; userId: string; token: string; expiresAt: Date; locale: 'fi' | 'sv' | 'en' }
	| { ok: false; reason: 'expired' | 'wrong' }
	| { ok: false; reason: 'limited'; minutes: number };

/**
 * Finishes a sign-in with its code (TOTP or recovery): a right code ends the challenge and
 * opens a session. A wrong one counts against the challenge (CHALLENGE_ATTEMPTS, then the
 * password is asked again) and against the account (`checkCode`). 'expired': no such
 * challenge, or out of time or tries. The audit log gets the sign-in (`step:
 * 'second_factor'`, with the kind of code) or the failure (`bad_code`, or `locked` when
 * the account must wait), by the account, from the client `address`.
 */
export async function completeSignIn(
	tx: Queryable,
	challengeToken: string,
	code: string,
	now = new Date(),
	address?: string
): Promise<ChallengeOutcome> {
	const [challenge] = await tx.query<{
		user_id: string;
		user_agent: string | null;
		locale: 'fi' | 'sv' | 'en';
	}>(
		`select c.user_id, c.user_agent, p.locale from local_auth.sign_in_challenges c
		 join public.profiles p on p.id = c.user_id
		 where c.token_hash = $1 and c.expires_at > $2 and c.attempts < $3 for update of c`,
		[hashToken(challengeToken), now, CHALLENGE_ATTEMPTS]
	);
	if (!challenge) return { ok: false, reason: 'expired' };
	const checked = await checkCode(tx, challenge.user_id, code, { recovery: true, now });
	await recordAudit(tx, {
		action: checked.ok ? 'sign_in' : 'sign_in_failed',
		targetKind: 'user',
		targetId: challenge.user_id,
		actorId: challenge.user_id,
		details: checked.ok
			? { step: 'second_factor', complete: true, method: checked.kind }
			: { reason: checked.reason === 'wrong' ? 'bad_code' : 'locked' },
		address
	});
	if (!checked.ok) {
		if (checked.reason === 'wrong') {
			await tx.query(
				'update local_auth.sign_in_challenges set attempts = attempts + 1 where token_hash = $1',
				[hashToken(challengeToken)]
			);
		}
		return checked;
	}
	await tx.query('delete from local_auth.sign_in_challenges where token_hash = $1', [
		hashToken(challengeToken)
	]);
	const session = await createSession(tx, challenge.user_id, now, challenge.user_agent, 'aal2');
	return { ok: true, userId: challenge.user_id, locale: challenge.locale, ...session };
}

/**
 * The demo seed's platform admin gets a confirmed second factor with a known secret (so
 * the demo and the end-to-end tests can sign in); never used outside the demo seed.
 */
export async function enrolWithSecret(tx: Queryable, userId: string, secret: Uint8Array) {
	await tx.query(
		`insert into local_auth.totp (user_id, secret, confirmed_at) values ($1, $2, now())
		 on conflict (user_id) do update set secret = excluded.secret, confirmed_at = now(),
		   last_counter = -1`,
		[userId, Buffer.from(secret)]
	);
}
