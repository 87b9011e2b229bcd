import { getLocale } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/http/guards';
import { loadDashboard } from '$lib/server/dashboard';
import type { PageServerLoad } from './$types';

// The signed-in person's home: where sign-in lands (unless it was given a redirectTo).
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { dashboard: await loadDashboard(locals.db, user, getLocale()) };
};
