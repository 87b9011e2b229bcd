import { error } from '@sveltejs/kit';
import { findEvidenceFile } from '$lib/server/proofs-of-concept';
import { requireUser } from '$lib/server/http/guards';
import { fileResponse, getStorage } from '$lib/server/storage';
import type { RequestHandler } from './$types';

// A milestone's evidence file is served only to whom RLS shows its row (the partner's
// team, the owner's challenge team); 404 for everyone else.
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const doc = await locals.db.as(user, (tx) => findEvidenceFile(tx, params.id, params.fileId));
	const file = doc && (await getStorage('private').get(doc.fileKey));
	if (!file) error(404, 'Not found');
	return fileResponse(
		file,
		'private',
		`attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`
	);
};
