import { z } from 'zod';
import {
	assuranceLevels,
	codeOwed,
	supabaseFactorState,
	type FactorSummary
} from '$lib/domain/supabase-factors';
import type { Aal, SessionUser } from './sessions';

// Pure mapping from what Supabase Auth says about a person to the app's SessionUser, apart
// from the client (auth/supabase.ts) so that it is tested without a project.

/** Who Supabase Auth vouched for in this request: the user's id and the session's claims. */
export interface SupabaseIdentity {
	id: string;
	email: string;
	aal: Aal;
	/** The JWT's `session_id` (auth.sessions.id): the sockets of this session share it. */
	sessionId?: string;
	/** The account has a verified TOTP factor (Supabase Auth's MFA). */
	secondFactor: boolean;
	/** That factor's id, the one a sign-in's code is given for. */
	factorId?: string;
	/** The session is aal1 but the account has a verified factor: its code is still owed. */
	codeOwed: boolean;
}

const claimsSchema = z.object({
	sub: z.string().uuid(),
	email: z.string().optional(),
	aal: z.enum(['aal1', 'aal2']).optional(),
	session_id: z.string().uuid().optional(),
	role: z.string().optional()
});

/**
 * Reads the part of a JWT that is its claims (base64url JSON), or null when it is not one.
 * Checks nothing: call it only on a token the Auth server has just accepted (getUser()).
 */
export function jwtPayload(token: string): unknown {
	const part = token.split('.')[1];
	if (!part) return null;
	try {
		return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
	} catch {
		return null;
	}
}

/**
 * The identity behind a validated Supabase user and the claims of the token that was
 * validated. Takes `user` (getUser()'s answer: the Auth server's word) and `claims` (the
 * token's payload); returns null when the claims are not a signed-in user's (role other
 * than `authenticated`, a malformed id) or name another user than the server did, so a
 * token swapped between the two reads signs nobody in. A missing `aal` is 'aal1'. The
 * user's `factors` (as getUser() gives them) say whether a second factor is on and, at
 * aal1, still owed (domain/supabase-factors.ts).
 */
export function identityFromClaims(
	user: { id: string; email?: string | null; factors?: readonly FactorSummary[] },
	claims: unknown
): SupabaseIdentity | null {
	const parsed = claimsSchema.safeParse(claims);
	if (!parsed.success) return null;
	const c = parsed.data;
	if (c.sub !== user.id) return null;
	if (c.role !== undefined && c.role !== 'authenticated') return null;
	const aal = c.aal ?? 'aal1';
	const factors = user.factors ?? [];
	const state = supabaseFactorState(factors);
	return {
		id: user.id,
		email: (user.email ?? c.email ?? '').toLowerCase(),
		aal,
		...(c.session_id ? { sessionId: c.session_id } : {}),
		secondFactor: state.enabled,
		...(state.enabled ? { factorId: state.factorId } : {}),
		codeOwed: codeOwed(assuranceLevels(aal, factors))
	};
}

/** The profile row a Supabase user signs in with (public.profiles and what hangs on it). */
export interface ProfileRow {
	email: string;
	display_name: string;
	locale: 'fi' | 'sv' | 'en';
	is_admin: boolean;
	memberships: number;
}

/**
 * The app's SessionUser for a Supabase identity and its profile: the same fields local
 * mode fills, so `db.as` sets the same claims (sub, email, aal). The profile's address is
 * the account's (kept in step by private.sync_profile_email); the token's is the fallback.
 * `secondFactor` is whether Supabase Auth's own MFA has a verified TOTP factor: a platform
 * admin without one is sent to enrol (guards.ts needsSecondFactor), as in local mode, and
 * acts only at the JWT's `aal2` (private.is_platform_admin()).
 */
export function sessionUserFrom(identity: SupabaseIdentity, profile: ProfileRow): SessionUser {
	return {
		id: identity.id,
		email: profile.email || identity.email,
		displayName: profile.display_name,
		locale: profile.locale,
		isAdmin: profile.is_admin,
		memberships: profile.memberships,
		...(identity.sessionId ? { sessionId: identity.sessionId } : {}),
		secondFactor: identity.secondFactor,
		aal: identity.aal
	};
}
