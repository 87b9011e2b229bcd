import { beforeAll, expect, it } from 'vitest';
import { claimFor, type Principal } from '../../src/lib/server/db/database';
import { createAccessWorld, principals, ROLES, type Role } from './access-world';
import { describeEachDatabase } from './databases';

/**
 * The set helpers that join the unsealing rules instead of calling the rules' functions
 * per row (20261217001400_unsealed_joined.sql) name what the functions would: each is
 * compared, for every signed-in role of the access world, with its former text, which asks
 * private.applications_unsealed or private.final_tenders_unsealed about each row.
 * (private.hidden_attention is compared with the rule's words in challenge-scope.test.ts.)
 */
const HELPERS: Record<string, string> = {
	'private.my_jury_application_ids()': `select s.application_id as id from public.jury_assignments s
	  join public.jury_members j on j.id = s.juror_id
	  join public.applications a on a.id = s.application_id and a.status = 'submitted'
	  where j.user_id = (select auth.uid()) and j.accepted_at is not null
	    and exists (select 1 from public.jury_conflicts c
	                where c.juror_id = s.juror_id and c.application_id = s.application_id and not c.conflict)
	    and private.applications_unsealed(a.challenge_id)`,
	'private.my_jury_final_tender_ids()': `select s.final_tender_id as id from public.jury_assignments s
	  join public.jury_members j on j.id = s.juror_id
	  join public.final_tenders t on t.id = s.final_tender_id and t.withdrawn_at is null
	  where j.user_id = (select auth.uid()) and j.accepted_at is not null
	    and exists (select 1 from public.jury_conflicts c
	                where c.juror_id = s.juror_id and c.item_id = s.item_id and not c.conflict)
	    and private.final_tenders_unsealed(t.challenge_id)`,
	'private.my_owned_concept_ids()': `select t.concept_id as id from public.final_tenders t
	  where t.challenge_id in (select private.my_team_challenge_ids())
	    and private.final_tenders_unsealed(t.challenge_id)`
};

describeEachDatabase('the unsealing rules joined in the set helpers', (db) => {
	let who: Record<Role, Principal>;
	/** How many ids each helper named, over all roles: a comparison of nothing proves nothing. */
	const named = new Map<string, number>();

	beforeAll(async () => {
		who = principals(await createAccessWorld(db()));
	});

	it.each(ROLES.filter((r) => r !== 'anon'))(
		'%s: each names what the per-row rule would',
		async (role) => {
			await db().service('test: unsealed parity', async (tx) => {
				await claimFor(tx, who[role]!);
				for (const [helper, oracle] of Object.entries(HELPERS)) {
					const ids = (sql: string) =>
						tx.query<{ id: string }>(sql).then((rows) => rows.map((r) => r.id).sort());
					const mine = await ids(`select h as id from ${helper} h`);
					expect(mine, helper).toEqual(await ids(oracle));
					named.set(helper, (named.get(helper) ?? 0) + mine.length);
				}
			});
		}
	);

	it('the world gives the applications and concepts helpers something to name', () => {
		expect(named.get('private.my_jury_application_ids()')).toBeGreaterThan(0);
		expect(named.get('private.my_owned_concept_ids()')).toBeGreaterThan(0);
	});
});
