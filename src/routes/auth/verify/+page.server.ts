import { redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '$lib/domain/safe-path';
import { openVerificationLink } from '$lib/server/auth/accounts';
import { signOut } from '$lib/server/auth/sessions';
import { clientAddress } from '$lib/server/http/limits';
import {
	clearSignUpCookie,
	sessionCookieName,
	adoptProfileLocale,
	setSessionCookie,
	signUpCookieName
} from '$lib/server/http/cookies';
import type { PageServerLoad } from './$types';

// Verifying on GET is safe: the token is single-use, and a mail scanner that opens
// the link only does what the person would have done (it has no sign-up cookie, so it
// signs no one in, and the person's own browser still can afterwards).
export const load: PageServerLoad = async (event) => {
	const { url, locals, cookies, request } = event;
	const token = url.searchParams.get('token') ?? '';
	const redirectTo = safeRedirectPath(url.searchParams.get('redirectTo'), '');
	if (token.length === 0 || token.length > 100) return { verified: false, redirectTo };
	const nonce = cookies.get(signUpCookieName(url)) ?? null;
	const outcome = await openVerificationLink(
		locals.db,
		token,
		nonce && nonce.length <= 100 ? nonce : null,
		request.headers.get('user-agent'),
		clientAddress(event)
	);
	if (outcome.verified && outcome.session) {
		// The browser that signed up: signed in, where the person was going.
		const previous = cookies.get(sessionCookieName(url));
		if (previous) await signOut(locals.db, previous, 'verify: drop old session');
		clearSignUpCookie(cookies, url);
		setSessionCookie(cookies, url, outcome.session.token, outcome.session.expiresAt);
		adoptProfileLocale(cookies, outcome.session.locale);
		redirect(303, redirectTo || '/dashboard?notice=verified');
	}
	return { verified: outcome.verified, redirectTo };
};
