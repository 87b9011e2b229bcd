import { redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/domain/locale';
import { safeRedirectPath } from '$lib/domain/safe-path';
import { setLocaleCookie } from '$lib/server/http/cookies';
import { updateOwnProfile } from '$lib/server/profiles';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request, cookies, locals }) => {
		const form = await request.formData().catch(() => new FormData());
		const locale = form.get('locale');
		const back = safeRedirectPath(form.get('redirectTo'));
		if (isLocale(locale)) {
			setLocaleCookie(cookies, locale);
			// A signed-in person's choice follows them to other devices.
			const user = locals.user;
			if (user) await locals.db.as(user, (tx) => updateOwnProfile(tx, user.id, { locale }));
		}
		redirect(303, back);
	}
};
