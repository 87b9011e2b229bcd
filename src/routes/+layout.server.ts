import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user
		? {
				id: locals.user.id,
				displayName: locals.user.displayName,
				email: locals.user.email,
				isAdmin: locals.user.isAdmin,
				memberships: locals.user.memberships
			}
		: null
});
