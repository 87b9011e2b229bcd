import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/http/guards';
import { orRoleRefused, RoleRefused } from '$lib/server/http/role-refusals';
import { translate } from '$lib/server/i18n';
import { acceptInvitation, declineInvitation, invitationPreview } from '$lib/server/teams';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const preview = await locals.db.as(locals.user, (tx) => invitationPreview(tx, params.token));
	if (!preview) error(404, 'Not found');
	return { preview };
};

export const actions: Actions = {
	accept: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		// A role that clashes with the team's (a juror or facilitator of a challenge it
		// applied to, a guest of its workshop: 20261217000300_role_clashes.sql), in words.
		const accepted = await orRoleRefused(
			locals.db.as(user, (tx) => acceptInvitation(tx, params.token))
		);
		if (accepted instanceof RoleRefused)
			return fail(accepted.status, { failed: 'refused', message: accepted.message });
		const { result, teamId } = accepted;
		if ((result === 'joined' || result === 'already_member') && teamId) {
			redirect(303, `/teams/${teamId}${result === 'joined' ? '?notice=joined' : ''}`);
		}
		const status = result === 'unknown' ? 404 : result === 'wrong_account' ? 403 : 409;
		return fail(status, { failed: result, message: translate(`error_invitation_${result}`) });
	},

	// Declining needs no account: the mailed link is the proof. The page asks first
	// (a plain form, so it works without JavaScript); this is the confirmed post.
	decline: async ({ locals, params }) => {
		const result = await locals.db.as(locals.user, (tx) => declineInvitation(tx, params.token));
		if (result === 'declined') redirect(303, `/invitations/${params.token}?notice=declined`);
		const status = result === 'unknown' ? 404 : 409;
		return fail(status, { failed: result, message: translate(`error_invitation_${result}`) });
	}
};
