import { requireUser } from '$lib/server/http/guards';
import { listMyJuries } from '$lib/server/jury/juror';
import type { PageServerLoad } from './$types';

// The juries the signed-in person sits on, with their progress on each.
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { juries: await locals.db.as(user, (tx) => listMyJuries(tx)) };
};
