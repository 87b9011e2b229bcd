import { requireUser } from '$lib/server/http/guards';
import { getLocale } from '$lib/paraglide/runtime';
import { listFilterOf, narrows } from '$lib/domain/list-filter';
import { parseManageQuery } from '$lib/domain/manage-filter';
import {
	MANAGE_PAGE_SIZE,
	challengesPage,
	myOrganisations
} from '$lib/server/challenges/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	// The address holds the filter (a GET form): a status or page that is not one shows all
	// on the first page rather than an error.
	const query = parseManageQuery(url.searchParams);
	const filter = listFilterOf(query);
	// The reads are sent together (issue 16).
	const [challenges, organisations] = await locals.db.as(user, (tx) =>
		Promise.all([
			challengesPage(tx, user.id, filter, query.page),
			myOrganisations(tx, user.id, getLocale())
		])
	);
	return {
		challenges,
		size: MANAGE_PAGE_SIZE,
		organisations,
		query,
		narrowed: narrows(filter)
	};
};
