import { safeRedirectPath } from '$lib/domain/safe-path';
import { verifyEmail } from '$lib/server/auth/accounts';
import type { PageServerLoad } from './$types';

// Verifying on GET is safe: the token is single-use, and a mail scanner that opens
// the link only does what the person would have done.
export const load: PageServerLoad = async ({ url, locals }) => {
	const token = url.searchParams.get('token') ?? '';
	const verified = token.length > 0 && token.length <= 100 && (await verifyEmail(locals.db, token));
	return { verified, redirectTo: safeRedirectPath(url.searchParams.get('redirectTo'), '') };
};
