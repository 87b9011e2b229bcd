import { forgotSchema } from '$lib/domain/account-schemas';
import { requestPasswordReset } from '$lib/server/auth/accounts';
import { rateLimited } from '$lib/server/auth/rate-limit';
import { sendLinkMail } from '$lib/server/mail/messages';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const parsed = await parseForm(event.request, forgotSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const { email } = parsed.data;
		const refused = rateLimited(event, 'reset', email);
		if (refused) return invalid(parsed.values, { form: refused.key }, 429, refused.params);
		const reset = await requestPasswordReset(event.locals.db, email);
		if (reset) {
			const url = new URL(`/auth/reset?token=${reset.token}`, event.url).href;
			await sendLinkMail('reset', { email, ...reset }, url);
		}
		// The same answer whether or not the account exists: no one learns who has one.
		return { sent: email };
	}
};
