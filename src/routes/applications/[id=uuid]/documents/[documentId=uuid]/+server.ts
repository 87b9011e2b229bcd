import { findDocument } from '$lib/server/applications/documents';
import { requireUser } from '$lib/server/http/guards';
import { privateDownload } from '$lib/server/http/downloads';
import type { RequestHandler } from './$types';

// A document is served only to whom RLS shows its row: the team, and owners once submitted.
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	return privateDownload(
		await locals.db.as(user, (tx) => findDocument(tx, params.id, params.documentId))
	);
};
