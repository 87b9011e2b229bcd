import {
	ORGANISATION_SEARCH,
	PROCEDURES,
	SORTS,
	defaultSort,
	type ChallengeFilters
} from '$lib/domain/challenge';
import { getLocale } from '$lib/paraglide/runtime';
import { STAGES } from '$lib/domain/stages';
import { textFor } from '$lib/domain/locale';
import { searchChallenges } from '$lib/server/challenges/list';
import { organisationChoice } from '$lib/server/organisations';
import { searchWords } from '$lib/domain/search';
import { visitorList } from '$lib/server/challenges/visitor-cache';
import { LIST_PAGE_MAX, listSearch } from '$lib/domain/kept-query';
import { z } from 'zod';
import type { PageServerLoad } from './$types';

// A bad filter value in the address is ignored rather than answered with an error; a
// search too long is read as its first LIST_SEARCH_MAX characters (listSearch).
const filters = z.object({
	q: z.string(),
	stage: z.enum(STAGES).nullable().catch(null),
	organisation: z
		.string()
		.regex(/^[a-z0-9-]{1,60}$/)
		.nullable()
		.catch(null),
	procedure: z.enum(PROCEDURES).nullable().catch(null),
	openNow: z
		.literal('1')
		.transform(() => true)
		.catch(false),
	sort: z.enum(SORTS).nullable().catch(null),
	// Past the last page is the last page (searchChallenges); a number too big for an
	// offset is as far past it as any.
	page: z.coerce
		.number()
		.int()
		.min(1)
		.catch(1)
		.transform((n) => Math.min(n, LIST_PAGE_MAX))
});

export const load: PageServerLoad = async ({ locals, url }) => {
	const get = (k: string) => url.searchParams.get(k) ?? undefined;
	const { sort, ...parsed } = filters.parse({
		q: listSearch(get('q')),
		stage: get('stage') ?? null,
		organisation: get('organisation') ?? null,
		procedure: get('procedure') ?? null,
		openNow: get('open'),
		sort: get('sort') ?? null,
		page: get('page')
	});
	const f: ChallengeFilters = { ...parsed, sort: sort ?? defaultSort(parsed.q) };
	// Words narrowing the organisation filter, whose choice is cut (organisationChoice).
	const orgQ = listSearch(get(ORGANISATION_SEARCH));
	// Published challenges only: the same for every reader, so read as a visitor and,
	// without search words (any text would make a key), kept for a few seconds (issue 16).
	const read = () =>
		locals.db.as(null, async (tx) => ({
			result: await searchChallenges(tx, f),
			organisations: await organisationChoice(
				tx,
				searchWords(orgQ),
				getLocale(),
				f.organisation
			).then((choice) => ({
				...choice,
				options: choice.options.map((o) => {
					const name = textFor(o.names, getLocale(), o.primaryLocale);
					return { slug: o.slug, name: name.text, lang: name.attr };
				})
			}))
		}));
	const data = f.q || orgQ ? await read() : await visitorList(getLocale(), f, read);
	// The page shown, which is the last one when the address asked for one past it.
	return { ...data, orgQ, filters: { ...f, page: data.result.page } };
};
