import { error } from '@sveltejs/kit';
import { readFinalTender } from '$lib/server/concepts';
import { requireUser } from '$lib/server/http/guards';
import { renderMarkdown } from '$lib/server/markdown';
import type { PageServerLoad } from './$types';

/** The receipt of a final tender: frozen content, time and digest (its team, through RLS). */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const tender = await locals.db.as(user, (tx) => readFinalTender(tx, params.tenderId));
	if (!tender || tender.conceptId !== params.id) error(404, 'Not found');
	return { tender, descriptionHtml: renderMarkdown(tender.snapshot.description) };
};
