import { redirect } from '@sveltejs/kit';
import { clearSessionCookie, sessionCookieName } from '$lib/server/auth/cookies';
import { deleteSession } from '$lib/server/auth/sessions';
import { hashToken } from '$lib/server/auth/tokens';
import { disconnectSession } from '$lib/server/realtime/sessions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ cookies, url, locals }) => {
		const token = cookies.get(sessionCookieName(url));
		if (token) {
			await locals.db.service('sign out', (tx) => deleteSession(tx, token));
			// Its sockets close on every instance, now and not at their next op.
			disconnectSession(hashToken(token));
		}
		clearSessionCookie(cookies, url);
		redirect(303, '/auth/sign-in?notice=signed-out');
	}
};
