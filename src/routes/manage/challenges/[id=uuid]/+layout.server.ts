import { error } from '@sveltejs/kit';
import { pickLocalized } from '$lib/domain/locale';
import { getLocale } from '$lib/paraglide/runtime';
import { getChallengeDetail } from '$lib/server/challenges/detail';
import { requireUser } from '$lib/server/http/guards';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const challenge = await locals.db.as(user, (tx) =>
		getChallengeDetail(tx, { id: params.id }, user.id)
	);
	if (!challenge?.canManage) error(404, 'Not found');
	// Every manage page's <title> names the challenge (WCAG 2.4.2, issue 12).
	const challengeName = pickLocalized(challenge.title, getLocale(), challenge.primaryLocale).text;
	return { challenge, challengeName };
};
