import fc from 'fast-check';
import { expect, it } from 'vitest';
import { NO_FILTER } from '../../src/lib/domain/list-filter';
import { organisationsPage } from '../../src/lib/server/organisations';
import { describeEachDatabase } from './databases';
import { createUser } from './fixtures';

const LOCALES = ['fi', 'sv', 'en'] as const;

// Names as Nordic (and visiting) readers write them: both cases, the Nordic letters, the
// letters Finnish and Swedish sort as others (ü, ø, æ, é, ß …), spaces, hyphens, digits.
const letter = fc.constantFrom(
	...'aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZåÅäÄöÖüÜøØæÆéÉèàáçñßœ -019'.split('')
);
const name = fc.array(letter, { maxLength: 8 }).map((cs) => cs.join(''));

const sign = (n: number) => Math.sign(n);
const byteCompare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describeEachDatabase('sort keys in the reader’s alphabet (issue 11, item 4)', (db) => {
	it('order any names as Intl.Collator(fi | sv | en, base) does', async () => {
		await fc.assert(
			fc.asyncProperty(fc.uniqueArray(name, { minLength: 2, maxLength: 30 }), async (names) => {
				for (const locale of LOCALES) {
					const rows = await db().service('test: sort keys', (tx) =>
						tx.query<{ n: string; k: string }>(
							'select n, public.sort_key(n, $2)::text as k from unnest($1::text[]) n',
							[names, locale]
						)
					);
					const collator = new Intl.Collator(locale, { sensitivity: 'base' });
					for (const a of rows)
						for (const b of rows)
							if (sign(byteCompare(a.k, b.k)) !== sign(collator.compare(a.n, b.n)))
								expect({ locale, a: a.n, b: b.n, keys: [a.k, b.k] }).toBe('ordered alike');
				}
			}),
			{ numRuns: 60 }
		);
	});

	it('sort by the key in bytes, whatever the database collation', async () => {
		const sorted = await db().service('test: order by', (tx) =>
			tx.query<{ n: string }>(
				`select n from unnest(array['b', 'B', 'a', 'Ä', 'Z', '_x', ' y']) n
				 order by public.sort_key(n, 'fi'), n`
			)
		);
		expect(sorted.map((r) => r.n)).toEqual([' y', '_x', 'a', 'B', 'b', 'Z', 'Ä']);
	});

	it('list organisations aava, Zeta, Åbo, Ähtäri, Örebro in fi and sv; folded in en', async () => {
		const admin = await createUser(db(), 'Admin', { admin: true });
		const names = ['Örebro', 'Zeta', 'Ähtäri', 'Åbo', 'aava'];
		await db().service('test: organisations', async (tx) => {
			for (const [i, n] of names.entries())
				await tx.query('insert into public.organisations (slug, name) values ($1, $2)', [
					`nordic-${i}-${Math.random().toString(36).slice(2, 8)}`,
					n
				]);
		});
		const listed = async (locale: 'fi' | 'sv' | 'en') =>
			(await db().as(admin, (tx) => organisationsPage(tx, NO_FILTER, 1, locale, 100_000))).items
				.map((o) => o.name)
				.filter((n) => names.includes(n));
		expect(await listed('fi')).toEqual(['aava', 'Zeta', 'Åbo', 'Ähtäri', 'Örebro']);
		expect(await listed('sv')).toEqual(['aava', 'Zeta', 'Åbo', 'Ähtäri', 'Örebro']);
		expect(await listed('en')).toEqual(['aava', 'Åbo', 'Ähtäri', 'Örebro', 'Zeta']);
	});
});
