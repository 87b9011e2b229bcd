import { feedbackSchema } from '$lib/domain/account-schemas';
import { getLocale } from '$lib/paraglide/runtime';
import { submitAccessibilityFeedback } from '$lib/server/feedback';
import { invalid, parseForm } from '$lib/server/http/forms';
import { clientAddress, limitedBy } from '$lib/server/http/limits';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const { request, locals } = event;
		const parsed = await parseForm(request, feedbackSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		// The database counts feedback per user, or per the address given here (a trigger).
		const stored = await limitedBy(event, () =>
			locals.db.as(locals.user, (tx) =>
				submitAccessibilityFeedback(tx, parsed.data, getLocale(), clientAddress(event))
			)
		);
		if (stored && 'limited' in stored)
			return invalid(parsed.values, { form: stored.key }, 429, stored.params);
		return { sent: true };
	}
};
