import type { Driver, Queryable, Row, TransactionOptions } from './driver';
import { log } from '../log';

/**
 * Who a query runs as: a signed-in user, or null for an anonymous visitor. `aal` is the
 * session's assurance level ('aal2': it passed the second factor; absent: 'aal1');
 * `address` the client address the app trusts (limits.ts clientAddress), which the audit
 * log records (private.request_address()).
 */
export type Principal = {
	id: string;
	email?: string;
	aal?: 'aal1' | 'aal2';
	address?: string;
} | null;

/** What a failed transaction throws instead of its error (identity unless mapped); may throw. */
export type ErrorMapper = (error: unknown) => unknown;

export class Database {
	constructor(
		readonly driver: Driver,
		private readonly mapError: ErrorMapper = (error) => error,
		private readonly challengeScope: string | null = null
	) {}

	/**
	 * The same database (one driver, one pool) whose transactions, when they fail, throw
	 * what `map` makes of the error: hooks.server.ts turns every unique violation into a
	 * 409 this way for the requests' `locals.db` (issue 11, item 2).
	 */
	mappingErrors(map: ErrorMapper): Database {
		return new Database(this.driver, map, this.challengeScope);
	}

	/**
	 * The same database (driver, pool, error mapping) whose `as` and `asStatement`
	 * transactions are about one challenge (its uuid): they set `talkoot.challenge_scope`, and
	 * the policies' helpers then name only that challenge among those the principal reaches
	 * through their organisation (its team, members, owners), instead of building every one
	 * (issue 16: an owner of 1,000 challenges; migrations 20261214000100_challenge_scope.sql and
	 * 20261217000400_challenge_scope_many.sql).
	 * A scope only narrows: rows of other challenges reached that way are not seen in it, so
	 * use it only where every read and write is about that challenge (the pages under
	 * /manage/challenges/<id>). Service transactions are not scoped.
	 */
	scopedTo(challengeId: string): Database {
		// The setting holds an array of challenges (migration 20261217000400): this one.
		return new Database(this.driver, this.mapError, `{${challengeId}}`);
	}

	private transaction<T>(
		fn: (tx: Queryable) => Promise<T>,
		options?: TransactionOptions
	): Promise<T> {
		return this.driver.transaction(fn, options).catch((error: unknown) => {
			throw this.mapError(error);
		});
	}

	/**
	 * Runs fn in a transaction as the principal, the way Supabase's API does: role
	 * `authenticated` or `anon` and request.jwt.claims set locally, so row-level
	 * security decides what fn may see or change. The claims carry `aal` as Supabase Auth's
	 * do; platform-admin powers in SQL require 'aal2' (private.is_platform_admin()).
	 */
	as<T>(principal: Principal, fn: (tx: Queryable) => Promise<T>): Promise<T> {
		return this.asWith(principal, fn);
	}

	/**
	 * One statement as the principal, as `as` runs it (role, claims, row-level security), in
	 * a transaction whose BEGIN, settings, statement and COMMIT reach Postgres together: one
	 * round trip where `as` takes two (issue 16: every member's autosave at a deadline).
	 * Takes the statement's text and $1… parameters; returns its rows, or throws its error
	 * (the transaction then rolled back).
	 */
	asStatement<T = Row>(principal: Principal, text: string, params?: unknown[]): Promise<T[]> {
		return this.asWith(principal, (tx) => tx.query<T>(text, params), 2);
	}

	/** `as`, telling the driver how many statements the transaction sends at most, if known. */
	private asWith<T>(
		principal: Principal,
		fn: (tx: Queryable) => Promise<T>,
		statements?: number
	): Promise<T> {
		const role = principal ? 'authenticated' : 'anon';
		const claims = principal ? jwtClaims(principal, role) : { role };
		return this.transaction(
			async (tx) => {
				// Sent without waiting for its answer: a connection runs its statements in the
				// order they were sent, so fn's first query still runs under these settings, and
				// reaches the database one round trip sooner (issue 16). Both are waited for
				// before the transaction ends, so nothing of fn's runs after it; if the settings
				// failed, so does the transaction.
				const [settings, result] = await Promise.allSettled([
					tx.query(
						"select set_config('request.jwt.claims', $1, true), set_config('role', $2, true), set_config('request.headers', $3, true), set_config('talkoot.challenge_scope', $4, true)",
						[JSON.stringify(claims), role, requestHeaders(principal), this.challengeScope ?? '']
					),
					fn(tx)
				]);
				if (settings.status === 'rejected') throw settings.reason;
				if (result.status === 'rejected') throw result.reason;
				return result.value;
			},
			statements === undefined ? undefined : { statements }
		);
	}

	/**
	 * A named server job (row-level security bypassed, as `service`) that acts for a
	 * signed-in user: request.jwt.claims name them, so auth.uid() and the policy helpers
	 * it calls (private.workshop_role, private.can_see_board) answer for them. For a check
	 * of the user's rights in the same transaction as a write RLS would not allow them,
	 * e.g. storing a board op. Besides `as`, the only code that sets claims (through
	 * `claimFor`).
	 */
	serviceAs<T>(
		job: string,
		user: NonNullable<Principal>,
		fn: (tx: Queryable) => Promise<T>
	): Promise<T> {
		return this.service(job, async (tx) => {
			await claimFor(tx, user);
			return fn(tx);
		});
	}

	/** Bypasses row-level security. Only for named server jobs; grep for `.service(`. */
	service<T>(job: string, fn: (tx: Queryable) => Promise<T>): Promise<T> {
		log.debug({ job }, 'service transaction');
		return this.transaction(fn);
	}

	/**
	 * One statement as a named server job (row-level security bypassed, as `service`),
	 * outside an explicit transaction: the database runs it in one of its own, one round
	 * trip where `service` takes three (BEGIN, the statement, COMMIT; issue 16). For a job
	 * that is one statement, which may be a WITH query that reads and writes. A second
	 * query or a script from `fn` is refused (throws): that needs `service`.
	 */
	statement<T>(job: string, fn: (q: Queryable) => Promise<T>): Promise<T> {
		log.debug({ job }, 'service statement');
		return fn(oneStatement(job, this.driver)).catch((error: unknown) => {
			throw this.mapError(error);
		});
	}

	close(): Promise<void> {
		return this.driver.close();
	}
}

/** `q` for one query: a second query, or any script, is refused (rejects, naming `job`). */
function oneStatement(job: string, q: Queryable): Queryable {
	let sent = false;
	return {
		query: (text, params) => {
			if (sent) return Promise.reject(new Error(`${job}: one statement only`));
			sent = true;
			return q.query(text, params);
		},
		exec: () => Promise.reject(new Error(`${job}: one statement only, no script`))
	};
}

/**
 * Names `user` in a service transaction's claims from this statement on, as `serviceAs`
 * does for its whole transaction: auth.uid() and the policy helpers then answer for them.
 * Resolves once the settings are made. (A batch of board ops checks its senders' rights
 * in one statement instead: `claimsOf`, private.board_senders_rights.)
 */
export async function claimFor(tx: Queryable, user: NonNullable<Principal>): Promise<void> {
	const { claims, headers } = claimsOf(user);
	await tx.query(
		"select set_config('request.jwt.claims', $1, true), set_config('request.headers', $2, true)",
		[claims, headers]
	);
}

/**
 * The settings `claimFor` makes for a signed-in user, as text: `request.jwt.claims` and
 * `request.headers`. For a database function that takes several people's claims at once
 * and sets them in turn (private.board_senders_rights, for a batch of board ops).
 */
export function claimsOf(user: NonNullable<Principal>): { claims: string; headers: string } {
	return {
		claims: JSON.stringify(jwtClaims(user, 'authenticated')),
		headers: requestHeaders(user)
	};
}

/**
 * The JWT claims Supabase Auth would give this user: sub, role, email and the session's
 * assurance level (`aal2` after a second factor, else `aal1`), the one builder of claims.
 */
function jwtClaims(user: NonNullable<Principal>, role: string) {
	return { sub: user.id, role, email: user.email, aal: user.aal ?? 'aal1' };
}

/**
 * The `request.headers` setting as PostgREST sets it on Supabase, with only what the
 * database reads of it: the client's address as `x-forwarded-for` ('' when unknown).
 */
function requestHeaders(principal: Principal): string {
	return principal?.address ? JSON.stringify({ 'x-forwarded-for': principal.address }) : '';
}
