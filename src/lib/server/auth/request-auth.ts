import type { SessionUser } from './sessions';

/**
 * What hooks.server.ts and the sign-out route ask of a request's authentication, whichever
 * mode is configured: local accounts (the session cookie, local_auth.sessions) or Supabase
 * Auth (auth/supabase.ts). Both give the same SessionUser, so `db.as` sets the same claims
 * and the same row-level security applies.
 */
export interface RequestAuth {
	/**
	 * The signed-in person of this request, or null. A missing, expired, forged or revoked
	 * credential, and an auth server that cannot be reached, are all null (signed out),
	 * never a thrown error: the page then answers as it would to a visitor.
	 */
	user(): Promise<SessionUser | null>;
	/**
	 * Ends this request's session and, once ended, closes its sockets on every instance.
	 * With `audit` (the person signing out and their address) the audit log records it.
	 */
	signOut(audit?: SignOutAudit): Promise<void>;
}

/** Who signs out, for the audit log's sign_out entry. */
export interface SignOutAudit {
	userId: string;
	address?: string;
}

/**
 * The request's cookies as the auth adapters need them, without SvelteKit's types (only
 * src/lib/server/http speaks HTTP): read them all, set or delete one.
 */
export interface CookieJar {
	getAll(): { name: string; value: string }[];
	set(name: string, value: string, options: CookieSettings): void;
}

/** Cookie attributes an adapter may ask for; path is always '/' (the jar sets it). */
export interface CookieSettings {
	maxAge?: number;
	expires?: Date;
	sameSite?: 'lax' | 'strict' | 'none' | boolean;
	domain?: string;
}
