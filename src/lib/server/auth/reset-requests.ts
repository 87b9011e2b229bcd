import type { Database } from '../db';
import { TTL_MS } from './email-tokens';

/**
 * Resolves waiting password-reset requests (local_auth.reset_requests), off the request
 * that made them: for each address with an account its earlier reset links stop working,
 * a new token is stored and the reset mail is enqueued; an address without an account is
 * dropped. Takes the database and how many requests at most; returns how many it took.
 * Run by the mail worker before each round (mail/service.ts), so the request itself does
 * the same one insert for every address (issue 10 item 20; account-timing.test.ts).
 */
export async function resolveResetRequests(db: Database, limit = 100): Promise<number> {
	const [row] = await db.service('resolve reset requests', (tx) =>
		tx.query<{ n: number }>('select local_auth.resolve_reset_requests($1, $2) as n', [
			limit,
			TTL_MS.reset_password / 1000
		])
	);
	return row.n;
}
