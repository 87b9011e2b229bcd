import { listFilterOf, narrows, parseListQuery } from '$lib/domain/list-filter';
import { ORGANISATION_LIST_CHOICES } from '$lib/domain/list-queries';
import { ORGANISATION_PAGE_SIZE, organisationsPage } from '$lib/server/organisations';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	// The address holds the filter (a GET form); anything else there is the whole list.
	const query = parseListQuery(url.searchParams, ORGANISATION_LIST_CHOICES);
	const filter = listFilterOf(query);
	const organisations = await locals.db.as(locals.user, (tx) =>
		organisationsPage(tx, filter, query.page, getLocale())
	);
	return { organisations, size: ORGANISATION_PAGE_SIZE, query, narrowed: narrows(filter) };
};
