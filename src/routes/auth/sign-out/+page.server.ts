import { redirect } from '@sveltejs/kit';
import { requestAuth } from '$lib/server/http/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	// The session ends (local accounts, or Supabase Auth's signOut), the audit log records it,
	// and its sockets close on every instance, now and not at their next op.
	default: async ({ cookies, url, locals }) => {
		const who = locals.user ? { userId: locals.user.id, address: locals.user.address } : undefined;
		await requestAuth({ cookies, url }, locals.db).signOut(who);
		redirect(303, '/auth/sign-in?notice=signed-out');
	}
};
