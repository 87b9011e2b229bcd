import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { publishDecision, readDecision } from '$lib/server/decisions';
import { parseForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { juryFailure } from '$lib/server/http/jury-refusals';
import { translate } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

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

export const actions: Actions = {
	/**
	 * Publishes the draft (the chair only; public.decision_publish checks the rest). Asks
	 * first: without JavaScript the first post only answers `confirm`, and the page shows
	 * the question open; its confirm posts again with confirm=yes.
	 */
	publish: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, z.object({ confirm: z.literal('yes').optional() }));
		if (!parsed.ok) return juryFailure({ code: 'TK422', hint: 'decision_bad_input' });
		if (parsed.data.confirm !== 'yes') return { confirm: true };
		try {
			await locals.db.as(user, (tx) => publishDecision(tx, params.id));
		} catch (e) {
			return juryFailure(e);
		}
		return { published: translate('decision_published_now') };
	}
};
