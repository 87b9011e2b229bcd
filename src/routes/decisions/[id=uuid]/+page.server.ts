import { error } from '@sveltejs/kit';
import { readDecision } from '$lib/server/decisions';
import { requireUser } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

/**
 * The printable decision document (issue 13): readable by the challenge's team (drafts
 * too) and, once published, by the teams it names; 404 for everyone else.
 */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const document = await locals.db.as(user, (tx) => readDecision(tx, params.id));
	if (!document) error(404, 'Not found');
	return { document };
};
