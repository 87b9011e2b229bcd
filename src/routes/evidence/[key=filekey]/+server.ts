import { error } from '@sveltejs/kit';
import { canReadEvidence } from '$lib/server/evidence';
import { fileResponse, getStorage } from '$lib/server/storage';
import type { RequestHandler } from './$types';

// Evidence is private: served only when a row the reader may see under RLS points at it.
// Anyone else, signed in or not, learns nothing: the same 404 as for a missing file.
export const GET: RequestHandler = async ({ locals, params }) => {
	if (!locals.user) error(404, 'Not found');
	const allowed = await locals.db.as(locals.user, (tx) => canReadEvidence(tx, params.key));
	const file = allowed ? await getStorage('private').get(params.key) : null;
	if (!file) error(404, 'Not found');
	// Only PDFs and images are ever stored here (judged by their bytes): shown in the browser.
	return fileResponse(file, 'private', 'inline');
};
