import { listChallengeTenders } from '$lib/server/concepts';
import { requireUser } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

/**
 * The challenge's submitted final tenders. The layout has already answered 404 to anyone
 * who does not manage the challenge; before the concepts deadline RLS hides every tender
 * and only their count shows (sealed like applications).
 */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const list = await locals.db.as(user, (tx) => listChallengeTenders(tx, params.id));
	return { list };
};
