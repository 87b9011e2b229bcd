import { error } from '@sveltejs/kit';
import { submittedSnapshotText } from '$lib/server/applications/snapshot-file';
import { requireUser } from '$lib/server/http/guards';
import type { RequestHandler } from './$types';

// The team's own copy of what it submitted, byte for byte the text the digest was taken
// of: `sha256sum` of this file equals the digest on the receipt.
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const id = params.id;
	const text = await locals.db.as(user, (tx) => submittedSnapshotText(tx, id));
	if (text === null) error(404, 'Not found');
	return new Response(text, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="application-${id}.json"`,
			'cache-control': 'private, no-store'
		}
	});
};
