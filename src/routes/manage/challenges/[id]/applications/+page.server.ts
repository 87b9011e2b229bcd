import { listSubmitted } from '$lib/server/applications/screening';
import { sealedApplicationCount } from '$lib/server/challenges/team';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	// The layout has already answered 404 to anyone who does not manage the challenge.
	// Sealed applications (issue 10, item 22) are not in the list: RLS hides them until the
	// deadline; the team sees only how many there are.
	const { applications, sealed } = await locals.db.as(user, async (tx) => ({
		applications: await listSubmitted(tx, params.id),
		sealed: await sealedApplicationCount(tx, params.id)
	}));
	return { applications, sealed };
};
