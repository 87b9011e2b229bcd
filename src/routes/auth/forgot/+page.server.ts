import { forgotSchema } from '$lib/domain/account-schemas';
import { requestPasswordReset } from '$lib/server/auth/accounts';
import { rateLimited } from '$lib/server/http/rate-limit';
import { invalid, parseForm } from '$lib/server/http/forms';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const parsed = await parseForm(event.request, forgotSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const { email } = parsed.data;
		const refused = await rateLimited(event, 'reset', email);
		if (refused) return invalid(parsed.values, { form: refused.key }, 429, refused.params);
		// Enqueues the mail (known address) or nothing: no SMTP in the request either way.
		await requestPasswordReset(event.locals.db, email);
		// The same answer whether or not the account exists: no one learns who has one.
		return { sent: email };
	}
};
