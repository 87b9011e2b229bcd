import { m } from '$lib/paraglide/messages';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const { user } = locals;
	if (!user) return { user: null, userMenu: null };
	return {
		user: {
			id: user.id,
			displayName: user.displayName,
			email: user.email,
			isAdmin: user.isAdmin,
			memberships: user.memberships
		},
		// The links only a signed-in reader has, worded here in their language: a visitor,
		// who never sees them, then downloads none of their words (issue 16). Manage and
		// Admin are null for those who cannot use them.
		userMenu: {
			nav: [
				{ href: '/dashboard', label: m.mywork_title() },
				{ href: '/teams', label: m.nav_teams() },
				{ href: '/workshops', label: m.nav_workshops() }
			],
			manage: user.memberships ? m.nav_manage() : null,
			admin: user.isAdmin ? m.nav_admin() : null,
			signOut: m.account_sign_out()
		}
	};
};
