import { requireUser } from '$lib/server/http/guards';
import { getLocale } from '$lib/paraglide/runtime';
import { myOrganisations, organisationDashboard } from '$lib/server/challenges/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	// The reads are sent together (issue 16).
	const [rows, organisations] = await locals.db.as(user, (tx) =>
		Promise.all([organisationDashboard(tx, user.id), myOrganisations(tx, user.id, getLocale())])
	);
	return { rows, organisations };
};
