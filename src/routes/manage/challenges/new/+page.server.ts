import { error, redirect } from '@sveltejs/kit';
import { parseBasics } from '$lib/domain/challenge-schemas';
import { getLocale } from '$lib/paraglide/runtime';
import { createDraft } from '$lib/server/challenges/editor';
import { myOrganisations } from '$lib/server/challenges/dashboard';
import { invalid, readForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

async function organisationFor(locals: App.Locals, url: URL) {
	const user = requireUser(locals, url);
	const slug = url.searchParams.get('organisation');
	const orgs = await locals.db.as(user, (tx) => myOrganisations(tx, user.id, getLocale()));
	const org = orgs.find((o) => o.slug === slug) ?? (orgs.length === 1 ? orgs[0] : undefined);
	if (!org) error(404, 'Not found');
	return { user, org };
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const { org } = await organisationFor(locals, url);
	return { organisation: org, locale: getLocale() };
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const { user, org } = await organisationFor(locals, url);
		const raw = (await readForm(request)) ?? {};
		const parsed = parseBasics(raw);
		if (!parsed.ok) return invalid(raw, parsed.errors);
		const created = await locals.db.as(user, (tx) => createDraft(tx, org.id, parsed.data));
		redirect(303, `/manage/challenges/${created.id}/timetable?created=1`);
	}
};
