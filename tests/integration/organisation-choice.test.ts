import { beforeAll, expect, it } from 'vitest';
import { searchWords } from '../../src/lib/domain/search';
import { ORGANISATION_CHOICE_MAX, organisationChoice } from '../../src/lib/server/organisations';
import type { Principal } from '../../src/lib/server/db/database';
import { describeEachDatabase } from './databases';
import { createUser } from './fixtures';

/**
 * The /challenges filter by organisation (issue 16: every organisation was sent to every
 * visitor): 30 organisations with a published challenge, named "Virasto <run> 1…30", 5
 * with only a draft and 5 with none, all of this run's word, which keeps other files'
 * rows out of the counts: letters only, as a digit in it would hold every number searched.
 */
const RUN = `zz${Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;
const PUBLISHED = 30;

describeEachDatabase('the organisation filter of /challenges, cut and searched in SQL', (db) => {
	beforeAll(async () => {
		await db().service('test: many organisations', async (tx) => {
			await tx.query(
				`insert into public.organisations (slug, name, names)
				 select $1 || '-' || i, 'Virasto ' || $1 || ' ' || i,
				   jsonb_build_object('fi', 'Virasto ' || $1 || ' ' || i, 'sv', 'Ämbetsverk ' || $1 || ' ' || i)
				 from generate_series(1, 40) i`,
				[RUN]
			);
			await tx.query(
				`insert into public.challenges (organisation_id, slug, title, status, published_at)
				 select o.id, o.slug || '-c', jsonb_build_object('fi', 'Haaste ' || o.slug),
				   case when split_part(o.slug, '-', 2)::int <= $2 then 'published' else 'draft' end,
				   case when split_part(o.slug, '-', 2)::int <= $2 then now() end
				 from public.organisations o
				 where o.slug like $1 || '-%' and split_part(o.slug, '-', 2)::int <= 35`,
				[RUN, PUBLISHED]
			);
		});
	});

	const choose = (who: Principal | null, q: string, chosen: string | null = null) =>
		db().as(who, (tx) => organisationChoice(tx, searchWords(q), 'fi', chosen));
	const numbers = (options: { slug: string }[]) => options.map((o) => Number(o.slug.split('-')[1]));

	it('offers the first few with a published challenge, by name, and how many there are', async () => {
		const signedIn = await createUser(db(), 'Ville Visitor');
		for (const who of [null, signedIn]) {
			const choice = await choose(who, RUN);
			expect([choice.shown, choice.total]).toEqual([ORGANISATION_CHOICE_MAX, PUBLISHED]);
			// In Finnish order of names: "… 1", "… 10" … "… 19", "… 2", "… 20" … "… 27".
			const sorted = Array.from({ length: PUBLISHED }, (_, i) => i + 1).sort();
			expect(numbers(choice.options)).toEqual(sorted.slice(0, ORGANISATION_CHOICE_MAX));
			expect(choice.options[0]).toEqual({
				slug: `${RUN}-1`,
				name: `Virasto ${RUN} 1`,
				names: { fi: `Virasto ${RUN} 1`, sv: `Ämbetsverk ${RUN} 1` },
				primaryLocale: 'fi'
			});
		}
	});

	it('narrows by words of a name in any language, and never offers one without a published challenge', async () => {
		const three = await choose(null, `ambetsverk ${RUN} 3`);
		// A word is found within a name: "… 13", "… 23", "… 3", "… 30"; 31…35 have only a
		// draft, 36…40 nothing.
		expect([three.shown, three.total]).toEqual([4, 4]);
		expect(numbers(three.options)).toEqual([13, 23, 3, 30]);
		expect((await choose(null, `${RUN} 33`)).total).toBe(0);
		expect((await choose(null, `${RUN} nothing`)).options).toEqual([]);
	});

	it('keeps the chosen organisation among the options, past the cap or the words', async () => {
		const past = await choose(null, RUN, `${RUN}-9`);
		expect(numbers(past.options)).toHaveLength(ORGANISATION_CHOICE_MAX + 1);
		expect(numbers(past.options)[0]).toBe(9);
		expect((await choose(null, `${RUN} 3`, `${RUN}-9`)).options[0].slug).toBe(`${RUN}-9`);
		// Already offered: not twice.
		expect(numbers((await choose(null, RUN, `${RUN}-1`)).options)).toHaveLength(
			ORGANISATION_CHOICE_MAX
		);
		// One with only a draft, or unknown, is not chosen into the filter.
		expect(numbers((await choose(null, `${RUN} 3`, `${RUN}-33`)).options)).toEqual([13, 23, 3, 30]);
		expect(numbers((await choose(null, `${RUN} 3`, 'no-such-org')).options)).toEqual([
			13, 23, 3, 30
		]);
	});
});
