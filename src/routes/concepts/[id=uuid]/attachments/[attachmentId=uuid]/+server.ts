import { findAttachment } from '$lib/server/concepts';
import { requireUser } from '$lib/server/http/guards';
import { privateDownload } from '$lib/server/http/downloads';
import type { RequestHandler } from './$types';

// An attachment is served only to whom RLS shows its row.
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	return privateDownload(
		await locals.db.as(user, (tx) => findAttachment(tx, params.id, params.attachmentId))
	);
};
