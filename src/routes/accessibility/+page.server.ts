import { feedbackSchema } from '$lib/domain/account-schemas';
import { getLocale } from '$lib/paraglide/runtime';
import { submitAccessibilityFeedback } from '$lib/server/feedback';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const parsed = await parseForm(request, feedbackSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		await locals.db.as(locals.user, (tx) =>
			submitAccessibilityFeedback(tx, parsed.data, getLocale())
		);
		return { sent: true };
	}
};
