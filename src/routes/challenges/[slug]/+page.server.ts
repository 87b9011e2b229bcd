import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { applicationsOpenAt } from '$lib/domain/application-window';
import { applyTeams } from '$lib/server/applications/apply-options';
import { startApplication } from '$lib/server/applications/editor';
import { questionSchema } from '$lib/domain/challenge-schemas';
import { pickLocalized } from '$lib/domain/locale';
import { getLocale } from '$lib/paraglide/runtime';
import { getChallengeDetail } from '$lib/server/challenges/detail';
import { visitorView } from '$lib/server/challenges/visitor-cache';
import { follow, unfollow } from '$lib/server/challenges/followers';
import { askQuestion } from '$lib/server/challenges/questions';
import { invalid, parseForm } from '$lib/server/forms';
import { limit } from '$lib/server/http/limits';
import { requireUser } from '$lib/server/guards';
import { challengeWorkshops } from '$lib/server/workshops/list';
import { renderMarkdown } from '$lib/server/markdown';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const fetch = () =>
		locals.db.as(locals.user, (tx) =>
			getChallengeDetail(tx, { slug: params.slug }, locals.user?.id ?? null)
		);
	const challenge = locals.user ? await fetch() : await visitorView(params.slug, fetch);
	if (!challenge) error(404, 'Not found');
	const body = pickLocalized(challenge.body, getLocale(), challenge.primaryLocale);
	// Only signed-in people get the Apply panel's teams: the visitor's page stays cacheable.
	const applyTeamsOf =
		locals.user && applicationsOpenAt(challenge.stages, new Date())
			? await locals.db.as(locals.user, (tx) => applyTeams(tx, challenge.id, locals.user!.id))
			: null;
	// The workshops this reader takes part in, facilitates or owns, with their outcomes.
	const workshops = locals.user
		? await locals.db.as(locals.user, (tx) => challengeWorkshops(tx, challenge.id))
		: [];
	return {
		challenge,
		applyTeams: applyTeamsOf,
		workshops,
		body: { html: renderMarkdown(body.text), lang: body.lang, fallback: body.fallback }
	};
};

const applySchema = z.object({ teamId: z.uuid() });

async function challengeId(locals: App.Locals, slug: string) {
	const [row] = await locals.db.as(locals.user, (tx) =>
		tx.query<{ id: string }>('select id from public.challenges where slug = $1', [slug])
	);
	if (!row) error(404, 'Not found');
	return row.id;
}

export const actions: Actions = {
	follow: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		const id = await challengeId(locals, params.slug);
		await locals.db.as(user, (tx) => follow(tx, id));
		redirect(303, `/challenges/${params.slug}?followed=1`);
	},
	unfollow: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		const id = await challengeId(locals, params.slug);
		await locals.db.as(user, (tx) => unfollow(tx, id));
		redirect(303, `/challenges/${params.slug}`);
	},
	apply: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const id = await challengeId(locals, params.slug);
		const parsed = await parseForm(request, applySchema);
		if (!parsed.ok) return invalid(parsed.values, { teamId: 'error_form' });
		const result = await locals.db.as(user, (tx) => startApplication(tx, id, parsed.data.teamId));
		if (result.ok || result.id) redirect(303, `/applications/${result.id}`);
		const message =
			result.reason === 'closed' ? 'error_application_closed' : 'error_not_team_member';
		return invalid(parsed.values, { teamId: message }, result.reason === 'closed' ? 409 : 403);
	},
	ask: async (event) => {
		const { locals, url, params, request } = event;
		const user = requireUser(locals, url);
		const id = await challengeId(locals, params.slug);
		const parsed = await parseForm(request, questionSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const limited = limit(event, 'question', user.id);
		if (limited) return invalid(parsed.values, { question: limited.key }, 429, limited.params);
		const result = await locals.db.as(user, (tx) => askQuestion(tx, id, parsed.data.question));
		if (!result.ok) return invalid(parsed.values, { question: 'error_questions_closed' }, 409);
		redirect(303, `/challenges/${params.slug}?asked=1#questions`);
	}
};
