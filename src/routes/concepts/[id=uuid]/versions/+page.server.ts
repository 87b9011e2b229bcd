import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { versionChanges } from '$lib/domain/concept';
import { formatEuros } from '$lib/format';
import { getLocale } from '$lib/paraglide/runtime';
import { getConcept, listVersions } from '$lib/server/concepts';
import { requireUser } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

const pick = z.coerce.number().int().min(1);

/**
 * Every version of the concept and what changed between two of them (`?from=&to=`, by
 * default the one before the latest and the latest): texts as word diffs, the budget as
 * rows removed and added. Anyone who may read the concept may read this (RLS).
 */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	// The reads are sent together (issue 16).
	const [concept, versions] = await locals.db.as(user, (tx) =>
		Promise.all([getConcept(tx, params.id), listVersions(tx, params.id)])
	);
	if (!concept) error(404, 'Not found');
	const latest = versions[0]?.version ?? 0;
	const from = pick.safeParse(url.searchParams.get('from'));
	const to = pick.safeParse(url.searchParams.get('to'));
	const a = versions.find((v) => v.version === (from.success ? from.data : latest - 1));
	const b = versions.find((v) => v.version === (to.success ? to.data : latest));
	const locale = getLocale();
	const changes = a && b ? versionChanges(a, b, (cents) => formatEuros(cents, locale)) : null;
	return {
		concept: {
			id: concept.id,
			title: concept.title,
			lang: concept.team.lang,
			applicationId: concept.applicationId
		},
		versions: versions.map(({ version, savedAt, savedBy, title }) => ({
			version,
			savedAt,
			savedBy,
			title
		})),
		from: a?.version ?? null,
		to: b?.version ?? null,
		changes
	};
};
