import { error } from '@sveltejs/kit';
import { findDocument } from '$lib/server/applications/documents';
import { requireUser } from '$lib/server/http/guards';
import { fileResponse, getStorage } from '$lib/server/storage';
import type { RequestHandler } from './$types';

// A document is served only to whom RLS shows its row: the team, and owners once submitted.
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const doc = await locals.db.as(user, (tx) => findDocument(tx, params.id, params.documentId));
	const file = doc && (await getStorage('private').get(doc.fileKey));
	if (!file) error(404, 'Not found');
	return fileResponse(
		file,
		'private',
		`attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`
	);
};
