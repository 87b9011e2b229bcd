import { beforeAll, expect, it } from 'vitest';
import type { Principal } from '../../src/lib/server/db/database';
import type { Queryable } from '../../src/lib/server/db/driver';
import { saveScreening } from '../../src/lib/server/applications/screening';
import { createAccessWorld, principals, type AccessWorld, type Role } from './access-world';
import { describeEachDatabase } from './databases';

/**
 * The rule every function in `private` and `public` that a user may call keeps (DESIGN.md,
 * "The database holds the record"): it answers only about rows the caller may see. For a row hidden from
 * the caller, its answer is the one it gives for an id that exists nowhere; otherwise it is
 * an oracle, telling a user something of a row row-level security keeps from them.
 *
 * Checked for every such read-only function whose arguments are all uuids or arrays of them (asked
 * with an array of the one id), with every uuid of every row
 * of the access world the role cannot read (each table's `id`, and users' ids), in each
 * argument position, as each signed-in role that sees less than the challenge's owner.
 */
const ROLES_ASKING: Role[] = ['outsider', 'otherOwner', 'otherTeam', 'member', 'expert', 'juror'];
const NOWHERE = '00000000-0000-4000-8000-000000000000';

interface Helper {
	name: string;
	args: number;
	set: boolean;
	/** Whether each argument is a uuid[] (asked with an array of the one id) rather than a uuid. */
	arrays: boolean[];
}

/** One answer as text: the rows returned, or the error's code and hint. */
async function answer(tx: Queryable, helper: Helper, args: string[]): Promise<string> {
	const call = `${helper.name}(${args.map((_, i) => `$${i + 1}::uuid${helper.arrays[i] ? '[]' : ''}`).join(', ')})`;
	const sql = helper.set ? `select * from ${call} as v order by 1` : `select ${call} as v`;
	await tx.exec('savepoint ask');
	try {
		return JSON.stringify(
			await tx.query(
				sql,
				args.map((id, i) => (helper.arrays[i] ? [id] : id))
			)
		);
	} catch (e) {
		const { code, hint, message } = e as { code?: string; hint?: string; message?: string };
		return hint ? `error ${code} ${hint}` : `error ${code} : ${message}`;
	} finally {
		await tx.exec('rollback to savepoint ask');
	}
}

describeEachDatabase('functions a user may call', (db) => {
	let w: AccessWorld;
	let who: Record<Role, Principal>;
	let helpers: Helper[];
	/** Each row's uuid with the table it is the `id` of. */
	let rows: { table: string; id: string }[];

	beforeAll(async () => {
		w = await createAccessWorld(db());
		who = principals(w);
		// A screening decision replaced by a published correction: whether a decision has been
		// replaced is a fact only those who read the decision may learn.
		await db().as(w.owner, (tx) =>
			saveScreening(tx, w.appA.id, {
				marks: w.challenge.requirementIds.map((requirementId) => ({
					requirementId,
					met: true,
					reason: ''
				})),
				decision: { eligible: true, justification: 'Meets every requirement (corrected).' }
			})
		);
		[helpers, rows] = await db().service('test: helpers and rows', async (tx) => {
			const found = await tx.query<Helper>(
				`select format('%I.%I', p.pronamespace::regnamespace, p.proname) as name, p.pronargs as args, p.proretset as set,
				   array(select t = 'uuid[]'::regtype from unnest(p.proargtypes) t) as arrays
				 from pg_proc p
				 where p.pronamespace in ('private'::regnamespace, 'public'::regnamespace)
				   and p.prokind = 'f'
				   and p.provolatile <> 'v' and p.pronargs > 0
				   and p.prorettype <> 'trigger'::regtype
				   and has_function_privilege('authenticated', p.oid, 'execute')
				   and (select bool_and(t in ('uuid'::regtype, 'uuid[]'::regtype)) from unnest(p.proargtypes) t)
				 order by 1`
			);
			const tables = await tx.query<{ table: string }>(
				`select format('%I.%I', c.table_schema, c.table_name) as table
				 from information_schema.columns c
				 join information_schema.tables t using (table_schema, table_name)
				 where c.table_schema = 'public' and c.column_name = 'id' and c.data_type = 'uuid'
				   and t.table_type = 'BASE TABLE'
				 order by 1`
			);
			const ids: { table: string; id: string }[] = [];
			for (const { table } of [...tables, { table: 'auth.users' }]) {
				for (const r of await tx.query<{ id: string }>(`select id from ${table}`))
					ids.push({ table, id: r.id });
			}
			return [found, ids];
		});
	});

	it('finds the helpers and the rows it asks about', () => {
		expect(helpers.map((h) => h.name)).toContain('private.is_on_challenge_team');
		expect(helpers.map((h) => h.name)).toContain('public.production_concept_challenge');
		expect(helpers.map((h) => h.name)).toContain('private.hidden_attention');
		expect(new Set(rows.map((r) => r.table))).toContain('public.decisions');
	});

	it.each(ROLES_ASKING)(
		'answer %s about a hidden row as about a row that does not exist',
		async (role) => {
			const oracles = await db().as(who[role], async (tx) => {
				const hidden: string[] = [];
				for (const r of rows) {
					if (r.table === 'auth.users') {
						const [seen] = await tx.query<{ n: number }>(
							'select count(*)::int as n from public.profiles where id = $1',
							[r.id]
						);
						if (seen.n === 0) hidden.push(r.id);
						continue;
					}
					await tx.exec('savepoint look');
					try {
						const seen = await tx.query(`select 1 from ${r.table} where id = $1`, [r.id]);
						if (seen.length === 0) hidden.push(r.id);
					} catch {
						hidden.push(r.id);
					} finally {
						await tx.exec('rollback to savepoint look');
					}
				}
				const found: string[] = [];
				for (const helper of helpers) {
					for (let position = 0; position < helper.args; position++) {
						const args = (id: string) =>
							Array.from({ length: helper.args }, (_, i) => (i === position ? id : NOWHERE));
						const nowhere = await answer(tx, helper, args(NOWHERE));
						// A refusal names itself (a hint); any other error is a broken function.
						if (/^error \S+ : /.test(nowhere)) found.push(`${helper.name} fails: ${nowhere}`);
						for (const id of hidden) {
							const got = await answer(tx, helper, args(id));
							if (got !== nowhere) found.push(`${helper.name} arg ${position + 1} ${id}: ${got}`);
						}
					}
				}
				return found;
			});
			expect(oracles).toEqual([]);
		}
	);
});
