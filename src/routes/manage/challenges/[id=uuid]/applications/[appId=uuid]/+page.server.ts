import { error, redirect } from '@sveltejs/kit';
import { getSubmitted } from '$lib/server/applications/screening';
import { nextToScreen, screenApplication } from '$lib/server/applications/screening-form';
import type { SnapshotWorkEntry } from '$lib/domain/application-snapshot';
import type { TeamProject } from '$lib/domain/work-history';
import { getLocale } from '$lib/paraglide/runtime';
import { keptQuery, withField } from '$lib/domain/kept-query';
import { parseScreeningQuery, screeningFilterOf } from '$lib/domain/screening-filter';
import { invalid, readForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	// Reached from a narrowed list, the page links back to it and on to the next team to
	// screen that the list's search finds (any state: the next one has none yet).
	const { words } = screeningFilterOf(parseScreeningQuery(url.searchParams));
	// The reads are sent together (issue 16).
	const [app, next] = await locals.db.as(user, (tx) =>
		Promise.all([
			getSubmitted(tx, params.id, params.appId),
			nextToScreen(tx, params.id, params.appId, getLocale(), words)
		])
	);
	if (!app) error(404, 'Not found');
	const { snapshot } = app;
	return {
		next,
		kept: keptQuery(url.searchParams),
		application: {
			...app,
			snapshot: {
				...snapshot,
				workHistory: snapshot.workHistory as unknown as SnapshotWorkEntry[],
				commonProjects: snapshot.commonProjects as unknown as TeamProject[]
			}
		}
	};
};

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const raw = (await readForm(request)) ?? {};
		const outcome = await locals.db.as(user, (tx) =>
			screenApplication(tx, params.id, params.appId, raw, getLocale())
		);
		if (!outcome) error(404, 'Not found');
		if (outcome.ok === 'preview') return { values: raw, preview: outcome.preview };
		if (!outcome.ok) return invalid(raw, outcome.errors);
		// The form posts to the page's own address: the list query it holds stays.
		redirect(
			303,
			withField(url.pathname, keptQuery(url.searchParams), outcome.decided ? 'decided' : 'saved')
		);
	}
};
