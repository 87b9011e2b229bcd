import { requireUser } from '$lib/server/http/guards';
import { myWorkshops } from '$lib/server/workshops/list';
import { isFacilitator } from '$lib/server/workshops/planning';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return locals.db.as(user, async (tx) => ({
		workshops: await myWorkshops(tx),
		canSchedule: await isFacilitator(tx)
	}));
};
