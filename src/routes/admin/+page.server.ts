import { error, redirect } from '@sveltejs/kit';
import { newOrganisationSchema } from '$lib/domain/organisation-schemas';
import { listAccessibilityFeedback } from '$lib/server/feedback';
import { invalid, parseForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/guards';
import { createOrganisation, listOrganisations } from '$lib/server/organisations';
import type { Actions, PageServerLoad } from './$types';

function requireAdmin(locals: App.Locals, url: URL) {
	const user = requireUser(locals, url);
	if (!user.isAdmin) error(403, 'Forbidden');
	return user;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireAdmin(locals, url);
	return locals.db.as(user, async (tx) => ({
		organisations: await listOrganisations(tx),
		feedback: await listAccessibilityFeedback(tx)
	}));
};

export const actions: Actions = {
	createOrganisation: async ({ locals, url, request }) => {
		const user = requireAdmin(locals, url);
		const parsed = await parseForm(request, newOrganisationSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const id = await locals.db.as(user, (tx) => createOrganisation(tx, parsed.data));
		if (!id) return invalid(parsed.values, { slug: 'error_slug_taken' }, 409);
		redirect(303, `/organisations/${parsed.data.slug}`);
	}
};
