import { error } from '@sveltejs/kit';
import { getChallengeDetail } from '$lib/server/challenges/detail';
import { requireUser } from '$lib/server/guards';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	if (!/^[0-9a-f-]{36}$/.test(params.id)) error(404, 'Not found');
	const challenge = await locals.db.as(user, (tx) =>
		getChallengeDetail(tx, { id: params.id }, user.id)
	);
	if (!challenge?.canManage) error(404, 'Not found');
	return { challenge };
};
