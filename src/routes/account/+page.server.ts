import { error, redirect } from '@sveltejs/kit';
import { profileSchema } from '$lib/domain/account-schemas';
import { setLocaleCookie } from '$lib/server/http/cookies';
import { invalid, parseForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { getOwnProfile, updateOwnProfile } from '$lib/server/profiles';
import { getFeedToken, renewFeedToken } from '$lib/server/calendar-feeds';
import { absoluteUrl, webcalUrl } from '$lib/server/http/links';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	// The reads are sent together (issue 16).
	const [profile, feed] = await locals.db.as(user, (tx) =>
		Promise.all([getOwnProfile(tx, user.id), getFeedToken(tx)])
	);
	if (!profile) error(404, 'Not found');
	return {
		profile,
		feedUrl: feed ? absoluteUrl(`/calendar/${feed}.ics`) : null,
		feedWebcal: feed ? webcalUrl(`/calendar/${feed}.ics`) : null
	};
};

export const actions: Actions = {
	calendar: async ({ locals, url }) => {
		const user = requireUser(locals, url);
		await locals.db.as(user, (tx) => renewFeedToken(tx));
		redirect(303, '/account?feed=1#calendar');
	},
	save: async ({ locals, url, request, cookies }) => {
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, profileSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		await locals.db.as(user, (tx) => updateOwnProfile(tx, user.id, parsed.data));
		setLocaleCookie(cookies, parsed.data.locale);
		// A fresh page, so a new preferred language shows at once.
		redirect(303, '/account?saved=1');
	}
};
