import { redirect } from '@sveltejs/kit';
import { clearSessionCookie, sessionCookieName } from '$lib/server/auth/cookies';
import { deleteSession } from '$lib/server/auth/sessions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ cookies, url, locals }) => {
		const token = cookies.get(sessionCookieName(url));
		if (token) await locals.db.service('sign out', (tx) => deleteSession(tx, token));
		clearSessionCookie(cookies, url);
		redirect(303, '/auth/sign-in?notice=signed-out');
	}
};
