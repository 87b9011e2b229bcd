import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { versionChanges } from '$lib/domain/concept';
import { listPage } from '$lib/domain/kept-query';
import { formatEuros } from '$lib/format';
import { getLocale } from '$lib/paraglide/runtime';
import {
	getConcept,
	VERSION_PAGE_SIZE,
	versionsNumbered,
	versionsPage
} from '$lib/server/concepts';
import { requireUser } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

const pick = z.coerce.number().int().min(1);

/**
 * The concept's versions a page at a time (`?page=`, newest first) and what changed between
 * two of them (`?from=&to=`, by default the one before the latest and the latest): texts
 * as word diffs, the budget as rows removed and added. Only the two compared are read
 * whole (issue 16: every autosave is a version). A version asked for that was never saved
 * is said at its field. Anyone who may read the concept may read this (RLS).
 */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const asked = (field: string) => {
		const parsed = pick.safeParse(url.searchParams.get(field));
		return parsed.success ? parsed.data : null;
	};
	// The reads are sent together (issue 16).
	const [concept, versions] = await locals.db.as(user, (tx) =>
		Promise.all([
			getConcept(tx, params.id),
			versionsPage(tx, params.id, listPage(url.searchParams.get('page')))
		])
	);
	if (!concept) error(404, 'Not found');
	const from = asked('from') ?? versions.latest - 1;
	const to = asked('to') ?? versions.latest;
	const compared = await locals.db.as(user, (tx) => versionsNumbered(tx, params.id, [from, to]));
	const a = compared.find((v) => v.version === from);
	const b = compared.find((v) => v.version === to);
	const locale = getLocale();
	const changes = a && b ? versionChanges(a, b, (cents) => formatEuros(cents, locale)) : null;
	return {
		concept: {
			id: concept.id,
			title: concept.title,
			lang: concept.team.lang,
			applicationId: concept.applicationId
		},
		versions,
		size: VERSION_PAGE_SIZE,
		from,
		to,
		/** The versions asked for by number that were never saved, by field. */
		missing: {
			from: asked('from') !== null && !a,
			to: asked('to') !== null && !b
		},
		changes
	};
};
