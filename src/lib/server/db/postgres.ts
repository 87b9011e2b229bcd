import postgres from 'postgres';
import { storableParams, type Driver, type Queryable } from './driver';

type Sql = postgres.Sql | postgres.TransactionSql;

function wrap(sql: Sql): Queryable {
	return {
		async query<T>(text: string, params: unknown[] = []) {
			const rows = await sql.unsafe(
				text,
				storableParams(params) as postgres.ParameterOrJSON<never>[]
			);
			return [...rows] as T[];
		},
		async exec(script) {
			await sql.unsafe(script);
		}
	};
}

export function openPostgres(url: string, max = 10): Driver {
	const sql = postgres(url, { max, onnotice: () => {}, connection: { TimeZone: 'UTC' } });
	return {
		kind: 'postgres',
		...wrap(sql),
		transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
			sql.begin((tx) => fn(wrap(tx))) as Promise<T>,
		close: () => sql.end({ timeout: 5 })
	};
}
