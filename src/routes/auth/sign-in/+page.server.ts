import { redirect } from '@sveltejs/kit';
import { signInSchema } from '$lib/domain/account-schemas';
import { safeRedirectPath } from '$lib/domain/safe-path';
import { newVerifyToken, signIn } from '$lib/server/auth/accounts';
import { setLocaleCookie, setSessionCookie } from '$lib/server/auth/cookies';
import { deleteSession } from '$lib/server/auth/sessions';
import { sessionCookieName } from '$lib/server/auth/cookies';
import { signInOutcome, signInRefused } from '$lib/server/auth/rate-limit';
import { sendLinkMail } from '$lib/server/mail/messages';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('redirectTo'), '/account'));
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const { request, cookies, url, locals } = event;
		const parsed = await parseForm(request, signInSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const { data, values } = parsed;
		const refused = signInRefused(event, data.email);
		if (refused) return invalid(values, { form: refused.key }, 429, refused.params);

		const result = await signIn(locals.db, data.email, data.password);
		signInOutcome(event, data.email, result.ok || result.reason === 'unverified');
		if (!result.ok && result.reason === 'unverified') {
			const token = await newVerifyToken(locals.db, result.userId);
			await sendLinkMail('verify', result, new URL(`/auth/verify?token=${token}`, url).href);
			return invalid(values, { form: 'error_signin_unverified' }, 403);
		}
		if (!result.ok) return invalid(values, { form: 'error_signin_invalid' }, 400);

		// A new token at every sign-in: a session fixed before sign-in is never promoted.
		const previous = cookies.get(sessionCookieName(url));
		if (previous)
			await locals.db.service('sign in: drop old session', (tx) => deleteSession(tx, previous));
		setSessionCookie(cookies, url, result.token, result.expiresAt);
		setLocaleCookie(cookies, result.locale);
		redirect(303, safeRedirectPath(url.searchParams.get('redirectTo'), '/'));
	}
};
