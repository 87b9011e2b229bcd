import { error, fail, redirect } from '@sveltejs/kit';
import { ITEM_LIST_FIELDS } from '$lib/domain/jury/item-filter';
import { keptQuery, withField } from '$lib/domain/kept-query';
import { z } from 'zod';
import type { EvaluatedStage } from '$lib/domain/stages';
import { invalid, readForm, validateForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { juryFailure, juryRefusalAsHttp } from '$lib/server/http/jury-refusals';
import { translate } from '$lib/server/i18n';
import { commentOnItem, openJurorItem, reviseScore, scoreItem } from '$lib/server/jury/juror';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { isFilled } from '$lib/domain/text';

// One item as the juror opens it: refused in words (403/409) when conflicted, unassigned,
// undeclared or sealed, before anything of it is read; else the application as it was
// frozen and the score form.
/** The page again with a notice, keeping the juror's list status it was reached with. */
const noticeKeeping = (url: URL, notice: string) =>
	withField(url.pathname, keptQuery(url.searchParams, ITEM_LIST_FIELDS), 'notice', notice);

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const item = await locals.db
		.as(user, (tx) => openJurorItem(tx, params.id, params.stage as EvaluatedStage, params.item))
		.catch(juryRefusalAsHttp);
	if (!item) error(404, 'Not found');
	// Reached from the juror's narrowed list: its links and redirects keep the list's status.
	return { item, kept: keptQuery(url.searchParams, ITEM_LIST_FIELDS) };
};

const commentSchema = z.object({
	body: z
		.string()
		.trim()
		.refine(isFilled, { error: 'jury_refusal_comment_blank', abort: true })
		.max(4000, 'jury_refusal_comment_too_long')
});

/** Saves or submits the score form; the fields' problems in words, a refusal in the database's. */
async function score(event: RequestEvent, submit: boolean) {
	const { locals, url, params, request } = event;
	const user = requireUser(locals, url);
	const raw = (await readForm(request)) ?? {};
	// Scores are locked once submitted: the page asks first (`confirm`).
	if (submit && raw.confirm !== 'yes') {
		return fail(400, {
			values: raw,
			errors: { confirm: translate('juror_submit_confirm_needed') }
		});
	}
	try {
		const outcome = await locals.db.as(user, (tx) =>
			scoreItem(tx, params.stage as EvaluatedStage, params.item, raw, submit)
		);
		if (!outcome.ok) return invalid(raw, outcome.errors);
	} catch (e) {
		return juryFailure(e);
	}
	redirect(303, noticeKeeping(url, submit ? 'submitted' : 'saved'));
}

export const actions: Actions = {
	save: (event) => score(event, false),
	submit: (event) => score(event, true),

	comment: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const raw = (await readForm(request)) ?? {};
		const parsed = validateForm(raw, commentSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		try {
			await locals.db.as(user, (tx) =>
				commentOnItem(tx, params.stage as EvaluatedStage, params.item, parsed.data.body)
			);
		} catch (e) {
			return juryFailure(e);
		}
		redirect(303, `${noticeKeeping(url, 'commented')}#discussion-heading`);
	},

	revise: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const raw = (await readForm(request)) ?? {};
		try {
			const outcome = await locals.db.as(user, (tx) =>
				reviseScore(tx, params.stage as EvaluatedStage, params.item, raw)
			);
			if (!outcome.ok) return invalid(raw, outcome.errors);
		} catch (e) {
			return juryFailure(e);
		}
		redirect(303, `${noticeKeeping(url, 'revised')}#my-scores-heading`);
	}
};
