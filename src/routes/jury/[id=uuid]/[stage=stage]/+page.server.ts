import { error, fail, redirect } from '@sveltejs/kit';
import { declarationFormSchema } from '$lib/domain/jury/score-form';
import { ITEM_LIST_FIELDS, parseItemStatus } from '$lib/domain/jury/item-filter';
import { keptQuery, listPage, withField } from '$lib/domain/kept-query';
import type { EvaluatedStage } from '$lib/domain/stages';
import { getLocale } from '$lib/paraglide/runtime';
import { invalid, readForm, validateForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { juryFailure, juryRefusalAsHttp } from '$lib/server/http/jury-refusals';
import { translate } from '$lib/server/i18n';
import {
	declareConflicts,
	declareNoneRemaining,
	getJurorStage,
	JUROR_PAGE_SIZE
} from '$lib/server/jury/juror';
import type { Actions, PageServerLoad } from './$types';

/** The fields of the page's address its links and redirects keep: the status and both pages. */
const JUROR_LIST_FIELDS = [...ITEM_LIST_FIELDS, 'declare-page'];

// A juror's stage: first the declarations of conflict of interest (each item's team and
// its members' organisations, before any item opens), then the items assigned to them,
// each list a page at a time (`declare-page`, `page`).
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const stage = params.stage as EvaluatedStage;
	// The items may be narrowed to a status (a GET form); a value that is not one is all.
	const status = parseItemStatus(url.searchParams);
	const jury = await locals.db
		.as(user, (tx) =>
			getJurorStage(tx, params.id, stage, getLocale(), status, {
				declare: listPage(url.searchParams.get('declare-page')),
				items: listPage(url.searchParams.get('page'))
			})
		)
		.catch(juryRefusalAsHttp);
	if (!jury) error(404, 'Not found');
	return {
		jury,
		status,
		size: JUROR_PAGE_SIZE,
		kept: keptQuery(url.searchParams, JUROR_LIST_FIELDS),
		// An item's page links back to the list as narrowed and paged.
		itemKept: keptQuery(url.searchParams, ITEM_LIST_FIELDS)
	};
};

/** The page again, saying the declarations are recorded, with the lists' status and pages kept. */
const declared = (url: URL) =>
	withField(url.pathname, keptQuery(url.searchParams, JUROR_LIST_FIELDS), 'notice', 'declared');

export const actions: Actions = {
	// Declarations per item; a conflict is final, so a post declaring one needs `confirm`
	// (the page asks first; without JavaScript an unconfirmed post shows the question).
	declare: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const raw = (await readForm(request)) ?? {};
		const parsed = validateForm(raw, declarationFormSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const { declarations, confirmed } = parsed.data;
		if (!declarations.length) {
			return fail(400, { values: raw, errors: { form: translate('juror_declare_choose') } });
		}
		if (declarations.some((d) => d.conflict) && !confirmed) {
			return fail(400, {
				values: raw,
				errors: { confirm: translate('juror_conflict_confirm_needed') }
			});
		}
		try {
			await locals.db.as(user, (tx) =>
				declareConflicts(tx, params.id, params.stage as EvaluatedStage, declarations)
			);
		} catch (e) {
			return juryFailure(e);
		}
		redirect(303, declared(url));
	},

	// No conflict on every item not yet declared: not final (a conflict may follow), no question.
	declareNone: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		try {
			await locals.db.as(user, (tx) =>
				declareNoneRemaining(tx, params.id, params.stage as EvaluatedStage)
			);
		} catch (e) {
			return juryFailure(e);
		}
		redirect(303, declared(url));
	}
};
