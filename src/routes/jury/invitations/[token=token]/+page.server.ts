import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/http/guards';
import { orRoleRefused, RoleRefused } from '$lib/server/http/role-refusals';
import { translate } from '$lib/server/i18n';
import { acceptJuryInvitation, juryInvitationPreview } from '$lib/server/jury/juror';
import type { Actions, PageServerLoad } from './$types';

// The link of the jury invitation mail (public.jury_invite): what it invites to, before
// anyone signs in; accepting needs the invited address, as with team invitations.
export const load: PageServerLoad = async ({ locals, params }) => {
	const preview = await locals.db.as(locals.user, (tx) => juryInvitationPreview(tx, params.token));
	if (!preview) error(404, 'Not found');
	return { preview };
};

export const actions: Actions = {
	accept: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		// A role the person holds that clashes with a juror's (chairing the jury, a team
		// that applied: 20261217000300_role_clashes.sql) is refused in words.
		const accepted = await orRoleRefused(
			locals.db.as(user, (tx) => acceptJuryInvitation(tx, params.token))
		);
		if (accepted instanceof RoleRefused)
			return fail(accepted.status, { failed: 'refused', message: accepted.message });
		const { outcome, challengeId, stage } = accepted;
		if (outcome === 'accepted') redirect(303, `/jury/${challengeId}/${stage}?notice=accepted`);
		const status = outcome === 'unknown' ? 404 : outcome === 'wrong_account' ? 403 : 409;
		const words =
			outcome === 'expired' || outcome === 'withdrawn'
				? `juror_invitation_${outcome}`
				: `error_invitation_${outcome}`;
		return fail(status, { failed: outcome, message: translate(words) });
	}
};
