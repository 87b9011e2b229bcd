import { listPublishedChallenges } from '$lib/server/challenges/list';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	challenges: await locals.db.as(locals.user, (tx) =>
		listPublishedChallenges(tx, undefined, 6).then((found) => found.items)
	)
});
