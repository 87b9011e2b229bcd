import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { safeRedirectPath, withRedirect } from '$lib/domain/safe-path';
import {
	challengeCookieName,
	clearChallengeCookie,
	sessionCookieName,
	adoptProfileLocale,
	setSessionCookie
} from '$lib/server/http/cookies';
import { challengeAlive, completeSignIn } from '$lib/server/auth/second-factor';
import { signOut } from '$lib/server/auth/sessions';
import { invalid, parseForm } from '$lib/server/http/forms';
import { clientAddress } from '$lib/server/http/limits';
import { config } from '$lib/server/config';
import { supabaseCodeOwedBy, supabaseSignInCode } from '$lib/server/http/supabase-account';
import { applyProfileLocale } from '$lib/server/http/sign-in-locale';
import type { Actions, PageServerLoad } from './$types';

const codeSchema = z.object({
	code: z
		.string({ error: 'error_required' })
		.trim()
		.min(1, { error: 'error_required' })
		.max(40, { error: 'error_code_wrong' })
});

// Without a sign-in waiting for its code (none, expired, out of tries): the password again.
const startAgain = (url: URL) =>
	redirect(303, withRedirect('/auth/sign-in', url.searchParams.get('redirectTo')));

export const load: PageServerLoad = async (event) => {
	const { locals, url, cookies } = event;
	if (locals.user)
		redirect(303, safeRedirectPath(url.searchParams.get('redirectTo'), '/dashboard'));
	// Supabase mode: the password made an aal1 session that owes its code.
	if (config.supabase) {
		if (!(await supabaseCodeOwedBy(event))) startAgain(url);
		return { supabase: true };
	}
	const token = cookies.get(challengeCookieName(url));
	const alive =
		token && (await locals.db.service('sign-in code: look up', (tx) => challengeAlive(tx, token)));
	if (!alive) startAgain(url);
	return { supabase: false };
};

/** The code in Supabase mode: Supabase Auth checks it, the session becomes aal2. */
async function supabaseCode(event: Parameters<Actions['default']>[0]) {
	const owed = await supabaseCodeOwedBy(event);
	if (!owed) return startAgain(event.url);
	const parsed = await parseForm(event.request, codeSchema);
	if (!parsed.ok) return invalid({}, parsed.errors);
	const result = await supabaseSignInCode(event, owed, parsed.data.code);
	if (!result.ok) {
		if (result.reason === 'limited')
			return invalid({}, { code: 'error_code_limited' }, 429, { minutes: result.minutes });
		if (result.reason === 'wrong') return invalid({}, { code: 'error_code_wrong' }, 400);
		if (result.reason === 'unavailable') return invalid({}, { code: 'supamfa_unavailable' }, 503);
		startAgain(event.url);
	}
	await applyProfileLocale(event.locals.db, event.cookies, owed.userId);
	redirect(303, safeRedirectPath(event.url.searchParams.get('redirectTo'), '/dashboard'));
}

export const actions: Actions = {
	default: async (event) => {
		const { request, cookies, url, locals } = event;
		if (config.supabase) return supabaseCode(event);
		const token = cookies.get(challengeCookieName(url));
		if (!token) startAgain(url);
		const parsed = await parseForm(request, codeSchema);
		if (!parsed.ok) return invalid({}, parsed.errors);
		const result = await locals.db.service('sign-in code', (tx) =>
			completeSignIn(tx, token!, parsed.data.code, new Date(), clientAddress(event))
		);
		if (!result.ok) {
			if (result.reason === 'expired') {
				clearChallengeCookie(cookies, url);
				return invalid({}, { form: 'error_code_expired' }, 400);
			}
			if (result.reason === 'limited') {
				return invalid({}, { code: 'error_code_limited' }, 429, { minutes: result.minutes });
			}
			return invalid({}, { code: 'error_code_wrong' }, 400);
		}
		clearChallengeCookie(cookies, url);
		// A new token at every sign-in: a session fixed before sign-in is never promoted.
		const previous = cookies.get(sessionCookieName(url));
		if (previous) await signOut(locals.db, previous, 'sign in: drop old session');
		setSessionCookie(cookies, url, result.token, result.expiresAt);
		adoptProfileLocale(cookies, result.locale);
		redirect(303, safeRedirectPath(url.searchParams.get('redirectTo'), '/dashboard'));
	}
};
