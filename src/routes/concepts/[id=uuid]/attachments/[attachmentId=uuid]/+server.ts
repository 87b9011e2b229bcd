import { error } from '@sveltejs/kit';
import { findAttachment } from '$lib/server/concepts';
import { requireUser } from '$lib/server/http/guards';
import { fileResponse, getStorage } from '$lib/server/storage';
import type { RequestHandler } from './$types';

// An attachment is served only to whom RLS shows its row.
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const doc = await locals.db.as(user, (tx) => findAttachment(tx, params.id, params.attachmentId));
	const file = doc && (await getStorage('private').get(doc.fileKey));
	if (!file) error(404, 'Not found');
	return fileResponse(
		file,
		'private',
		`attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`
	);
};
