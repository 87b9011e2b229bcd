import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/lib/server/db/database';
import { ACCESS, PRIVATE_TABLES, type Action, type Expect, type Outcome } from './access-matrix';
import { createAccessWorld, principals, ROLES, type AccessWorld, type Role } from './access-world';
import { attempt } from './attempt';
import { describeEachDatabase } from './databases';

const ACTIONS: Action[] = ['select', 'insert', 'update', 'delete'];

/** What the database did, written as the matrix would say it when it agrees. */
function as(wanted: Outcome, got: number | 'denied'): Outcome {
	if (wanted === 'none' && (got === 0 || got === 'denied')) return 'none';
	if (wanted === 'ok' && got !== 'denied') return 'ok';
	return got;
}

describeEachDatabase('access matrix', (db) => {
	let w: AccessWorld;
	let who: Record<Role, Principal>;

	beforeAll(async () => {
		w = await createAccessWorld(db());
		who = principals(w);
	});

	it('covers every table and view in public, each with select, insert, update and delete', async () => {
		const tables = await db().service('test: tables', (tx) =>
			tx.query<{ name: string }>(
				`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
				 where n.nspname = 'public' and c.relkind in ('r', 'p', 'v') order by 1`
			)
		);
		expect(Object.keys(ACCESS).sort(), 'tables in the matrix').toEqual(tables.map((t) => t.name));
		for (const [table, access] of Object.entries(ACCESS)) {
			for (const action of ACTIONS) {
				expect(access[action].length, `${table}: ${action}`).toBeGreaterThan(0);
			}
		}
	});

	for (const [table, access] of Object.entries(ACCESS)) {
		describe(table, () => {
			const checks = ACTIONS.flatMap((action) => access[action].map((c) => ({ action, ...c })));
			it.each(checks)('$action: $does', async ({ sql, params, expect: wanted }) => {
				const got = {} as Expect;
				for (const role of ROLES) {
					const outcome = await attempt(db(), who[role], sql, params?.(w) ?? [], {
						rollback: true
					});
					got[role] = as(wanted[role], outcome);
				}
				expect(got).toEqual(wanted);
			});
		});
	}

	it.each(PRIVATE_TABLES)(
		'$table: nobody selects, inserts, updates or deletes',
		async ({ table, column }) => {
			const statements = [
				`select 1 from ${table}`,
				`insert into ${table} default values returning 1`,
				`update ${table} set ${column} = ${column} returning 1`,
				`delete from ${table} returning 1`
			];
			for (const role of ROLES)
				for (const sql of statements)
					expect(
						await attempt(db(), who[role], sql, [], { rollback: true }),
						`${role}: ${sql}`
					).toBe('denied');
		}
	);
});
