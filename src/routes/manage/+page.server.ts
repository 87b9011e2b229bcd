import { requireUser } from '$lib/server/http/guards';
import { getLocale } from '$lib/paraglide/runtime';
import { myOrganisations, organisationDashboard } from '$lib/server/challenges/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return locals.db.as(user, async (tx) => ({
		rows: await organisationDashboard(tx, user.id),
		organisations: await myOrganisations(tx, user.id, getLocale())
	}));
};
