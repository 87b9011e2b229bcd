import { feedbackSchema } from '$lib/domain/account-schemas';
import { getLocale } from '$lib/paraglide/runtime';
import { submitAccessibilityFeedback } from '$lib/server/feedback';
import { invalid, parseForm } from '$lib/server/forms';
import { clientAddress, limit } from '$lib/server/http/limits';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const { request, locals } = event;
		const parsed = await parseForm(request, feedbackSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const limited = limit(event, 'feedback', locals.user?.id ?? clientAddress(event));
		if (limited) return invalid(parsed.values, { form: limited.key }, 429, limited.params);
		await locals.db.as(locals.user, (tx) =>
			submitAccessibilityFeedback(tx, parsed.data, getLocale())
		);
		return { sent: true };
	}
};
