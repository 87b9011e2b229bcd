import type { Cookies } from '@sveltejs/kit';
import type { Database } from '../db';
import { adoptProfileLocale } from './cookies';

/**
 * The profile's language at the end of a sign-in where it was not read with the session
 * (Supabase mode: the password, a mailed link or the provider coming back, the second
 * factor's code; issue 16 leftovers, where these skipped it): reads the profile of
 * `userId` and hands it to adoptProfileLocale, the one rule local mode's sign-ins apply
 * too (the person's choice on this browser wins). Nothing for a user without a profile.
 */
export async function applyProfileLocale(
	db: Database,
	cookies: Cookies,
	userId: string
): Promise<void> {
	const [profile] = await db.service('sign in: profile language', (tx) =>
		tx.query<{ locale: string }>('select locale from public.profiles where id = $1', [userId])
	);
	if (profile) adoptProfileLocale(cookies, profile.locale);
}
