import { combineChunks, createServerClient, stringFromBase64URL } from '@supabase/ssr';
import {
	createClient,
	isAuthError,
	isAuthWeakPasswordError,
	type SupabaseClient,
	type User
} from '@supabase/supabase-js';
import type { SupabaseConfig } from '../config';
import type { Database, Queryable } from '../db';
import { log } from '../log';
import { notifier } from '../notifier';
import { recordAudit } from '../audit';
import type { CookieJar, RequestAuth } from './request-auth';
import { isCommonPassword } from './passwords';
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
				log.info(
					{ err: answer.error.message, status: answer.error.status },
					'supabase: user refused'
				);
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

/**
 * The SessionUser of a verified identity, or null without a profile, and null while the
 * session still owes its second factor's code (aal1 with a verified factor): such a
 * session is signed in only for the code page (/auth/sign-in/code).
 */
export async function supabaseSessionUser(
	db: Database,
	identity: SupabaseIdentity | null
): Promise<SessionUser | null> {
	if (!identity || identity.codeOwed) return null;
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
		async signOut(audit) {
			const who = await verified();
			// Scope 'local': this browser's session; its refresh token is revoked at the server.
			const { error } = await client.auth.signOut({ scope: 'local' }).catch((err) => ({
				error: err as Error
			}));
			if (error) log.warn({ err: error.message }, 'supabase: sign-out failed');
			if (audit)
				await db.service('sign out', (tx) =>
					recordAudit(tx, {
						action: 'sign_out',
						targetKind: 'user',
						targetId: audit.userId,
						actorId: audit.userId,
						address: audit.address
					})
				);
			if (who?.sessionId) notifier().sessionEnded(who.sessionId);
		}
	};
}

/** How a password change went, with the same reasons as local mode's (password-change.ts). */
export type SupabasePasswordChange =
	{ ok: true } | { ok: false; reason: 'wrong_current' | 'same' | 'common' };

/**
 * Changes the signed-in person's password through Supabase Auth (updateUser), with local
 * mode's rules (password-change.ts): the current password must be right (checked by a
 * sign-in of a throwaway client whose session is ended at once), the new one differ and
 * pass the same strength check (isCommonPassword, and Supabase's own: AuthWeakPasswordError
 * is 'common'). Then every other session of theirs ends (signOut scope 'others') and their
 * other sockets close; the request's own session stays. Throws when the Auth server
 * refuses for another reason (e.g. "secure password change" switched on in the project).
 */
export async function changeSupabasePassword(
	supabase: SupabaseConfig,
	client: SupabaseClient,
	user: Pick<SessionUser, 'id' | 'email' | 'displayName' | 'sessionId'>,
	current: string,
	next: string
): Promise<SupabasePasswordChange> {
	if (!(await supabasePasswordProves(supabase, user, current)))
		return { ok: false, reason: 'wrong_current' };
	if (current === next) return { ok: false, reason: 'same' };
	if (isCommonPassword(next, [user.email, user.displayName]))
		return { ok: false, reason: 'common' };
	const { error } = await client.auth.updateUser({ password: next });
	if (error) {
		if (isAuthWeakPasswordError(error)) return { ok: false, reason: 'common' };
		throw new Error(`supabase: password change refused: ${error.message}`);
	}
	await client.auth.signOut({ scope: 'others' }).catch(() => undefined);
	notifier().sessionsEnded(user.id, user.sessionId);
	return { ok: true };
}

/**
 * Whether `password` is the person's current password in Supabase Auth: a throwaway
 * stateless client signs in with it (the person's own session is untouched) and signs that
 * session out again. For the checks that ask for the current password (password change,
 * account erasure). False for a wrong password or another account's.
 */
export async function supabasePasswordProves(
	supabase: SupabaseConfig,
	user: Pick<SessionUser, 'id' | 'email'>,
	password: string
): Promise<boolean> {
	const check = createClient(supabase.url, supabase.anonKey, { auth: STATELESS });
	const signedIn = await check.auth.signInWithPassword({ email: user.email, password });
	if (signedIn.error || signedIn.data.user?.id !== user.id) return false;
	await check.auth.signOut({ scope: 'local' }).catch(() => undefined);
	return true;
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

/** How a Supabase sign-in went: signed in (cookies set through the client's jar), or why not. */
export type SupabaseSignIn =
	{ ok: true; userId: string } | { ok: false; reason: 'invalid' | 'unconfirmed' | 'unavailable' };

/**
 * Email and password through Supabase Auth (signInWithPassword). A wrong pair and an
 * unknown address are the same 'invalid'; an address not yet confirmed is 'unconfirmed';
 * the Auth server out of reach is 'unavailable'. Never throws for these.
 */
export async function supabasePasswordSignIn(
	client: SupabaseClient,
	email: string,
	password: string
): Promise<SupabaseSignIn> {
	try {
		const { data, error } = await client.auth.signInWithPassword({ email, password });
		if (!error) return { ok: true, userId: data.user.id };
		if (error.code === 'email_not_confirmed') return { ok: false, reason: 'unconfirmed' };
		return { ok: false, reason: error.status && error.status < 500 ? 'invalid' : 'unavailable' };
	} catch (err) {
		log.warn({ err: isAuthError(err) ? err.message : err }, 'supabase: sign-in failed');
		return { ok: false, reason: 'unavailable' };
	}
}

/**
 * Mails a sign-in link (signInWithOtp) that comes back to `callback` (/auth/callback). The
 * answer is the same whether or not the address has an account; true unless the Auth
 * server refused or could not be reached.
 */
export async function supabaseMagicLink(
	client: SupabaseClient,
	email: string,
	callback: string
): Promise<boolean> {
	try {
		const { error } = await client.auth.signInWithOtp({
			email,
			options: { emailRedirectTo: callback, shouldCreateUser: true }
		});
		if (error)
			log.info({ err: error.message, status: error.status }, 'supabase: magic link refused');
		return !error || (error.status !== undefined && error.status < 500 && error.status !== 429);
	} catch (err) {
		log.warn({ err: isAuthError(err) ? err.message : err }, 'supabase: magic link failed');
		return false;
	}
}

/**
 * The provider's sign-in address for `provider` (signInWithOAuth, PKCE: the verifier is
 * kept in a cookie through the client's jar), coming back to `callback`; null on failure.
 * Azure AD is asked for the email scope, which Supabase needs to name the account.
 */
export async function supabaseOAuthUrl(
	client: SupabaseClient,
	provider: string,
	callback: string
): Promise<string | null> {
	const { data, error } = await client.auth
		.signInWithOAuth({
			provider: provider as Parameters<typeof client.auth.signInWithOAuth>[0]['provider'],
			options: {
				redirectTo: callback,
				skipBrowserRedirect: true,
				...(provider === 'azure' ? { scopes: 'email' } : {})
			}
		})
		.catch((err: unknown) => ({ data: { url: null }, error: err as Error }));
	if (error) log.warn({ err: error.message }, 'supabase: OAuth start failed');
	return data?.url ?? null;
}

/** What /auth/callback may bring back: a PKCE code (OAuth, magic link) or a token hash. */
export type CallbackParams =
	| { code: string }
	| {
			tokenHash: string;
			type: 'email' | 'magiclink' | 'signup' | 'recovery' | 'invite' | 'email_change';
	  };

/**
 * Completes a sign-in that came back to /auth/callback: exchangeCodeForSession for a code,
 * verifyOtp for a token hash. The signed-in user's id when a session was set (cookies
 * through the jar); any failure (used or expired link, another browser's code) is null,
 * never a throw.
 */
export async function supabaseCallback(
	client: SupabaseClient,
	params: CallbackParams
): Promise<string | null> {
	try {
		const { data, error } =
			'code' in params
				? await client.auth.exchangeCodeForSession(params.code)
				: await client.auth.verifyOtp({ token_hash: params.tokenHash, type: params.type });
		if (error) log.info({ err: error.message, status: error.status }, 'supabase: callback refused');
		return error ? null : (data.user?.id ?? null);
	} catch (err) {
		log.warn({ err: isAuthError(err) ? err.message : err }, 'supabase: callback failed');
		return null;
	}
}
