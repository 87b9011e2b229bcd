import type { Driver, Queryable } from './driver';
import { log } from '../log';

/** Who a query runs as: a signed-in user, or null for an anonymous visitor. */
export type Principal = { id: string; email?: string } | null;

export class Database {
	constructor(readonly driver: Driver) {}

	/**
	 * Runs fn in a transaction as the principal, the way Supabase's API does: role
	 * `authenticated` or `anon` and request.jwt.claims set locally, so row-level
	 * security decides what fn may see or change.
	 */
	as<T>(principal: Principal, fn: (tx: Queryable) => Promise<T>): Promise<T> {
		const role = principal ? 'authenticated' : 'anon';
		const claims = principal ? { sub: principal.id, role, email: principal.email } : { role };
		return this.driver.transaction(async (tx) => {
			await tx.query(
				"select set_config('request.jwt.claims', $1, true), set_config('role', $2, true)",
				[JSON.stringify(claims), role]
			);
			return fn(tx);
		});
	}

	/** Bypasses row-level security. Only for named server jobs; grep for `.service(`. */
	service<T>(job: string, fn: (tx: Queryable) => Promise<T>): Promise<T> {
		log.debug({ job }, 'service transaction');
		return this.driver.transaction(fn);
	}

	close(): Promise<void> {
		return this.driver.close();
	}
}
