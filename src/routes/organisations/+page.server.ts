import { listOrganisations } from '$lib/server/organisations';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	organisations: await locals.db.as(locals.user, (tx) => listOrganisations(tx, getLocale()))
});
