import { redirect } from '@sveltejs/kit';
import { signInSchema } from '$lib/domain/account-schemas';
import { safeRedirectPath, withRedirect } from '$lib/domain/safe-path';
import { newVerifyToken, signIn } from '$lib/server/auth/accounts';
import { setChallengeCookie, adoptProfileLocale, setSessionCookie } from '$lib/server/http/cookies';
import { signOut } from '$lib/server/auth/sessions';
import { sessionCookieName } from '$lib/server/http/cookies';
import { signInFormRefused, signInOutcome } from '$lib/server/http/rate-limit';
import { clientAddress } from '$lib/server/http/limits';
import { invalid, parseForm } from '$lib/server/http/forms';
import { config } from '$lib/server/config';
import { supabasePasswordAction } from '$lib/server/http/supabase-sign-in';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user)
		redirect(303, safeRedirectPath(url.searchParams.get('redirectTo'), '/dashboard'));
	// Supabase mode also offers a mailed link and, when configured, an OAuth provider.
	return {
		supabase: config.supabase ? { oauth: Boolean(config.supabase.oauthProvider) } : null
	};
};

export const actions: Actions = {
	default: async (event) => {
		if (config.supabase) return supabasePasswordAction(event);
		const { request, cookies, url, locals } = event;
		const parsed = await parseForm(request, signInSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const { data, values } = parsed;
		const refused = await signInFormRefused(event, data.email);
		if (refused) return invalid(values, { form: refused.key }, 429, refused.params);
		const address = clientAddress(event);

		const result = await signIn(
			locals.db,
			data.email,
			data.password,
			request.headers.get('user-agent'),
			address
		);
		// A right password counts as a success, whatever comes next (verification, a code).
		await signInOutcome(
			event,
			data.email,
			result.ok || result.reason === 'unverified' || result.reason === 'second_factor'
		);
		if (!result.ok && result.reason === 'unverified') {
			await newVerifyToken(locals.db, result.userId);
			return invalid(values, { form: 'error_signin_unverified' }, 403);
		}
		if (!result.ok && result.reason === 'second_factor') {
			// The password was right; the code comes on the next page.
			setChallengeCookie(cookies, url, result.challenge, result.challengeExpiresAt);
			redirect(303, withRedirect('/auth/sign-in/code', url.searchParams.get('redirectTo')));
		}
		if (!result.ok) return invalid(values, { form: 'error_signin_invalid' }, 400);

		// A new token at every sign-in: a session fixed before sign-in is never promoted.
		const previous = cookies.get(sessionCookieName(url));
		if (previous) await signOut(locals.db, previous, 'sign in: drop old session');
		setSessionCookie(cookies, url, result.token, result.expiresAt);
		adoptProfileLocale(cookies, result.locale);
		redirect(303, safeRedirectPath(url.searchParams.get('redirectTo'), '/dashboard'));
	}
};
