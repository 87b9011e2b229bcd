import { lateAttemptsInWords } from '$lib/server/applications/late-attempts';
import { listSubmitted } from '$lib/server/applications/screening';
import { getLocale } from '$lib/paraglide/runtime';
import { sealedApplicationCount } from '$lib/server/challenges/team';
import { requireUser } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	// The layout has already answered 404 to anyone who does not manage the challenge.
	// Sealed applications (issue 10, item 22) are not in the list: RLS hides them until the
	// deadline; the team sees only how many there are.
	// Submissions refused after the deadline (issue 12): recorded by the database's clock.
	const { applications, sealed, late } = await locals.db.as(user, async (tx) => ({
		applications: await listSubmitted(tx, params.id, getLocale()),
		sealed: await sealedApplicationCount(tx, params.id),
		late: await lateAttemptsInWords(tx, params.id, getLocale())
	}));
	return { applications, sealed, late };
};
