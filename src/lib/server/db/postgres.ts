import postgres from 'postgres';
import { storableParams, type Driver, type Queryable } from './driver';

type Sql = postgres.Sql | postgres.ReservedSql;

/**
 * Every query is a named prepared statement, kept per connection by postgres.js: the
 * app's statements are fixed texts, so after its first few runs Postgres stops parsing
 * and planning them again (the RLS policies make the plans of most of them cost more to
 * make than to run; issue 16). That includes a query without parameters, which
 * postgres.js would otherwise send by the simple protocol, parsed and planned every time
 * (`simple: false`; a query is one statement, a script goes through `exec`). Needs a
 * direct connection or a session-mode pooler (README, Deploying on Supabase).
 */
const PREPARED = { prepare: true, simple: false };

function wrap(sql: Sql): Queryable {
	return {
		query<T>(text: string, params: unknown[] = []) {
			try {
				// Sent now (execute), not when first awaited: a connection's statements then go in
				// the order they were asked for, which pipelinedTransaction's COMMIT relies on.
				const query = sql
					.unsafe(text, storableParams(params) as postgres.ParameterOrJSON<never>[], PREPARED)
					.execute();
				return query.then((rows) => [...rows] as T[]);
			} catch (error) {
				return Promise.reject(error);
			}
		},
		async exec(script) {
			await sql.unsafe(script);
		}
	};
}

/**
 * A pool of at most `max` connections to `url`. JIT compilation is off for them: the
 * policies' subplans make the planner's cost estimates of ordinary page queries pass
 * jit_above_cost, and compiling took 50–130 ms of a query that runs in under 1 ms
 * (issue 16); the app runs no analytical queries that would gain from it.
 */
export function openPostgres(url: string, max = 10): Driver {
	const sql = postgres(url, {
		max,
		onnotice: () => {},
		connection: { TimeZone: 'UTC', jit: 'off' }
	});
	return {
		kind: 'postgres',
		...wrap(sql),
		transaction: (fn, options) => pipelinedTransaction(sql, fn, options?.statements),
		close: () => sql.end({ timeout: 5 })
	};
}

/**
 * fn in a transaction on one connection of the pool, committed when fn resolves and rolled
 * back when it (or the BEGIN) fails; returns fn's value, throws its error. BEGIN is sent
 * without waiting for its answer (issue 16): a connection runs statements in the order they
 * were sent, so fn's first statement travels with it and the transaction costs one round
 * trip less than postgres.js's `begin`. COMMIT or ROLLBACK is sent only once fn has settled,
 * so none of fn's statements runs after it; or, when fn sends at most `statements`
 * statements, right after the last of them: BEGIN, the statements and COMMIT then reach
 * Postgres together, and a failed statement makes that COMMIT a rollback.
 */
async function pipelinedTransaction<T>(
	sql: postgres.Sql,
	fn: (tx: Queryable) => Promise<T>,
	statements = Infinity
): Promise<T> {
	const connection = await sql.reserve();
	const inside = wrap(connection);
	let ended = false;
	let sent = 0;
	let commit: Promise<{ ok: true } | { ok: false; error: unknown }> | undefined;
	// A statement fn sends after it settled, or after the COMMIT, would run outside the
	// transaction: refused.
	const tx: Queryable = {
		query: <R>(text: string, params?: unknown[]) => {
			if (ended || commit) return Promise.reject<R[]>(new Error('transaction ended'));
			const result = inside.query<R>(text, params);
			// Its outcome is taken at once: a failed COMMIT is never an unhandled rejection.
			if (++sent === statements)
				commit = connection
					.unsafe('commit')
					.execute()
					.then(
						() => ({ ok: true as const }),
						(error: unknown) => ({ ok: false as const, error })
					);
			return result;
		},
		exec: (script) =>
			ended || commit ? Promise.reject(new Error('transaction ended')) : inside.exec(script)
	};
	try {
		// postgres.js sends a statement when it is awaited; execute() sends BEGIN now, first.
		const begin = connection.unsafe('begin').execute();
		const [begun, result] = await Promise.allSettled([begin, fn(tx)]);
		ended = true;
		if (commit) {
			// Sent already: a commit, or a rollback when a statement failed.
			const committed = await commit;
			if (begun.status === 'rejected') throw begun.reason;
			if (result.status === 'rejected') throw result.reason;
			if (!committed.ok) throw committed.error;
			return result.value;
		}
		if (begun.status === 'fulfilled' && result.status === 'fulfilled') {
			await connection.unsafe('commit');
			return result.value;
		}
		await connection.unsafe('rollback').catch(() => {});
		throw begun.status === 'rejected' ? begun.reason : (result as PromiseRejectedResult).reason;
	} finally {
		connection.release();
	}
}
