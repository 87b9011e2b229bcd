import { error, type RequestEvent } from '@sveltejs/kit';
import type { Queryable } from '../db';
import { requireUser } from '../guards';

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
	build: (tx: Queryable, challengeId: string) => Promise<string>
): Promise<Response> {
	const user = requireUser(event.locals, event.url);
	const id = event.params.id ?? '';
	if (!/^[0-9a-f-]{36}$/.test(id)) error(404, 'Not found');
	const result = await event.locals.db.as(user, async (tx) => {
		const slug = await managedChallengeSlug(tx, id);
		return slug ? { slug, csv: await build(tx, id) } : null;
	});
	if (!result) error(404, 'Not found');
	return new Response(result.csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${result.slug}-${name}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
}
