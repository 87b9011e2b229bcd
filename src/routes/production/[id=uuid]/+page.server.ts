import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/http/guards';
import { readPartnerPage } from '$lib/server/production';
import type { PageServerLoad } from './$types';

/**
 * A partner's results in production (issue 14): the bonus per month and in total,
 * progress to each target, the share progressed, the charts and every month's report with
 * its review. The partner's team and the challenge's team read it; 404 for everyone else.
 */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const found = await locals.db.as(user, (tx) => readPartnerPage(tx, params.id));
	if (!found) error(404, 'Not found');
	return found;
};
