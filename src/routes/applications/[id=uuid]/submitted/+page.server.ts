import { error } from '@sveltejs/kit';
import { submittedSnapshot } from '$lib/server/applications/snapshot-file';
import { requireUser } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

// The team's readable copy of what it submitted: the frozen snapshot, the same content as
// snapshot.json (whose SHA-256 is the digest on record), for people rather than tools.
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const found = await locals.db.as(user, (tx) => submittedSnapshot(tx, params.id));
	if (!found) error(404, 'Not found');
	return { id: params.id, ...found };
};
