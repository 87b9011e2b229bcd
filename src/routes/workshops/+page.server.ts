import { requireUser } from '$lib/server/http/guards';
import { myWorkshops } from '$lib/server/workshops/list';
import { isFacilitator } from '$lib/server/workshops/planning';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	// The reads are sent together (issue 16).
	const [workshops, canSchedule] = await locals.db.as(user, (tx) =>
		Promise.all([myWorkshops(tx), isFacilitator(tx)])
	);
	return { workshops, canSchedule };
};
