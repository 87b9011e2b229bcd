import { redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { teamSchema } from '$lib/domain/team-schemas';
import { invalid, parseForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { createTeam, myTeams } from '$lib/server/teams';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { teams: await locals.db.as(user, (tx) => myTeams(tx, user.id, getLocale())) };
};

export const actions: Actions = {
	create: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, teamSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const id = await locals.db.as(user, (tx) => createTeam(tx, parsed.data));
		redirect(303, `/teams/${id}?notice=created`);
	}
};
