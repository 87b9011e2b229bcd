import { requireUser } from '$lib/server/http/guards';
import { listFilterOf, narrows } from '$lib/domain/list-filter';
import { parseWorkshopQuery } from '$lib/domain/list-queries';
import { WORKSHOP_PAGE_SIZE, workshopsPage } from '$lib/server/workshops/list';
import { isFacilitator } from '$lib/server/workshops/planning';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	// The address holds the filter (a GET form); anything else there is the whole list.
	const query = parseWorkshopQuery(url.searchParams);
	const filter = listFilterOf(query);
	// The reads are sent together (issue 16).
	const [workshops, canSchedule] = await locals.db.as(user, (tx) =>
		Promise.all([workshopsPage(tx, filter, query.page), isFacilitator(tx)])
	);
	return {
		workshops,
		size: WORKSHOP_PAGE_SIZE,
		query,
		narrowed: narrows(filter),
		canSchedule
	};
};
