import { error } from '@sveltejs/kit';
import { finalTenderFile, readFinalTender } from '$lib/server/concepts';
import { requireUser } from '$lib/server/http/guards';
import type { RequestHandler } from './$types';

// The final tender byte for byte as its digest was taken: `sha256sum` of this file equals
// the digest on the receipt. To whom RLS shows the tender.
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const tender = await locals.db.as(user, (tx) => readFinalTender(tx, params.tenderId));
	if (!tender || tender.conceptId !== params.id) error(404, 'Not found');
	return finalTenderFile(tender);
};
