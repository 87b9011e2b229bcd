import { beforeAll, expect, it } from 'vitest';
import type { ChallengeFilters } from '../../src/lib/domain/challenge';
import type { Database } from '../../src/lib/server/db/database';
import type { Queryable } from '../../src/lib/server/db/driver';
import { prefixQuery, searchWords } from '../../src/lib/domain/search';
import { searchChallenges } from '../../src/lib/server/challenges/list';
import { describePostgres } from './databases';
import { createOrganisation, createUser } from './fixtures';

const CHALLENGES = 5_000;
/** Every this many challenges one has "valmennus" in its title. */
const EVERY = 500;

/** Every node of an EXPLAIN (format json) plan, depth first. */
function nodes(plan: Record<string, unknown>): Record<string, unknown>[] {
	const children = (plan.Plans as Record<string, unknown>[] | undefined) ?? [];
	return [plan, ...children.flatMap(nodes)];
}

const filters = (q: string, organisation: string | null): ChallengeFilters => ({
	q,
	stage: null,
	organisation,
	procedure: null,
	openNow: false,
	sort: 'relevance',
	page: 1
});

/**
 * Runs the list page's search as a visitor, but has the database explain its one list
 * statement instead of running it; returns the plan's nodes.
 */
async function searchPlan(db: () => Database, q: string, organisation: string | null) {
	let plan: Record<string, unknown> | null = null;
	await db().as(null, (tx) => {
		const explaining: Queryable = {
			exec: (script) => tx.exec(script),
			async query<T>(text: string, params?: unknown[]) {
				if (!text.includes('stage_info as')) return tx.query<T>(text, params);
				const [row] = await tx.query<{ 'QUERY PLAN': unknown }>(
					`explain (format json) ${text}`,
					params
				);
				const json = row['QUERY PLAN'];
				plan = (typeof json === 'string' ? JSON.parse(json) : json)[0].Plan;
				return [];
			}
		};
		return searchChallenges(explaining, filters(q, organisation));
	});
	if (!plan) throw new Error('the search sent no list statement');
	return nodes(plan);
}

describePostgres('the challenge search is served by its indexes', (db) => {
	let organisation = '';

	beforeAll(async () => {
		const owner = await createUser(db(), 'Plan Owner');
		const org = await createOrganisation(db(), owner.id);
		// 5,000 published challenges written in one batch, as a seed or an import would:
		// made-up words in three languages, a long body, "valmennus" in every 500th title.
		// Analysed (autovacuum would) but not vacuumed: GIN entries still pending then
		// made the planner choose a sequential scan (0.48 s at this size, 18 ms by index).
		[{ slug: organisation }] = await db().service('test: many challenges', async (tx) => {
			await tx.query(
				`insert into public.challenges (organisation_id, slug, title, summary, body, status, published_at)
				 select $1, 'plan-' || i || '-' || substr(md5(random()::text), 1, 6),
				   jsonb_build_object(
				     'fi', initcap(substr(md5(i::text), 1, 7)) || ' ' || substr(md5((i * 7)::text), 1, 9)
				           || case when i % $3 = 0 then ' valmennus' else '' end,
				     'sv', 'Utmaning ' || substr(md5((i * 3)::text), 1, 8),
				     'en', 'Challenge ' || substr(md5((i * 5)::text), 1, 8)),
				   jsonb_build_object('fi', 'Tiivistelmä ' || substr(md5((i * 11)::text), 1, 10) || ' kaupungissa'),
				   jsonb_build_object('fi', repeat(substr(md5((i * 17)::text), 1, 8) || ' kuvaus haasteesta '
				     || substr(md5((i * 19)::text), 1, 8) || '. ', 30)),
				   'published', now() - make_interval(mins => i)
				 from generate_series(1, $2) i`,
				[org.id, CHALLENGES, EVERY]
			);
			await tx.query('analyze public.challenges');
			return tx.query<{ slug: string }>('select slug from public.organisations where id = $1', [
				org.id
			]);
		});
	}, 120_000);

	/** The scans of `plan` that filter by the search columns themselves. */
	const searchScans = (plan: Record<string, unknown>[]) =>
		plan.filter((n) =>
			/search_words|search_folded/.test(
				[n['Filter'], n['Recheck Cond'], n['Index Cond']].filter(Boolean).join(' ')
			)
		);
	const shown = (plan: Record<string, unknown>[]) =>
		JSON.stringify(
			plan.map((n) =>
				[n['Node Type'], n['Relation Name'], n['Index Name'], n['Function Name']].filter(Boolean)
			)
		);

	it.each(['valmennuksen', 'valmenus', 'tekoaly'])(
		'"%s" at 5,000 challenges: the list joins the matching ids by key, not a scan of every row',
		async (q) => {
			// The whole list, as /challenges?q= searches it (no organisation chosen), as a
			// visitor: under RLS, where `@@` and `%>` (not leakproof) cannot use an index.
			const plan = await searchPlan(db, q, null);
			expect(
				plan.filter((n) => n['Function Name'] === 'matching_challenge_ids'),
				shown(plan)
			).toHaveLength(1);
			expect(searchScans(plan), shown(plan)).toEqual([]);
			const main = plan.filter((n) => n['Relation Name'] === 'challenges' && n['Alias'] === 'c');
			expect(
				main.map((n) => n['Node Type']),
				shown(plan)
			).not.toContain('Seq Scan');
		}
	);

	it.each(['valmennuksen', 'valmenus', 'tekoaly'])(
		'"%s" at 5,000 challenges: the matching ids come from both text indexes',
		async (q) => {
			// The body of public.matching_challenge_ids, explained as it runs: as its owner,
			// with the list's parameters and typo threshold.
			const plan = await db().service('test: explain the search function', async (tx) => {
				const [{ body }] = await tx.query<{ body: string }>(
					`select prosrc as body from pg_proc where proname = 'matching_challenge_ids'`
				);
				await tx.query(`select set_config('pg_trgm.word_similarity_threshold', '0.55', true)`);
				// Its one query (PL/pgSQL: `return query …;`), arguments by name → $1, $2
				// (`search_words` is one word, untouched).
				const query = /return query\s+([\s\S]*?);\s*end\s*$/.exec(body)?.[1];
				if (!query) throw new Error(`no query in public.matching_challenge_ids: ${body}`);
				const statement = query
					.replace(/\bwords\b/g, () => '$1::text')
					.replace(/\bfolded\b/g, () => '$2::text');
				const [row] = await tx.query<{ 'QUERY PLAN': unknown }>(
					`explain (format json) ${statement}`,
					[prefixQuery(q), searchWords(q).join(' ')]
				);
				const json = row['QUERY PLAN'];
				return nodes((typeof json === 'string' ? JSON.parse(json) : json)[0].Plan);
			});
			const scans = plan.filter((n) => n['Relation Name'] === 'challenges');
			expect(
				scans.map((n) => n['Node Type']),
				shown(plan)
			).not.toContain('Seq Scan');
			expect(plan.map((n) => n['Index Name']).filter(Boolean), shown(plan)).toEqual(
				expect.arrayContaining(['challenges_search_words_idx', 'challenges_search_folded_idx'])
			);
		}
	);

	it('finds what it should among them', async () => {
		const { items, total } = await db().as(null, (tx) =>
			searchChallenges(tx, filters('valmennuksen', organisation))
		);
		expect(total).toBe(CHALLENGES / EVERY);
		expect(items.every((c) => c.title.fi?.endsWith(' valmennus'))).toBe(true);
	});
});
