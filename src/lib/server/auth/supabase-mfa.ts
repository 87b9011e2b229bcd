import { isAuthApiError, isAuthError, type SupabaseClient } from '@supabase/supabase-js';
import { supabaseFactorState, type SupabaseFactorState } from '$lib/domain/supabase-factors';
import type { Database } from '../db';
import { log } from '../log';
import { notifier } from '../notifier';
import { recordAudit } from '../audit';
import { hit, waiting } from '../http/limits';
import { recordSecondFactor } from './second-factor';

// The TOTP second factor in Supabase mode (issue 15), through Supabase Auth's own MFA API
// (supabase-js auth.mfa, auth-js 2.119): enroll, challengeAndVerify, listFactors,
// unenroll. Supabase Auth keeps the secret and checks the codes; the app counts the wrong
// ones (limit 'secondFactorCode', local mode's numbers) and writes local mode's audit
// entries. `client` is the request's own (auth/supabase.ts supabaseForRequest): what it
// does is as the signed-in person, and a session it upgrades is written to their cookies.

/** The issuer authenticator apps show beside the account, as in local mode. */
export const MFA_ISSUER = 'Talkoot';

/** An enrolment waiting for its first code: what the page shows, kept until verified. */
export interface PendingEnrolment {
	factorId: string;
	/** Base32, as the person types it into the app. */
	secret: string;
	/** The `otpauth://totp/…` address an app opens. */
	uri: string;
}

/**
 * The person's second factor as Supabase Auth lists it (listFactors, unverified ones
 * included), mapped by domain/supabase-factors.ts; null when the Auth server refuses or
 * cannot be reached (the page says so instead of failing).
 */
export async function supabaseSecondFactor(
	client: SupabaseClient
): Promise<SupabaseFactorState | null> {
	try {
		const { data, error } = await client.auth.mfa.listFactors();
		if (error) {
			log.info({ err: error.message, status: error.status }, 'supabase: factors refused');
			return null;
		}
		return supabaseFactorState(data.all);
	} catch (err) {
		log.warn({ err: isAuthError(err) ? err.message : err }, 'supabase: factors failed');
		return null;
	}
}

/**
 * Starts enrolment (mfa.enroll, factorType 'totp'): a new unverified factor whose secret
 * and address are returned to show once. Unverified factors of earlier, unfinished
 * enrolments are removed first (Supabase Auth caps the factors per account). Refuses
 * 'already_on' when a TOTP factor is verified (turn it off, with a code, first), and
 * 'unavailable' when the Auth server refuses or cannot be reached.
 */
export async function startSupabaseEnrolment(
	client: SupabaseClient
): Promise<PendingEnrolment | 'already_on' | 'unavailable'> {
	const state = await supabaseSecondFactor(client);
	if (!state) return 'unavailable';
	if (state.enabled) return 'already_on';
	try {
		for (const factorId of state.unverified) await client.auth.mfa.unenroll({ factorId });
		const { data, error } = await client.auth.mfa.enroll({
			factorType: 'totp',
			issuer: MFA_ISSUER
		});
		if (error) {
			log.info({ err: error.message, status: error.status }, 'supabase: enrol refused');
			return 'unavailable';
		}
		return { factorId: data.id, secret: data.totp.secret, uri: data.totp.uri };
	} catch (err) {
		log.warn({ err: isAuthError(err) ? err.message : err }, 'supabase: enrol failed');
		return 'unavailable';
	}
}

/** How a code given to Supabase Auth went. */
export type SupabaseCodeOutcome =
	| { ok: true }
	| { ok: false; reason: 'wrong' | 'not_found' | 'unavailable' }
	| { ok: false; reason: 'limited'; minutes: number };

const minutesOf = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/**
 * Gives `code` for the factor `factorId` (mfa.challengeAndVerify): right, the client's
 * session becomes aal2 (its cookies rewritten). Refused before asking while the account
 * is over 'secondFactorCode' (10 wrong codes in 15 minutes, as local mode's
 * CODE_FAILURE_LIMIT: 'limited' with the minutes to wait); a wrong or expired code
 * (mfa_verification_failed, mfa_challenge_expired) is counted and 'wrong'; an unknown
 * factor is 'not_found'; Supabase Auth's own rate limit (429) is 'limited'; anything else
 * (the server out of reach, a 5xx) is 'unavailable' and not counted.
 */
export async function giveSupabaseCode(
	db: Database,
	client: SupabaseClient,
	userId: string,
	factorId: string,
	code: string
): Promise<SupabaseCodeOutcome> {
	const wait = await waiting(db, 'secondFactorCode', userId);
	if (wait) return { ok: false, reason: 'limited', minutes: minutesOf(wait) };
	let error: unknown;
	try {
		({ error } = await client.auth.mfa.challengeAndVerify({
			factorId,
			code: code.replace(/\s+/g, '')
		}));
	} catch (err) {
		error = err;
	}
	if (!error) return { ok: true };
	if (isAuthApiError(error)) {
		if (error.code === 'mfa_verification_failed' || error.code === 'mfa_challenge_expired') {
			const over = await hit(db, 'secondFactorCode', userId);
			return over
				? { ok: false, reason: 'limited', minutes: minutesOf(over) }
				: { ok: false, reason: 'wrong' };
		}
		if (error.code === 'mfa_factor_not_found' || error.status === 404)
			return { ok: false, reason: 'not_found' };
		if (error.status === 429) return { ok: false, reason: 'limited', minutes: 1 };
	}
	log.warn({ err: isAuthError(error) ? error.message : error }, 'supabase: code check failed');
	return { ok: false, reason: 'unavailable' };
}

/** Who acts on their own second factor: id, the request's session and address. */
type Person = { id: string; sessionId?: string; address?: string };

/**
 * Verifies a pending enrolment with its first code (giveSupabaseCode): the factor is on,
 * the session aal2, and, as Supabase Auth ends the person's other sessions on a new
 * factor, their other sockets close. Recorded in the audit log as in local mode
 * (second_factor, change 'enrolled'). 'not_found': no such enrolment (expired, or another
 * account's).
 */
export async function confirmSupabaseEnrolment(
	db: Database,
	client: SupabaseClient,
	user: Person,
	factorId: string,
	code: string
): Promise<SupabaseCodeOutcome> {
	const outcome = await giveSupabaseCode(db, client, user.id, factorId, code);
	if (!outcome.ok) return outcome;
	await db.service('second factor: supabase enrolled', (tx) =>
		recordSecondFactor(tx, user, 'enrolled')
	);
	notifier().sessionsEnded(user.id, user.sessionId);
	return outcome;
}

/**
 * Turns the second factor off, given its current code (local mode asks one too): the code
 * makes the session aal2, which Supabase Auth requires to unenroll a verified factor,
 * then the factor (and any unfinished enrolment) is removed and the session refreshed (its token
 * back to aal1). Recorded as in local mode (second_factor, change 'removed').
 * 'not_found' when no factor is on.
 */
export async function turnOffSupabaseFactor(
	db: Database,
	client: SupabaseClient,
	user: Person,
	code: string
): Promise<SupabaseCodeOutcome> {
	const state = await supabaseSecondFactor(client);
	if (!state) return { ok: false, reason: 'unavailable' };
	if (!state.enabled) return { ok: false, reason: 'not_found' };
	const outcome = await giveSupabaseCode(db, client, user.id, state.factorId, code);
	if (!outcome.ok) return outcome;
	for (const factorId of [state.factorId, ...state.unverified]) {
		const { error } = await client.auth.mfa
			.unenroll({ factorId })
			.catch((err: unknown) => ({ error: err as Error }));
		if (error) {
			log.warn({ err: error.message }, 'supabase: unenrol failed');
			return { ok: false, reason: 'unavailable' };
		}
	}
	await client.auth.refreshSession().catch(() => undefined);
	await db.service('second factor: supabase removed', (tx) =>
		recordSecondFactor(tx, user, 'removed')
	);
	return outcome;
}

/**
 * Completes a Supabase sign-in that owes its code (domain/supabase-factors.ts codeOwed):
 * the account's verified factor `factorId` (from getUser(): SupabaseIdentity.factorId) is
 * given `code`; right, the session is aal2. The audit
 * log gets local mode's entries (auth/second-factor.ts completeSignIn): the sign-in
 * (`step: 'second_factor'`, method 'totp') or the failure (`bad_code`, or `locked` while
 * the account must wait), by the account, from `address`.
 */
export async function completeSupabaseSignIn(
	db: Database,
	client: SupabaseClient,
	userId: string,
	factorId: string,
	code: string,
	address?: string
): Promise<SupabaseCodeOutcome> {
	const outcome = await giveSupabaseCode(db, client, userId, factorId, code);
	if (outcome.ok || outcome.reason === 'wrong' || outcome.reason === 'limited')
		await db.service('sign in: supabase code', (tx) =>
			recordAudit(tx, {
				action: outcome.ok ? 'sign_in' : 'sign_in_failed',
				targetKind: 'user',
				targetId: userId,
				actorId: userId,
				details: outcome.ok
					? { step: 'second_factor', complete: true, method: 'totp' }
					: { reason: outcome.reason === 'wrong' ? 'bad_code' : 'locked' },
				address
			})
		);
	return outcome;
}
