import { redirect } from '@sveltejs/kit';
import { clearSessionCookie, sessionCookieName } from '$lib/server/http/cookies';
import { signOut } from '$lib/server/auth/sessions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ cookies, url, locals }) => {
		const token = cookies.get(sessionCookieName(url));
		// Its sockets close on every instance, now and not at their next op.
		if (token)
			await signOut(
				locals.db,
				token,
				'sign out',
				locals.user ? { userId: locals.user.id, address: locals.user.address } : undefined
			);
		clearSessionCookie(cookies, url);
		redirect(303, '/auth/sign-in?notice=signed-out');
	}
};
