import type { RequestEvent } from '@sveltejs/kit';
import { RetryAfterRateLimiter, type Rate } from 'sveltekit-rate-limiter/server';
import type { RateLimiterPlugin } from 'sveltekit-rate-limiter/server/limiters';

/** Counts attempts per account (the email given), whichever address they come from. */
class AccountLimiter implements RateLimiterPlugin<string> {
	constructor(readonly rate: Rate | Rate[]) {}
	hash(_event: RequestEvent, account?: string) {
		return `account:${account || '-'}`;
	}
}

const limiter = (ip: Rate | Rate[], account: Rate | Rate[]) =>
	new RetryAfterRateLimiter<string>({ IP: ip, plugins: [new AccountLimiter(account)] });

const limiters = {
	signIn: limiter([50, '15m'], [10, '15m']),
	signUp: limiter([20, 'h'], [5, 'h']),
	reset: limiter([20, 'h'], [5, 'h'])
};

export type LimitedAction = keyof typeof limiters;

/** Minutes to wait when the action is over its limit for this address or account, else 0. */
export async function rateLimited(
	event: RequestEvent,
	action: LimitedAction,
	account: string
): Promise<number> {
	const status = await limiters[action].check(event, account.toLowerCase());
	return status.limited ? Math.max(1, Math.ceil(status.retryAfter / 60)) : 0;
}
