import { lateAttemptsInWords } from '$lib/server/applications/late-attempts';
import { SCREENING_PAGE_SIZE, screeningPage } from '$lib/server/applications/screening';
import { getLocale } from '$lib/paraglide/runtime';
import { narrows, parseScreeningQuery, screeningFilterOf } from '$lib/domain/screening-filter';
import { sealedApplicationCount } from '$lib/server/challenges/team';
import { requireUser } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	// The address holds the filter (a GET form): a state or page that is not one shows all
	// on the first page rather than an error.
	const query = parseScreeningQuery(url.searchParams);
	const filter = screeningFilterOf(query);
	// The layout has already answered 404 to anyone who does not manage the challenge.
	// Sealed applications (issue 10, item 22) are not in the list: RLS hides them until the
	// deadline, from the filter and its counts too; the team sees only how many there are,
	// a count no filter touches.
	// Submissions refused after the deadline (issue 12): recorded by the database's clock.
	// The three reads are sent together (issue 16).
	const [applications, sealed, late] = await locals.db.as(user, (tx) =>
		Promise.all([
			screeningPage(tx, params.id, getLocale(), query.page, filter),
			sealedApplicationCount(tx, params.id),
			lateAttemptsInWords(tx, params.id, getLocale())
		])
	);
	return {
		applications,
		size: SCREENING_PAGE_SIZE,
		query,
		narrowed: narrows(filter),
		sealed,
		late
	};
};
