import type { Cookies, RequestEvent } from '@sveltejs/kit';
import type { SupabaseClient } from '@supabase/supabase-js';
import { config } from '../config';
import type { Database } from '../db';
import type { CookieJar, RequestAuth } from '../auth/request-auth';
import { signOut, validateSession } from '../auth/sessions';
import { supabaseRequestAuth } from '../auth/supabase';
import { clearSessionCookie, secureContext, sessionCookieName } from './cookies';

/** SvelteKit's cookies as the auth adapters' jar: httpOnly, the site's whole path, Secure where the session cookie is. */
export function cookieJar(cookies: Cookies, url: URL): CookieJar {
	return {
		getAll: () => cookies.getAll(),
		set: (name, value, options) =>
			cookies.set(name, value, {
				...options,
				path: '/',
				httpOnly: true,
				sameSite: 'lax',
				secure: secureContext(url)
			})
	};
}

/** Local accounts: the session cookie's token, looked up in local_auth.sessions. */
function localRequestAuth(db: Database, cookies: Cookies, url: URL): RequestAuth {
	const token = () => cookies.get(sessionCookieName(url));
	return {
		async user() {
			const t = token();
			if (!t) return null;
			const user = await db.statement('session lookup', (q) => validateSession(q, t));
			if (!user) clearSessionCookie(cookies, url);
			return user;
		},
		async signOut(audit) {
			const t = token();
			// Its sockets close on every instance, now and not at their next op.
			if (t) await signOut(db, t, 'sign out', audit);
			clearSessionCookie(cookies, url);
		}
	};
}

/**
 * The request's authentication in the configured mode (config.supabase): Supabase Auth's
 * per-request client over the request's cookies, or local accounts. `supabase` is that
 * client in Supabase mode (sign-in, password change), null locally.
 */
export function requestAuth(
	event: Pick<RequestEvent, 'cookies' | 'url'>,
	db: Database
): RequestAuth & { supabase: SupabaseClient | null } {
	if (config.supabase) {
		const auth = supabaseRequestAuth(config.supabase, db, cookieJar(event.cookies, event.url));
		return { user: auth.user, signOut: auth.signOut, supabase: auth.client };
	}
	return { ...localRequestAuth(db, event.cookies, event.url), supabase: null };
}
