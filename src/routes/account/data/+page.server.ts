import { requireUser } from '$lib/server/http/guards';
import { waitInWords } from '$lib/server/http/limits';
import { personalDataCounts } from '$lib/server/privacy/export';
import { categoryTexts } from '$lib/server/privacy/texts';
import type { PageServerLoad } from './$types';

/** The summary of what is kept about the signed-in person, with their row counts. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	// ?wait=<ms>: the archive route refused over the rate limit and came back here.
	const wait = Number(url.searchParams.get('wait'));
	return {
		categories: categoryTexts(),
		counts: await personalDataCounts(locals.db, user),
		limited: Number.isFinite(wait) && wait > 0 ? waitInWords(wait) : null
	};
};
