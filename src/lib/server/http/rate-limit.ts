import type { RequestEvent } from '@sveltejs/kit';
import {
	clientAddress,
	hit,
	refusal,
	signInAttempt,
	signInResult,
	signInWait,
	type LimitName,
	type Refusal
} from './limits';
import type { Database } from '../db';
import { recordFailedSignIn } from '../auth/accounts';

export type { Refusal } from '../http/limits';

type Event = Pick<RequestEvent, 'request' | 'getClientAddress' | 'setHeaders'> & {
	platform?: unknown;
	locals: { db: Database };
};

const byAction = {
	signUp: ['signUpAddress', 'signUpEmail'],
	reset: ['resetAddress', 'resetEmail']
} as const satisfies Record<string, [LimitName, LimitName]>;

export type LimitedAction = keyof typeof byAction;

/**
 * Counts a sign-up or reset request per client address and per email (limits in
 * supabase/migrations/20261201000100_limits.sql); over either limit, sets Retry-After and returns the
 * refusal to answer with 429, else null.
 */
export async function rateLimited(
	event: Event,
	action: LimitedAction,
	email: string
): Promise<Refusal | null> {
	const [perAddress, perEmail] = byAction[action];
	for (const [name, key] of [
		[perAddress, clientAddress(event)],
		[perEmail, email.trim().toLowerCase()]
	] as const) {
		const ms = await hit(event.locals.db, name, key);
		if (ms) return refusal(event, name, ms);
	}
	return null;
}

/**
 * Sign-in, before the password is checked: a refusal (429) while this account must wait
 * after failures from this address, or while the address is over its failure limit.
 * Otherwise the attempt is counted as a failure until `signInOutcome` says it was not.
 */
export async function signInRefused(event: Event, email: string): Promise<Refusal | null> {
	const address = clientAddress(event);
	const ms = await signInWait(event.locals.db, email, address);
	if (ms) return refusal(event, 'signInAddress', ms);
	await signInAttempt(event.locals.db, email, address);
	return null;
}

/**
 * signInRefused for the sign-in forms (local and Supabase password, Supabase's mailed
 * link): a refusal is also recorded in the audit log as a failed sign-in with the reason
 * 'locked', the same entry in both modes (issue 15). The password re-checks of the account
 * pages use signInRefused alone: they are not sign-ins.
 */
export async function signInFormRefused(event: Event, email: string): Promise<Refusal | null> {
	const refused = await signInRefused(event, email);
	if (refused) await recordFailedSignIn(event.locals.db, email, 'locked', clientAddress(event));
	return refused;
}

/** After the password check: a failure grows this (account, address)'s delay, success resets it. */
export async function signInOutcome(event: Event, email: string, passwordCorrect: boolean) {
	await signInResult(event.locals.db, email, clientAddress(event), passwordCorrect);
}
