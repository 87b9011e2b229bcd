import { error } from '@sveltejs/kit';
import { confirmEmailChange } from '$lib/server/auth/email-change';
import { translate } from '$lib/server/i18n';
import type { PageServerLoad } from './$types';

/** The status and words of each refusal: gone for good, or never known. */
const REFUSED = {
	unknown: { status: 404, key: 'email_confirm_unknown' },
	used: { status: 410, key: 'email_confirm_used' },
	expired: { status: 410, key: 'email_confirm_expired' },
	taken: { status: 409, key: 'email_confirm_taken' }
} as const;

// Opening the mailed link confirms, signed in or not, as the verification link does: the
// token is single-use and only its SHA-256 is kept; the link went to the new address and
// was asked for with the account's password. The account's other sessions end; this
// browser's own session stays when it is the same account's.
export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const outcome = await confirmEmailChange(locals.db, params.token, locals.user?.sessionId);
	if (!outcome.ok) {
		const refused = REFUSED[outcome.reason];
		error(refused.status, translate(refused.key));
	}
	return { email: outcome.email, signedIn: locals.user?.id === outcome.userId };
};
