import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/http/guards';
import { orRoleRefused, RoleRefused } from '$lib/server/http/role-refusals';
import { translate } from '$lib/server/i18n';
import {
	acceptOrganisationInvitation,
	organisationInvitationPreview
} from '$lib/server/organisations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const preview = await locals.db.as(locals.user, (tx) =>
		organisationInvitationPreview(tx, params.token)
	);
	if (!preview) error(404, 'Not found');
	return { preview };
};

export const actions: Actions = {
	accept: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		// An owner chairs the jury of each challenge: never a juror of one (role_chair_is_juror).
		const accepted = await orRoleRefused(
			locals.db.as(
				user,
				async (tx) =>
					[
						await organisationInvitationPreview(tx, params.token),
						await acceptOrganisationInvitation(tx, params.token)
					] as const
			)
		);
		if (accepted instanceof RoleRefused)
			return fail(accepted.status, { failed: 'refused', message: accepted.message });
		const [preview, outcome] = accepted;
		if ((outcome === 'joined' || outcome === 'already_member') && preview) {
			redirect(303, `/organisations/${preview.slug}?notice=${outcome}#members-heading`);
		}
		const status = outcome === 'unknown' ? 404 : outcome === 'wrong_account' ? 403 : 409;
		return fail(status, { failed: outcome, message: translate(`error_invitation_${outcome}`) });
	}
};
