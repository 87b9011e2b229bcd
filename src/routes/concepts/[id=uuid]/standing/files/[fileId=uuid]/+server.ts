import { findEvidenceFile } from '$lib/server/proofs-of-concept';
import { requireUser } from '$lib/server/http/guards';
import { privateDownload } from '$lib/server/http/downloads';
import type { RequestHandler } from './$types';

// A milestone's evidence file is served only to whom RLS shows its row (the partner's
// team, the owner's challenge team); 404 for everyone else.
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	return privateDownload(
		await locals.db.as(user, (tx) => findEvidenceFile(tx, params.id, params.fileId))
	);
};
