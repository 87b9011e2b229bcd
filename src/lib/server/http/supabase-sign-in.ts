import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { emailField, signInSchema } from '$lib/domain/account-schemas';
import { safeRedirectPath, withRedirect } from '$lib/domain/safe-path';
import { codeOwed } from '$lib/domain/supabase-factors';
import type { SupabaseClient } from '@supabase/supabase-js';
import { config, type SupabaseConfig } from '../config';
import {
	changeSupabasePassword,
	supabaseCallback,
	supabaseForRequest,
	supabaseMagicLink,
	supabaseOAuthUrl,
	supabasePasswordSignIn,
	type CallbackParams
} from '../auth/supabase';
import { recordAudit } from '../audit';
import { recordFailedSignIn } from '../auth/accounts';
import type { SessionUser } from '../auth/sessions';
import { clientAddress } from './limits';
import { cookieJar } from './auth';
import { invalid, parseForm } from './forms';
import { applyProfileLocale } from './sign-in-locale';
import { signInFormRefused, signInOutcome } from './rate-limit';

// The sign-in page's actions in Supabase mode (issue 15): email and password, a mailed
// link, and the configured OAuth provider; /auth/callback completes the last two.

function supabaseOf(): SupabaseConfig {
	if (!config.supabase) error(404, 'Not found');
	return config.supabase;
}

const clientFor = (event: RequestEvent) =>
	supabaseForRequest(supabaseOf(), cookieJar(event.cookies, event.url));

/** Where a sign-in link or provider comes back to, carrying the page to go on to. */
function callbackUrl(event: RequestEvent): string {
	const next = safeRedirectPath(event.url.searchParams.get('redirectTo'), '/dashboard');
	return `${config.ORIGIN}/auth/callback?next=${encodeURIComponent(next)}`;
}

/** Email and password: the same form, limits and words as local mode. */
export async function supabasePasswordAction(event: RequestEvent) {
	const parsed = await parseForm(event.request, signInSchema);
	if (!parsed.ok) return invalid(parsed.values, parsed.errors);
	const { data, values } = parsed;
	const refused = await signInFormRefused(event, data.email);
	if (refused) return invalid(values, { form: refused.key }, 429, refused.params);
	const client = clientFor(event);
	const result = await supabasePasswordSignIn(client, data.email, data.password);
	await signInOutcome(event, data.email, result.ok || result.reason === 'unconfirmed');
	const address = clientAddress(event);
	// With a verified factor the session is aal1 until the code: not yet signed in.
	const owed = result.ok && (await secondFactorOwed(client));
	if (result.ok) await auditSignIn(event, result.userId, 'password', !owed);
	else if (result.reason !== 'unavailable')
		await recordFailedSignIn(
			event.locals.db,
			data.email,
			result.reason === 'unconfirmed' ? 'unverified' : 'wrong_password',
			address
		);
	if (!result.ok) {
		if (result.reason === 'unconfirmed')
			return invalid(values, { form: 'supabase_unconfirmed' }, 403);
		if (result.reason === 'unavailable')
			return invalid(values, { form: 'supabase_unavailable' }, 503);
		return invalid(values, { form: 'error_signin_invalid' }, 400);
	}
	if (owed)
		redirect(303, withRedirect('/auth/sign-in/code', event.url.searchParams.get('redirectTo')));
	await applyProfileLocale(event.locals.db, event.cookies, result.userId);
	redirect(303, safeRedirectPath(event.url.searchParams.get('redirectTo'), '/dashboard'));
}

/**
 * Whether the client's new session still owes a second factor's code
 * (mfa.getAuthenticatorAssuranceLevel: aal1 now, aal2 next). A failure to tell is owed:
 * the code page checks again with the Auth server's word (getUser()).
 */
async function secondFactorOwed(client: SupabaseClient): Promise<boolean> {
	const { data, error } = await client.auth.mfa
		.getAuthenticatorAssuranceLevel()
		.catch((err: unknown) => ({ data: null, error: err as Error }));
	return error || !data ? true : codeOwed(data);
}

const magicSchema = z.object({ email: emailField });

/** Back to the sign-in page with a notice, keeping where the person was going. */
const backToSignIn = (event: RequestEvent, notice: string): never =>
	redirect(
		303,
		withRedirect(`/auth/sign-in?notice=${notice}`, event.url.searchParams.get('redirectTo'))
	);

/**
 * POST /auth/sign-in/link: a sign-in link by mail. The answer never says whether the
 * address has an account; every outcome is the sign-in page with a notice.
 */
export async function supabaseMagicLinkRoute(event: RequestEvent): Promise<never> {
	supabaseOf();
	const parsed = await parseForm(event.request, magicSchema);
	if (!parsed.ok) return backToSignIn(event, 'email-invalid');
	if (await signInFormRefused(event, parsed.data.email)) return backToSignIn(event, 'limited');
	const sent = await supabaseMagicLink(clientFor(event), parsed.data.email, callbackUrl(event));
	return backToSignIn(event, sent ? 'link-sent' : 'unavailable');
}

/** POST /auth/sign-in/oauth: off to the configured OAuth provider (404 when none). */
export async function supabaseOAuthRoute(event: RequestEvent): Promise<never> {
	const provider = supabaseOf().oauthProvider;
	if (!provider) error(404, 'Not found');
	const url = await supabaseOAuthUrl(clientFor(event), provider, callbackUrl(event));
	if (!url) return backToSignIn(event, 'unavailable');
	redirect(303, url);
}

const OTP_TYPES = ['email', 'magiclink', 'signup', 'recovery', 'invite', 'email_change'] as const;

/** What the callback's query holds, or null for anything else. */
export function callbackParams(search: URLSearchParams): CallbackParams | null {
	const code = search.get('code');
	if (code && code.length <= 512) return { code };
	const tokenHash = search.get('token_hash');
	const type = OTP_TYPES.find((t) => t === search.get('type'));
	if (tokenHash && tokenHash.length <= 512 && type) return { tokenHash, type };
	return null;
}

/**
 * GET /auth/callback: completes a magic-link or OAuth sign-in and goes on to `next` (a
 * path of this site only); a used, expired or foreign link goes back to the sign-in page
 * with a notice.
 */
export async function supabaseCallbackRoute(event: RequestEvent): Promise<never> {
	supabaseOf();
	const params = callbackParams(event.url.searchParams);
	const client = clientFor(event);
	const userId = params ? await supabaseCallback(client, params) : null;
	if (!userId) redirect(303, '/auth/sign-in?notice=link-failed');
	const next = safeRedirectPath(event.url.searchParams.get('next'), '/dashboard');
	// A confirmed change of address is no sign-in (the audit log has it by trigger).
	if (params && 'type' in params && params.type === 'email_change') redirect(303, next);
	const owed = await secondFactorOwed(client);
	await auditSignIn(event, userId, params && 'code' in params ? 'callback' : 'email_link', !owed);
	if (owed) redirect(303, withRedirect('/auth/sign-in/code', next));
	await applyProfileLocale(event.locals.db, event.cookies, userId);
	redirect(303, next);
}

/**
 * The account page's password change in Supabase mode: through Supabase Auth, with the
 * same rules and outcomes as local mode (auth/supabase.ts changeSupabasePassword).
 */
export async function supabasePasswordChange(
	event: RequestEvent,
	user: Pick<SessionUser, 'id' | 'email' | 'displayName' | 'sessionId' | 'address'>,
	current: string,
	next: string
) {
	const result = await changeSupabasePassword(supabaseOf(), clientFor(event), user, current, next);
	if (result.ok)
		await event.locals.db.service('password change: audit', (tx) =>
			recordAudit(tx, {
				action: 'password_change',
				targetKind: 'user',
				targetId: user.id,
				actorId: user.id,
				details: { via: 'supabase' },
				address: user.address
			})
		);
	return result;
}

/**
 * A Supabase sign-in in the audit log, as local mode records its own (auth/accounts.ts):
 * the person, the step ('password'; 'email_link' or 'callback' for a mailed link or the
 * OAuth provider coming back), `complete` false while the second factor's code is owed,
 * and the client address.
 */
async function auditSignIn(event: RequestEvent, userId: string, step: string, complete: boolean) {
	await event.locals.db.service('sign in: audit', (tx) =>
		recordAudit(tx, {
			action: 'sign_in',
			targetKind: 'user',
			targetId: userId,
			actorId: userId,
			details: { step, via: 'supabase', complete },
			address: clientAddress(event)
		})
	);
}
