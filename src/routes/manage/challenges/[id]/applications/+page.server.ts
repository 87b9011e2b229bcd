import { listSubmitted } from '$lib/server/applications/screening';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	// The layout has already answered 404 to anyone who does not manage the challenge.
	const applications = await locals.db.as(user, (tx) => listSubmitted(tx, params.id));
	return { applications };
};
