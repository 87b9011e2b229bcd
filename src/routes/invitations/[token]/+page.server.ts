import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/guards';
import { translate } from '$lib/server/i18n';
import { acceptInvitation, invitationPreview } from '$lib/server/teams';
import type { Actions, PageServerLoad } from './$types';

// Tokens are 20 random bytes in base32; anything far longer is not one of ours.
const plausible = (token: string) => token.length > 0 && token.length <= 200;

export const load: PageServerLoad = async ({ locals, params }) => {
	const preview = plausible(params.token)
		? await locals.db.as(locals.user, (tx) => invitationPreview(tx, params.token))
		: null;
	if (!preview) error(404, 'Not found');
	return { preview };
};

export const actions: Actions = {
	accept: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		if (!plausible(params.token)) error(404, 'Not found');
		const { result, teamId } = await locals.db.as(user, (tx) => acceptInvitation(tx, params.token));
		if ((result === 'joined' || result === 'already_member') && teamId) {
			redirect(303, `/teams/${teamId}${result === 'joined' ? '?notice=joined' : ''}`);
		}
		const status = result === 'unknown' ? 404 : result === 'wrong_account' ? 403 : 409;
		return fail(status, { failed: result, message: translate(`error_invitation_${result}`) });
	}
};
