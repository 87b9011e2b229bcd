import { error, type RequestEvent } from '@sveltejs/kit';
import type { Queryable } from '../db';
import type { CsvTable } from '$lib/domain/csv';
import type { Locale } from '$lib/domain/locale';
import { getLocale } from '$lib/paraglide/runtime';
import { csvResponse } from '../csv';
import { requireUser } from './guards';

/**
 * The challenge's slug when the caller is on its team (issue 10, item 24: not every
 * member of the organisation reads applications), else null.
 */
export async function managedChallengeSlug(tx: Queryable, challengeId: string) {
	const [row] = await tx.query<{ slug: string }>(
		'select slug from public.challenges where id = $1 and private.is_on_challenge_team(id)',
		[challengeId]
	);
	return row?.slug ?? null;
}

/**
 * A CSV export of a challenge as a download, for the people who manage it; everyone
 * else gets a 404, as the management pages do.
 */
export async function csvDownload(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>,
	name: string,
	build: (tx: Queryable, challengeId: string, locale: Locale) => Promise<CsvTable>
): Promise<Response> {
	const user = requireUser(event.locals, event.url);
	// The route's [id=uuid] matcher let only a UUID through.
	const id = event.params.id ?? '';
	const locale = getLocale();
	const result = await event.locals.db.as(user, async (tx) => {
		const slug = await managedChallengeSlug(tx, id);
		return slug ? { slug, table: await build(tx, id, locale) } : null;
	});
	if (!result) error(404, 'Not found');
	return csvResponse(result.table, locale, `${result.slug}-${name}.csv`);
}
