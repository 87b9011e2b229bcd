import type { Database, Principal } from '../../src/lib/server/db/database';

const ROLLBACK = Symbol('rollback');

/**
 * Rows a statement returned, or 'denied' when Postgres refused it. With `rollback` the
 * statement's transaction is rolled back, so a permitted write leaves the fixture as it was.
 */
export async function attempt(
	db: Database,
	who: Principal,
	sql: string,
	params: unknown[] = [],
	options: { rollback?: boolean } = {}
): Promise<number | 'denied'> {
	let rows = 0;
	try {
		await db.as(who, async (tx) => {
			rows = (await tx.query(sql, params)).length;
			if (options.rollback) throw ROLLBACK;
		});
		return rows;
	} catch (e) {
		if (e === ROLLBACK) return rows;
		const message = (e as Error).message;
		if (/row-level security|permission denied/.test(message)) return 'denied';
		throw e;
	}
}
