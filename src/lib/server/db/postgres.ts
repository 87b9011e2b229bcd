import postgres from 'postgres';
import { storableParams, type Driver, type Queryable } from './driver';

type Sql = postgres.Sql | postgres.TransactionSql;

/**
 * Every query is a named prepared statement, kept per connection by postgres.js: the
 * app's statements are fixed texts, so after its first few runs Postgres stops parsing
 * and planning them again (the RLS policies make the plans of most of them cost more to
 * make than to run; issue 16). Needs a direct connection or a session-mode pooler
 * (README, Deploying on Supabase).
 */
function wrap(sql: Sql): Queryable {
	return {
		async query<T>(text: string, params: unknown[] = []) {
			const rows = await sql.unsafe(
				text,
				storableParams(params) as postgres.ParameterOrJSON<never>[],
				{ prepare: true }
			);
			return [...rows] as T[];
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
		transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
			sql.begin((tx) => fn(wrap(tx))) as Promise<T>,
		close: () => sql.end({ timeout: 5 })
	};
}
