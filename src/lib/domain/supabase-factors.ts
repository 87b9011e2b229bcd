// What Supabase Auth says about a person's MFA factors and session level, mapped to what
// the app shows and asks (issue 15). Pure: the calls are in src/lib/server/auth/supabase-mfa.ts.

/**
 * A factor as Supabase Auth lists it (getUser()'s `user.factors`, mfa.listFactors()'s
 * `all`), the fields read here; timestamps are ISO 8601 strings.
 */
export interface FactorSummary {
	id: string;
	factor_type: string;
	status: string;
	created_at: string;
	updated_at: string;
}

/** The second factor as /account/security shows it in Supabase mode. */
export type SupabaseFactorState =
	| {
			/** A verified TOTP factor: asked at sign-in; turning it off asks its code. */
			enabled: true;
			factorId: string;
			/** When it was verified (its last update), ISO 8601. */
			since: string;
			/** Unverified TOTP factors left from enrolments never finished. */
			unverified: string[];
	  }
	| { enabled: false; unverified: string[] };

/**
 * The person's TOTP second factor from their factors: on when a verified TOTP factor
 * exists (the one verified first, should there be several), with the ids of unverified
 * TOTP factors (enrolments not finished, which the next enrolment clears). Other factor
 * kinds (phone, WebAuthn) are not offered here and are ignored.
 */
export function supabaseFactorState(factors: readonly FactorSummary[]): SupabaseFactorState {
	const totp = factors.filter((f) => f.factor_type === 'totp');
	const unverified = totp.filter((f) => f.status === 'unverified').map((f) => f.id);
	const [first] = totp
		.filter((f) => f.status === 'verified')
		.sort((a, b) => Date.parse(a.updated_at) - Date.parse(b.updated_at));
	return first
		? { enabled: true, factorId: first.id, since: first.updated_at, unverified }
		: { enabled: false, unverified };
}

/** getAuthenticatorAssuranceLevel()'s answer, the part read here. */
export interface AssuranceLevels {
	currentLevel: string | null;
	nextLevel: string | null;
}

/**
 * Whether a session must still give its second factor's code: its level is aal1 and the
 * account can reach aal2 (a verified factor). Such a session is not signed in for the
 * app; only the code page accepts it. Any other pair (aal2 already, no factor, unknown
 * levels) owes nothing.
 */
export const codeOwed = (levels: AssuranceLevels): boolean =>
	levels.currentLevel === 'aal1' && levels.nextLevel === 'aal2';

/**
 * The levels of a session from its token's `aal` claim and the account's factors, as
 * Supabase Auth's getAuthenticatorAssuranceLevel() computes them (auth-js 2.119): next is
 * aal2 once any factor is verified, else the current level.
 */
export function assuranceLevels(
	aal: string | null,
	factors: readonly FactorSummary[]
): AssuranceLevels {
	return {
		currentLevel: aal,
		nextLevel: factors.some((f) => f.status === 'verified') ? 'aal2' : aal
	};
}
