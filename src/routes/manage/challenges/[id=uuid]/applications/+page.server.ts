import { lateAttemptsInWords } from '$lib/server/applications/late-attempts';
import { screeningPage } from '$lib/server/applications/screening';
import { getLocale } from '$lib/paraglide/runtime';
import { sealedApplicationCount } from '$lib/server/challenges/team';
import { requireUser } from '$lib/server/http/guards';
import { z } from 'zod';
import type { PageServerLoad } from './$types';

// A page number that is not one shows the first page rather than an error.
const pageNumber = z.coerce.number().int().min(1).max(100_000).catch(1);

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const page = pageNumber.parse(url.searchParams.get('page') ?? undefined);
	// The layout has already answered 404 to anyone who does not manage the challenge.
	// Sealed applications (issue 10, item 22) are not in the list: RLS hides them until the
	// deadline; the team sees only how many there are.
	// Submissions refused after the deadline (issue 12): recorded by the database's clock.
	// The three reads are sent together (issue 16).
	const [applications, sealed, late] = await locals.db.as(user, (tx) =>
		Promise.all([
			screeningPage(tx, params.id, getLocale(), page),
			sealedApplicationCount(tx, params.id),
			lateAttemptsInWords(tx, params.id, getLocale())
		])
	);
	return { applications, sealed, late };
};
