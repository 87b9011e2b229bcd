import { error, redirect } from '@sveltejs/kit';
import { getSubmitted } from '$lib/server/applications/screening';
import { nextToScreen, screenApplication } from '$lib/server/applications/screening-form';
import type { SnapshotWorkEntry } from '$lib/domain/application-snapshot';
import type { TeamProject } from '$lib/domain/work-history';
import { getLocale } from '$lib/paraglide/runtime';
import { invalid, readForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	// The reads are sent together (issue 16).
	const [app, next] = await locals.db.as(user, (tx) =>
		Promise.all([
			getSubmitted(tx, params.id, params.appId),
			nextToScreen(tx, params.id, params.appId, getLocale())
		])
	);
	if (!app) error(404, 'Not found');
	const { snapshot } = app;
	return {
		next,
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
		redirect(303, `${url.pathname}?${outcome.decided ? 'decided' : 'saved'}=1`);
	}
};
