import { error, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { isAuthApiError, isAuthError } from '@supabase/supabase-js';
import { z } from 'zod';
import { config } from '../config';
import { log } from '../log';
import { supabaseForRequest, supabasePasswordProves, verifiedIdentity } from '../auth/supabase';
import {
	completeSupabaseSignIn,
	confirmSupabaseEnrolment,
	startSupabaseEnrolment,
	supabaseSecondFactor,
	turnOffSupabaseFactor,
	type PendingEnrolment
} from '../auth/supabase-mfa';
import type { SessionUser } from '../auth/sessions';
import { cookieJar } from './auth';
import { secureContext } from './cookies';
import { clientAddress, hit, refusal, type Refusal } from './limits';

// The account's security in Supabase mode (issue 15): the second factor (Supabase Auth's
// MFA, auth/supabase-mfa.ts) and the change of address (updateUser, confirmed by Supabase
// Auth's own mail). Local mode never comes here (404).

function supabaseOf() {
	if (!config.supabase) error(404, 'Not found');
	return config.supabase;
}

const clientFor = (event: Pick<RequestEvent, 'cookies' | 'url'>) =>
	supabaseForRequest(supabaseOf(), cookieJar(event.cookies, event.url));

/** The pending enrolment's cookie: only the security page reads it, for 15 minutes. */
const ENROL_COOKIE = 'talkoot_mfa_enrol';
const ENROL_PATH = '/account/security';
const ENROL_SECONDS = 15 * 60;

const pendingSchema = z.object({
	factorId: z.uuid(),
	secret: z.string().regex(/^[A-Z2-7]{16,128}$/),
	uri: z.string().startsWith('otpauth://totp/').max(1000)
});

/**
 * Keeps an enrolment's secret between the page that shows it and the code that verifies
 * it: Supabase Auth gives the secret once (enroll) and never lists it again. An httpOnly
 * cookie of the security page only, for 15 minutes; the person's own secret, never logged.
 */
function keepPending(cookies: Cookies, url: URL, pending: PendingEnrolment) {
	cookies.set(ENROL_COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
		path: ENROL_PATH,
		httpOnly: true,
		sameSite: 'strict',
		secure: secureContext(url),
		maxAge: ENROL_SECONDS
	});
}

function dropPending(cookies: Cookies, url: URL) {
	cookies.delete(ENROL_COOKIE, { path: ENROL_PATH, secure: secureContext(url) });
}

/** The pending enrolment in the cookie, or null when none or malformed. */
function readPending(cookies: Cookies): PendingEnrolment | null {
	const raw = cookies.get(ENROL_COOKIE);
	if (!raw) return null;
	try {
		const parsed = pendingSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString()));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

/** The security page's second factor in Supabase mode. */
export interface SupabaseSecurity {
	/** Null when the Auth server could not say. */
	enabled: boolean | null;
	/** When it was turned on (ISO 8601). */
	since: string | null;
	/** While enrolling: the secret and address to show. */
	pending: { secret: string; uri: string } | null;
}

/**
 * What /account/security shows of the second factor in Supabase mode: on or off (from
 * listFactors) and, while an enrolment waits for its code, its secret, only if that
 * factor is still the account's unverified one (a stale cookie shows nothing).
 */
export async function supabaseSecurity(
	event: Pick<RequestEvent, 'cookies' | 'url'>
): Promise<SupabaseSecurity> {
	const state = await supabaseSecondFactor(clientFor(event));
	const pending = readPending(event.cookies);
	const waiting = pending && state && !state.enabled && state.unverified.includes(pending.factorId);
	return {
		enabled: state ? state.enabled : null,
		since: state?.enabled ? state.since : null,
		pending: waiting ? { secret: pending.secret, uri: pending.uri } : null
	};
}

/** Starts enrolment: the secret is kept for the page (keepPending), or why not. */
export async function supabaseTotpStart(
	event: Pick<RequestEvent, 'cookies' | 'url'>
): Promise<'started' | 'already_on' | 'unavailable'> {
	const started = await startSupabaseEnrolment(clientFor(event));
	if (typeof started === 'string') return started;
	keepPending(event.cookies, event.url, started);
	return 'started';
}

/** Verifies the pending enrolment with its first code; 'not_found' without one. */
export async function supabaseTotpConfirm(
	event: Pick<RequestEvent, 'cookies' | 'url' | 'locals'>,
	user: SessionUser,
	code: string
) {
	const pending = readPending(event.cookies);
	if (!pending) return { ok: false, reason: 'not_found' } as const;
	const result = await confirmSupabaseEnrolment(
		event.locals.db,
		clientFor(event),
		user,
		pending.factorId,
		code
	);
	if (result.ok || result.reason === 'not_found') dropPending(event.cookies, event.url);
	return result;
}

/** Turns the second factor off with its current code. */
export function supabaseTotpDisable(
	event: Pick<RequestEvent, 'cookies' | 'url' | 'locals'>,
	user: SessionUser,
	code: string
) {
	return turnOffSupabaseFactor(event.locals.db, clientFor(event), user, code);
}

/** Who owes a sign-in's code, and for which factor. */
export interface CodeOwed {
	userId: string;
	factorId: string;
}

/**
 * The person whose Supabase session still owes its second factor's code (aal1 with a
 * verified factor, by the Auth server's getUser()), or null (no session, or nothing
 * owed): the code page's gate.
 */
export async function supabaseCodeOwedBy(
	event: Pick<RequestEvent, 'cookies' | 'url'>
): Promise<CodeOwed | null> {
	const identity = await verifiedIdentity(clientFor(event));
	return identity?.codeOwed && identity.factorId
		? { userId: identity.id, factorId: identity.factorId }
		: null;
}

/** The code page's action in Supabase mode: the code completes the sign-in (aal2). */
export function supabaseSignInCode(event: RequestEvent, owed: CodeOwed, code: string) {
	return completeSupabaseSignIn(
		event.locals.db,
		clientFor(event),
		owed.userId,
		owed.factorId,
		code,
		clientAddress(event)
	);
}

/** How a change of address asked of Supabase Auth went. */
export type SupabaseEmailChange =
	| { ok: true }
	| { ok: false; reason: 'wrong_current' | 'same' | 'unavailable' }
	| { ok: false; reason: 'limited'; refusal: Refusal };

/**
 * Asks Supabase Auth to change the person's address (updateUser({ email })), with local
 * mode's rules (auth/email-change.ts): the current password proves it is them (checked
 * first: 'wrong_current'), the new address must differ ('same'), and at most
 * 'emailChange' requests an hour per person ('limited'). Supabase Auth then mails its
 * confirmation links (to both addresses with double_confirm_changes) that come back to
 * /auth/callback; nothing changes until then, when auth.users.email changes and the
 * profile and audit log follow by trigger (20261210002100_supabase_mfa_email.sql). An
 * address another account has is answered as success (no one learns who has an account).
 */
export async function supabaseEmailChange(
	event: RequestEvent,
	user: SessionUser,
	newEmail: string,
	currentPassword: string
): Promise<SupabaseEmailChange> {
	const supabase = supabaseOf();
	if (!(await supabasePasswordProves(supabase, user, currentPassword)))
		return { ok: false, reason: 'wrong_current' };
	if (newEmail === user.email.toLowerCase()) return { ok: false, reason: 'same' };
	const ms = await hit(event.locals.db, 'emailChange', user.id);
	if (ms) return { ok: false, reason: 'limited', refusal: refusal(event, 'emailChange', ms) };
	const back = `${config.ORIGIN}/auth/callback?next=${encodeURIComponent('/account/security?notice=email-confirmed#email')}`;
	try {
		const { error: refused } = await clientFor(event).auth.updateUser(
			{ email: newEmail },
			{ emailRedirectTo: back }
		);
		if (!refused || (isAuthApiError(refused) && refused.code === 'email_exists'))
			return { ok: true };
		log.info({ err: refused.message, status: refused.status }, 'supabase: email change refused');
	} catch (err) {
		log.warn({ err: isAuthError(err) ? err.message : err }, 'supabase: email change failed');
	}
	return { ok: false, reason: 'unavailable' };
}
