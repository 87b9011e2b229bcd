import { redirect } from '@sveltejs/kit';
import { signUpSchema } from '$lib/domain/account-schemas';
import { safeRedirectPath, withRedirect } from '$lib/domain/safe-path';
import { signUp } from '$lib/server/auth/accounts';
import { TTL_MS } from '$lib/server/auth/email-tokens';
import { setSignUpCookie } from '$lib/server/http/cookies';
import { isCommonPassword } from '$lib/server/auth/passwords';
import { rateLimited } from '$lib/server/http/rate-limit';
import { invalid, parseForm } from '$lib/server/http/forms';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user)
		redirect(303, safeRedirectPath(url.searchParams.get('redirectTo'), '/dashboard'));
	return { locale: getLocale() };
};

export const actions: Actions = {
	default: async (event) => {
		const parsed = await parseForm(event.request, signUpSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const { data, values } = parsed;
		const refused = await rateLimited(event, 'signUp', data.email);
		if (refused) return invalid(values, { form: refused.key }, 429, refused.params);
		if (isCommonPassword(data.password, [data.email, data.displayName])) {
			return invalid(values, { password: 'error_password_common' });
		}
		// Where the person was going (an invitation, say) travels through the mail and back.
		const back = event.url.searchParams.get('redirectTo');
		// A new address gets its verification mail, a taken one mails its owner instead: the
		// answer is the same either way, so sign-up tells no one who has an account.
		const { browserNonce } = await signUp(event.locals.db, data, back);
		// This browser may open the mailed link signed in (either way, so it tells nothing).
		setSignUpCookie(
			event.cookies,
			event.url,
			browserNonce,
			new Date(Date.now() + TTL_MS.verify_email)
		);
		redirect(303, withRedirect(`/auth/check-email?email=${encodeURIComponent(data.email)}`, back));
	}
};
