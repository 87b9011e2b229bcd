import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { ChallengeFilters } from '../../src/lib/domain/challenge';
import { foldForSearch } from '../../src/lib/domain/search';
import { searchChallenges } from '../../src/lib/server/challenges/list';
import { describeEachDatabase } from './databases';
import { createOrganisation, createUser } from './fixtures';

// Challenges as organisations write them, in three languages.
const CORPUS = {
	coaching: {
		title: {
			fi: 'Valmennus työelämään',
			sv: 'Coachning för arbetslivet',
			en: 'Coaching for working life'
		},
		summary: { fi: 'Työllistymistä tukeva valmennus nuorille.' }
	},
	ai: {
		title: { fi: 'Tekoäly työnhaussa', sv: 'AI i jobbsökandet', en: 'AI in job search' },
		summary: { fi: 'Työnhakijat löytävät osaamistaan vastaavat paikat.' }
	},
	snow: {
		title: { fi: 'Lumen aurauksen optimointi', sv: 'Snöröjning', en: 'Snow clearing' },
		summary: { fi: 'Katujen kunnossapito talvella.' }
	},
	libraries: {
		title: {
			fi: 'Teknologiayhteistyö kirjastoissa',
			sv: 'Teknologisamarbete i biblioteken',
			en: 'Technology partnership in libraries'
		},
		summary: { fi: 'Kirjastojen digitaaliset palvelut ja tekoäly.' }
	},
	skills: {
		title: {
			fi: 'Kansainvälinen osaaminen',
			sv: 'Internationell kompetens',
			en: 'International skills'
		},
		summary: { fi: 'Kansainvälisten osaajien houkuttelu Helsinkiin.' }
	}
} as const;
type Key = keyof typeof CORPUS;

// What a person types, what it must find (in this order when `ordered`), what it must not.
const QUERIES: { q: string; hits: Key[]; not: Key[]; ordered?: boolean }[] = [
	// Finnish inflection (issue 11, item 5)
	{ q: 'valmennuksen', hits: ['coaching'], not: ['snow', 'libraries', 'ai'] },
	{ q: 'työllistyminen', hits: ['coaching'], not: ['ai', 'skills'] },
	{ q: 'työhön', hits: ['coaching', 'ai'], not: ['libraries', 'snow'] },
	{ q: 'kansainvälisten', hits: ['skills'], not: ['coaching'] },
	{ q: 'kansainvälinen osaaja', hits: ['skills'], not: ['ai'] },
	{ q: 'kirjastoille', hits: ['libraries'], not: ['skills'] },
	// Missing ä/ö/å
	{ q: 'tekoaly', hits: ['ai', 'libraries'], not: ['snow', 'skills'] },
	{ q: 'tyonhaku', hits: ['ai'], not: ['coaching'] },
	{ q: 'snorojning', hits: ['snow'], not: ['libraries'] },
	// Small typos
	{ q: 'valmenus', hits: ['coaching'], not: ['snow'] },
	{ q: 'tecnology', hits: ['libraries'], not: ['ai'] },
	{ q: 'työllisstyminen', hits: ['coaching'], not: ['skills'] },
	// Swedish and English forms
	{ q: 'snöröjningen', hits: ['snow'], not: ['coaching'] },
	{ q: 'bibliotekens', hits: ['libraries'], not: ['skills'] },
	{ q: 'libraries', hits: ['libraries'], not: ['ai'] },
	{ q: 'coaching', hits: ['coaching'], not: ['ai'] },
	{ q: 'partnerships', hits: ['libraries'], not: ['skills'] },
	// Not everything that starts alike
	{ q: 'teknologia', hits: ['libraries'], not: ['ai'] },
	{ q: 'valmistus', hits: [], not: ['coaching'] },
	// Best matches first: a title beats a summary
	{ q: 'tekoäly', hits: ['ai', 'libraries'], not: [], ordered: true }
];

describeEachDatabase('search the way a Finn types (issue 11, item 5)', (db) => {
	const slugs = {} as Record<Key, string>;
	let organisation = '';

	beforeAll(async () => {
		const owner = await createUser(db(), 'Search Owner');
		const org = await createOrganisation(db(), owner.id);
		[{ slug: organisation }] = await db().service('test: org slug', (tx) =>
			tx.query<{ slug: string }>('select slug from public.organisations where id = $1', [org.id])
		);
		for (const [key, c] of Object.entries(CORPUS) as [Key, (typeof CORPUS)[Key]][]) {
			slugs[key] = `search-${key}-${Math.random().toString(36).slice(2, 8)}`;
			await db().service('test: challenge', (tx) =>
				tx.query(
					`insert into public.challenges (organisation_id, slug, title, summary, status, published_at)
					 values ($1, $2, $3, $4, 'published', now())`,
					[org.id, slugs[key], c.title, c.summary]
				)
			);
		}
	});

	const search = async (q: string) => {
		const f: ChallengeFilters = {
			q,
			stage: null,
			organisation,
			procedure: null,
			openNow: false,
			sort: 'relevance',
			page: 1
		};
		const { items } = await db().as(null, (tx) => searchChallenges(tx, f));
		const bySlug = Object.fromEntries(Object.entries(slugs).map(([k, s]) => [s, k]));
		return items.map((c) => bySlug[c.slug] as Key);
	};

	it.each(QUERIES)('$q finds $hits and not $not', async ({ q, hits, not, ordered }) => {
		const found = await search(q);
		if (ordered) expect(found.slice(0, hits.length)).toEqual(hits);
		else expect(found).toEqual(expect.arrayContaining(hits));
		for (const key of not) expect(found).not.toContain(key);
	});

	it('folds text in SQL exactly as in TypeScript (public.search_fold = foldForSearch)', async () => {
		const letter = fc.constantFrom(...'aAzZåÅäÄöÖüÜøØæÆéÉßœþðđłçñ -1'.split(''), 'a\u0308');
		await fc.assert(
			fc.asyncProperty(
				fc.array(
					fc.array(letter).map((cs) => cs.join('')),
					{ maxLength: 20 }
				),
				async (texts) => {
					const rows = await db().service('test: fold', (tx) =>
						tx.query<{ t: string; f: string }>(
							'select t, public.search_fold(t) as f from unnest($1::text[]) t',
							[texts]
						)
					);
					for (const r of rows) expect(r.f, r.t).toBe(foldForSearch(r.t));
				}
			),
			{ numRuns: 30 }
		);
	});
});
