import { redirect } from '@sveltejs/kit';
import type { SessionUser } from './auth/sessions';

/** The signed-in user, or a redirect to sign-in that comes back here afterwards. */
export function requireUser(locals: App.Locals, url: URL): SessionUser {
	if (!locals.user) {
		redirect(303, `/auth/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	}
	return locals.user;
}
