import { error, fail, redirect } from '@sveltejs/kit';
import { pickLocalized } from '$lib/domain/locale';
import { publishWarnings } from '$lib/domain/publish';
import { getLocale } from '$lib/paraglide/runtime';
import { publishDraft, publishIssueTexts } from '$lib/server/challenges/editor';
import { forgetVisitorViews } from '$lib/server/challenges/visitor-cache';
import { requireUser } from '$lib/server/http/guards';
import { translate } from '$lib/server/i18n';
import { stageLabel } from '$lib/i18n-names';
import { renderMarkdown } from '$lib/server/markdown';
import type { Actions, PageServerLoad } from './$types';

// Publishing is irreversible and public (issue 12, Owner): this page shows what the public
// will read, what still refuses publishing and what to check, and publishes only when its
// own form is sent: the confirmation step, without JavaScript.
export const load: PageServerLoad = async ({ parent }) => {
	const { challenge } = await parent();
	if (challenge.status !== 'draft') redirect(303, `/manage/challenges/${challenge.id}`);
	const body = pickLocalized(challenge.body, getLocale(), challenge.primaryLocale);
	return {
		issues: publishIssueTexts(challenge, new Date()),
		warnings: publishWarnings(challenge).map(({ key, stage }) =>
			translate(key, stage ? { stage: stageLabel(challenge.procedure, stage) } : {})
		),
		body: { html: renderMarkdown(body.text), lang: body.lang, fallback: body.fallback }
	};
};

export const actions: Actions = {
	default: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		const outcome = await locals.db.as(user, (tx) => publishDraft(tx, params.id, user.id));
		if (outcome.outcome === 'unknown') error(404, 'Not found');
		if (outcome.outcome === 'not_ready') return fail(400, { issues: outcome.issues });
		if (outcome.outcome === 'not_on_team')
			return fail(403, { issues: [translate('procurement_error_not_on_team')] });
		forgetVisitorViews();
		redirect(303, `/challenges/${outcome.slug}`);
	}
};
