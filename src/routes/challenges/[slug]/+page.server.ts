import { error } from '@sveltejs/kit';
import { getPublishedChallenge } from '$lib/server/challenges';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const challenge = await locals.db.as(locals.user, (tx) => getPublishedChallenge(tx, params.slug));
	if (!challenge) error(404, 'Not found');
	return { challenge };
};
