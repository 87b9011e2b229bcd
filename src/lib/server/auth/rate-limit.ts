import type { RequestEvent } from '@sveltejs/kit';
import {
	clientAddress,
	hit,
	refusal,
	signInAttempt,
	signInResult,
	signInWait,
	type LimitName
} from '../http/limits';

/** What a form answers when an action is over its limit: message key and parameters. */
export type Refusal = { key: string; params: { minutes: number } };

type Event = Pick<RequestEvent, 'request' | 'getClientAddress' | 'setHeaders'> & {
	platform?: unknown;
};

const byAction = {
	signUp: ['signUpAddress', 'signUpEmail'],
	reset: ['resetAddress', 'resetEmail']
} as const satisfies Record<string, [LimitName, LimitName]>;

export type LimitedAction = keyof typeof byAction;

/**
 * Counts a sign-up or reset request per client address and per email (limits in
 * src/lib/server/http/limits.ts); over either limit, sets Retry-After and returns the
 * refusal to answer with 429, else null.
 */
export function rateLimited(event: Event, action: LimitedAction, email: string): Refusal | null {
	const [perAddress, perEmail] = byAction[action];
	for (const [name, key] of [
		[perAddress, clientAddress(event)],
		[perEmail, email.trim().toLowerCase()]
	] as const) {
		const ms = hit(name, key);
		if (ms) return refusal(event, name, ms);
	}
	return null;
}

/**
 * Sign-in, before the password is checked: a refusal (429) while this account must wait
 * after failures from this address, or while the address is over its failure limit.
 * Otherwise the attempt is counted as a failure until `signInOutcome` says it was not.
 */
export function signInRefused(event: Event, email: string): Refusal | null {
	const address = clientAddress(event);
	const ms = signInWait(email, address);
	if (ms) return refusal(event, 'signInAddress', ms);
	signInAttempt(email, address);
	return null;
}

/** After the password check: a failure grows this (account, address)'s delay, success resets it. */
export function signInOutcome(event: Event, email: string, passwordCorrect: boolean) {
	signInResult(email, clientAddress(event), passwordCorrect);
}
