import { error, redirect } from '@sveltejs/kit';
import { getSubmitted } from '$lib/server/applications/screening';
import { screenApplication } from '$lib/server/applications/screening-form';
import type { SnapshotWorkEntry } from '$lib/domain/application-snapshot';
import type { TeamProject } from '$lib/domain/work-history';
import { invalid, readForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	if (!UUID.test(params.appId)) error(404, 'Not found');
	const app = await locals.db.as(user, (tx) => getSubmitted(tx, params.id, params.appId));
	if (!app) error(404, 'Not found');
	const { snapshot } = app;
	return {
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
		if (!UUID.test(params.appId)) error(404, 'Not found');
		const raw = (await readForm(request)) ?? {};
		const outcome = await locals.db.as(user, (tx) =>
			screenApplication(tx, params.id, params.appId, raw)
		);
		if (!outcome) error(404, 'Not found');
		if (!outcome.ok) return invalid(raw, outcome.errors);
		redirect(303, `${url.pathname}?${outcome.decided ? 'decided' : 'saved'}=1`);
	}
};
