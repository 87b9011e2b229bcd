import { beforeAll, expect, it } from 'vitest';
import type { Database, Principal } from '../../src/lib/server/db/database';
import { ACCESS } from './access-matrix';
import { createAccessWorld, principals, ROLES, type AccessWorld, type Role } from './access-world';
import { describeEachDatabase } from './databases';

/**
 * A transaction scoped to one challenge (Database.scopedTo, the setting
 * `talkoot.challenge_scope`, migrations 20261214000100 and 20261217000400) only narrows what row-level security
 * shows, and only to that challenge: for every table and view of the access matrix, every
 * role, in the scope of every challenge of the access world and of one that does not exist,
 * - every row seen in a scope is seen without one;
 * - every row of a table with a `challenge_id` seen without a scope is seen in the scope of
 *   its challenge;
 * - every row seen without a scope is seen in the scope of some challenge.
 */
const NOWHERE = '00000000-0000-4000-8000-0000000000ff';

/** What needs attention in a challenge, as public.challenge_attention counts it. */
interface Attention {
	id: string;
	followers: number;
	questions: number;
	submitted: number;
	unscreened: number;
}

/** Each table's rows as the principal sees them in the scope (as JSON text), or 'denied'. */
async function seen(db: Database, who: Principal): Promise<Map<string, Set<string> | 'denied'>> {
	return db.as(who, async (tx) => {
		const out = new Map<string, Set<string> | 'denied'>();
		for (const table of Object.keys(ACCESS)) {
			await tx.exec('savepoint look');
			try {
				const rows = await tx.query<{ r: string }>(
					`select row_to_json(t)::text as r from public.${table} t`
				);
				out.set(table, new Set(rows.map((x) => x.r)));
			} catch (e) {
				if (!/permission denied/.test((e as Error).message)) throw e;
				out.set(table, 'denied');
			} finally {
				await tx.exec('rollback to savepoint look');
			}
		}
		return out;
	});
}

describeEachDatabase('challenge scope', (db) => {
	let w: AccessWorld;
	let who: Record<Role, Principal>;
	let challenges: string[];
	let withChallengeId: Set<string>;

	beforeAll(async () => {
		w = await createAccessWorld(db());
		who = principals(w);
		challenges = (
			await db().service('test: challenges', (tx) =>
				tx.query<{ id: string }>('select id from public.challenges order by id')
			)
		).map((c) => c.id);
		withChallengeId = new Set(
			(
				await db().service('test: tables with challenge_id', (tx) =>
					tx.query<{ name: string }>(
						`select table_name as name from information_schema.columns
						 where table_schema = 'public' and column_name = 'challenge_id'`
					)
				)
			).map((t) => t.name)
		);
	});

	it('sets the scope in the transaction, and only there', async () => {
		const [scoped] = await db()
			.scopedTo(w.challenge.id)
			.as(w.owner, (tx) =>
				tx.query<{ s: string }>("select current_setting('talkoot.challenge_scope') as s")
			);
		expect(scoped.s).toBe(`{${w.challenge.id}}`);
		const [plain] = await db().as(w.owner, (tx) =>
			tx.query<{ s: string | null }>(
				"select nullif(current_setting('talkoot.challenge_scope', true), '') as s"
			)
		);
		expect(plain.s).toBeNull();
	});

	it.each(ROLES)('%s: a scope narrows to its challenge and never widens', async (role) => {
		const all = await seen(db(), who[role]);
		const union = new Map<string, Set<string>>();
		for (const scope of [...challenges, NOWHERE]) {
			const inScope = await seen(db().scopedTo(scope), who[role]);
			for (const [table, rows] of inScope) {
				const without = all.get(table)!;
				if (rows === 'denied' || without === 'denied') {
					expect(rows, `${table} in ${scope}`).toBe(without);
					continue;
				}
				for (const row of rows) expect(without.has(row), `${table} in ${scope}: ${row}`).toBe(true);
				if (scope === NOWHERE) continue;
				for (const row of rows)
					(union.get(table) ?? union.set(table, new Set()).get(table)!).add(row);
				if (!withChallengeId.has(table)) continue;
				for (const row of without)
					if ((JSON.parse(row) as { challenge_id?: string }).challenge_id === scope)
						expect(rows.has(row), `${table} in ${scope}: ${row}`).toBe(true);
			}
		}
		for (const [table, rows] of all) {
			if (rows === 'denied') continue;
			for (const row of rows)
				expect(union.get(table)?.has(row), `${table}, in no scope: ${row}`).toBe(true);
		}
	});

	it('a scope of several challenges sees what each of them sees', async () => {
		const count = (scope: string) =>
			db().as(w.owner, async (tx) => {
				await tx.query("select set_config('talkoot.challenge_scope', $1, true)", [scope]);
				const [n] = await tx.query<{ applications: number; decisions: number }>(
					`select (select count(*)::int from public.applications) as applications,
					   (select count(*)::int from public.decisions) as decisions`
				);
				return n;
			});
		const one = await count(`{${w.challenge.id}}`);
		const other = await count(`{${w.draft.id}}`);
		const both = await count(`{${w.challenge.id},${w.draft.id}}`);
		const none = await count('{}');
		expect(one.applications).toBeGreaterThan(0);
		expect(both).toEqual({
			applications: one.applications + other.applications,
			decisions: one.decisions + other.decisions
		});
		expect(none).toEqual({ applications: 0, decisions: 0 });
	});

	it.each(ROLES.filter((r) => r !== 'anon'))(
		'%s: challenge_attention counts as row-level security shows, and keeps the scope',
		async (role) => {
			// Counted one by one without the function (no scope), as the caller sees each table;
			// what row-level security hides from them but lets them count (followers for the
			// organisation's members, sealed applications for the challenge team) counted here
			// by the rules' words, not by the functions the database counts them with.
			const hidden = new Map(
				(
					await db().service('test: hidden counts', (tx) =>
						tx.query<{ id: string; followers: number; sealed: number }>(
							`select c.id,
							   case when exists (select 1 from public.organisation_members m
							     where m.organisation_id = c.organisation_id and m.user_id = $1)
							   then (select count(*)::int from public.challenge_followers f
							     where f.challenge_id = c.id) else 0 end as followers,
							   case when exists (select 1 from public.challenge_team_members t
							     join public.organisation_members m on m.user_id = t.user_id
							       and m.organisation_id = c.organisation_id
							     where t.challenge_id = c.id and t.user_id = $1)
							   and not private.applications_unsealed(c.id)
							   then (select count(*)::int from public.applications a
							     where a.challenge_id = c.id and a.status = 'submitted') else 0 end as sealed
							 from public.challenges c`,
							[who[role]!.id]
						)
					)
				).map((h) => [h.id, h])
			);
			const shown = await db().as(who[role], (tx) =>
				tx.query<Attention>(
					`select c.id, 0 as followers,
					   (select count(*)::int from public.challenge_questions q where q.challenge_id = c.id
					      and q.answer is null and q.merged_into is null) as questions,
					   (select count(*)::int from public.applications a
					      where a.challenge_id = c.id and a.status = 'submitted') as submitted,
					   (select count(*)::int from public.applications a
					      where a.challenge_id = c.id and a.status = 'submitted' and not exists (
					        select 1 from public.screening_decisions d where d.application_id = a.id)) as unscreened
					 from public.challenges c order by c.id`
				)
			);
			const plain = shown.map((c) => ({
				...c,
				followers: hidden.get(c.id)!.followers,
				submitted: c.submitted + hidden.get(c.id)!.sealed
			}));
			// The owner is counted the world's followers, which row-level security hides.
			if (role === 'owner') expect(plain.some((c) => c.followers > 0)).toBe(true);
			const [counted, outer] = await db()
				.scopedTo(w.challenge.id)
				.as(who[role], async (tx) => {
					const rows = await tx.query<Attention>(
						`select challenge_id as id, followers, waiting_questions as questions,
						   submitted_applications as submitted, unscreened_applications as unscreened
						 from public.challenge_attention($1::uuid[]) order by challenge_id`,
						[[...challenges, NOWHERE]]
					);
					const [s] = await tx.query<{ s: string }>(
						"select current_setting('talkoot.challenge_scope') as s"
					);
					return [rows, s.s] as const;
				});
			// In an outer scope of one challenge, only that one is counted, and the scope is
			// the same after the call.
			expect(outer).toBe(`{${w.challenge.id}}`);
			expect(counted).toEqual(plain.filter((c) => c.id === w.challenge.id));
			const unscoped = await db().as(who[role], (tx) =>
				tx.query<Attention>(
					`select challenge_id as id, followers, waiting_questions as questions,
					   submitted_applications as submitted, unscreened_applications as unscreened
					 from public.challenge_attention($1::uuid[]) order by challenge_id`,
					[[...challenges, NOWHERE]]
				)
			);
			expect(unscoped).toEqual(plain);
		}
	);

	it('counts the hidden figures only for those with a part in the challenge, and tells no one else it exists', async () => {
		const hidden = (role: Role) =>
			db().as(who[role], (tx) =>
				tx.query<{ id: string }>(
					'select challenge_id as id from private.hidden_attention($1::uuid[]) order by 1',
					[challenges]
				)
			);
		expect((await hidden('owner')).map((r) => r.id)).toContain(w.challenge.id);
		expect(await hidden('outsider')).toEqual([]);
		expect(await hidden('lead')).toEqual([]);
	});

	it("narrows the owner's view of another challenge's applications and decisions", async () => {
		const count = (scope: string | null) =>
			(scope ? db().scopedTo(scope) : db()).as(w.owner, (tx) =>
				tx.query<{ applications: number; decisions: number }>(
					`select (select count(*)::int from public.applications) as applications,
					   (select count(*)::int from public.decisions) as decisions`
				)
			);
		const [whole] = await count(null);
		const [own] = await count(w.challenge.id);
		const [other] = await count(w.draft.id);
		expect(whole.applications).toBeGreaterThan(0);
		expect(whole.decisions).toBeGreaterThan(0);
		expect(own).toEqual(whole);
		expect(other).toEqual({ applications: 0, decisions: 0 });
	});
});
