import { combineChunks, createServerClient, stringFromBase64URL } from '@supabase/ssr';
import { createClient, isAuthError, type SupabaseClient, type User } from '@supabase/supabase-js';
import type { SupabaseConfig } from '../config';
import type { Database, Queryable } from '../db';
import { log } from '../log';
import { notifier } from '../notifier';
import type { CookieJar, RequestAuth } from './request-auth';
import type { SessionUser } from './sessions';
import {
	identityFromClaims,
	jwtPayload,
	sessionUserFrom,
	type ProfileRow,
	type SupabaseIdentity
} from './supabase-claims';

/**
 * The name of Supabase Auth's session cookie (chunked as `.0`, `.1` … when long), fixed
 * rather than derived from the project's address so that the socket handshake can read it
 * (accessTokenFromCookies).
 */
export const SUPABASE_COOKIE = 'talkoot-sb-auth';

/**
 * A Supabase client for one request, as @supabase/ssr's server client: the session lives in
 * the request's cookies (`jar`), refreshed tokens are written back through it. Uses the
 * anon key, so whatever it does is as the signed-in person. Never shared between requests.
 */
export function supabaseForRequest(supabase: SupabaseConfig, jar: CookieJar): SupabaseClient {
	return createServerClient(supabase.url, supabase.anonKey, {
		cookieOptions: { name: SUPABASE_COOKIE },
		cookies: {
			getAll: () => jar.getAll(),
			setAll: (cookies) => {
				for (const { name, value, options } of cookies) {
					const { maxAge, expires, sameSite, domain } = options;
					jar.set(name, value, { maxAge, expires, sameSite, domain });
				}
			}
		}
	});
}

let admin: SupabaseClient | undefined;
let anon: SupabaseClient | undefined;

const STATELESS = { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false };

/** An anon-key client without a session: for checking a token someone presents. */
function supabaseAnon(supabase: SupabaseConfig): SupabaseClient {
	anon ??= createClient(supabase.url, supabase.anonKey, { auth: STATELESS });
	return anon;
}

/**
 * The service-role client (server-only: it passes every policy): for Storage and the
 * Auth admin API (deleting a user at erasure). It keeps no session of its own.
 */
export function supabaseAdmin(supabase: SupabaseConfig): SupabaseClient {
	admin ??= createClient(supabase.url, supabase.serviceRoleKey, { auth: STATELESS });
	return admin;
}

/**
 * Who Supabase Auth vouches for in this client's session: getUser() asks the Auth server
 * (so a revoked session, a deleted user or a forged cookie is refused at once; getSession()
 * alone is never trusted), then the claims of the very token it accepted give `aal` and
 * `session_id`. Every failure (no session, an AuthApiError, the server unreachable, any
 * other throw) is null: the request is a visitor's, never a 500. Expected ones (no
 * session) are silent, others logged.
 */
export async function verifiedIdentity(client: SupabaseClient): Promise<SupabaseIdentity | null> {
	let user: User | null;
	try {
		const answer = await client.auth.getUser();
		if (answer.error) {
			if (answer.error.name !== 'AuthSessionMissingError')
				log.info({ err: answer.error.message, status: answer.error.status }, 'supabase: user refused');
			return null;
		}
		user = answer.data.user;
	} catch (err) {
		log.warn({ err: isAuthError(err) ? err.message : err }, 'supabase: user lookup failed');
		return null;
	}
	if (!user) return null;
	// The session getUser() just validated (same storage, no refresh in between).
	const { data } = await client.auth.getSession().catch(() => ({ data: { session: null } }));
	const token = data.session?.access_token;
	return token ? identityFromClaims(user, jwtPayload(token)) : null;
}

/**
 * The person's profile and what hangs on it, as local sessions load them (validateSession):
 * null when no profile exists (an account the platform has not seen; erased).
 */
export async function profileOf(tx: Queryable, userId: string): Promise<ProfileRow | null> {
	const [row] = await tx.query<ProfileRow>(
		`select p.email, p.display_name, p.locale,
		        exists (select 1 from public.platform_admins a where a.user_id = p.id) as is_admin,
		        (select count(*)::int from public.organisation_members m where m.user_id = p.id) as memberships
		 from public.profiles p where p.id = $1`,
		[userId]
	);
	return row ?? null;
}

/** The SessionUser of a verified identity, or null without a profile. */
export async function supabaseSessionUser(
	db: Database,
	identity: SupabaseIdentity | null
): Promise<SessionUser | null> {
	if (!identity) return null;
	const profile = await db.service('session lookup', (tx) => profileOf(tx, identity.id));
	if (!profile) {
		log.warn({ userId: identity.id }, 'supabase: signed-in user without a profile');
		return null;
	}
	return sessionUserFrom(identity, profile);
}

/** RequestAuth in Supabase mode: the per-request client over the request's cookies. */
export function supabaseRequestAuth(
	supabase: SupabaseConfig,
	db: Database,
	jar: CookieJar
): RequestAuth & { client: SupabaseClient } {
	const client = supabaseForRequest(supabase, jar);
	let identity: Promise<SupabaseIdentity | null> | undefined;
	const verified = () => (identity ??= verifiedIdentity(client));
	return {
		client,
		user: async () => supabaseSessionUser(db, await verified()),
		async signOut() {
			const who = await verified();
			// Scope 'local': this browser's session; its refresh token is revoked at the server.
			const { error } = await client.auth.signOut({ scope: 'local' }).catch((err) => ({
				error: err as Error
			}));
			if (error) log.warn({ err: error.message }, 'supabase: sign-out failed');
			if (who?.sessionId) notifier().sessionEnded(who.sessionId);
		}
	};
}

/**
 * Changes the signed-in person's password through Supabase Auth (updateUser) and, once
 * changed, ends their other sessions and closes those sockets (scope 'others'), as local
 * mode does after a password change. Returns an outcome; the Auth server's refusal
 * (a weak password, reauthentication needed) is `{ ok: false, reason }`.
 */
export async function changeSupabasePassword(
	client: SupabaseClient,
	user: Pick<SessionUser, 'id' | 'sessionId'>,
	password: string
): Promise<{ ok: true } | { ok: false; reason: 'weak' | 'refused' }> {
	const { error } = await client.auth.updateUser({ password });
	if (error) return { ok: false, reason: error.name === 'AuthWeakPasswordError' ? 'weak' : 'refused' };
	await client.auth.signOut({ scope: 'others' }).catch(() => undefined);
	notifier().sessionsEnded(user.id, user.sessionId);
	return { ok: true };
}

/**
 * The access token in a Cookie header's Supabase session (SUPABASE_COOKIE, chunked or
 * not, `base64-` encoded as @supabase/ssr writes it), or null. Reads only: a socket
 * handshake cannot set cookies, so it must never refresh (that would rotate the refresh
 * token behind the browser's back). The token is checked by the Auth server afterwards.
 */
export async function accessTokenFromCookies(
	cookies: Record<string, string | undefined>
): Promise<string | null> {
	const raw = await combineChunks(SUPABASE_COOKIE, (name) => cookies[name]);
	if (!raw) return null;
	try {
		const json = raw.startsWith('base64-') ? stringFromBase64URL(raw.slice(7)) : raw;
		const token = (JSON.parse(json) as { access_token?: unknown }).access_token;
		return typeof token === 'string' ? token : null;
	} catch {
		return null;
	}
}

/**
 * The SessionUser behind a socket handshake's cookies in Supabase mode, or null: the access
 * token is validated by the Auth server (getUser(token)), an expired one is refused (the
 * page's next load refreshes it).
 */
export async function supabaseHandshakeUser(
	supabase: SupabaseConfig,
	db: Database,
	cookies: Record<string, string | undefined>
): Promise<SessionUser | null> {
	const token = await accessTokenFromCookies(cookies);
	if (!token) return null;
	try {
		const { data, error } = await supabaseAnon(supabase).auth.getUser(token);
		if (error || !data.user) return null;
		return supabaseSessionUser(db, identityFromClaims(data.user, jwtPayload(token)));
	} catch (err) {
		log.warn({ err: isAuthError(err) ? err.message : err }, 'supabase: handshake lookup failed');
		return null;
	}
}

/**
 * Which of these Supabase sessions (auth.sessions ids, the JWT's session_id) still exist
 * and have not run out: the socket sweep and the check before each op.
 */
export async function liveSupabaseSessions(db: Database, ids: string[]): Promise<Set<string>> {
	const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/.test(id));
	if (!uuids.length) return new Set();
	const rows = await db.service('supabase session sweep', (tx) =>
		tx.query<{ id: string }>('select id::text from private.live_auth_sessions($1::uuid[]) id', [
			uuids
		])
	);
	return new Set(rows.map((r) => r.id));
}
