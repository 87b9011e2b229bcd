import { error } from '@sveltejs/kit';
import { confirmEmailChange, pendingEmailChange } from '$lib/server/auth/email-change';
import { translate } from '$lib/server/i18n';
import { clientAddress } from '$lib/server/http/limits';
import type { Actions, PageServerLoad } from './$types';

/** The status and words of each refusal: gone for good, or never known. */
const REFUSED = {
	unknown: { status: 404, key: 'email_confirm_unknown' },
	used: { status: 410, key: 'email_confirm_used' },
	expired: { status: 410, key: 'email_confirm_expired' },
	taken: { status: 409, key: 'email_confirm_taken' }
} as const;

const refuse = (reason: keyof typeof REFUSED): never => {
	const refused = REFUSED[reason];
	error(refused.status, translate(refused.key));
};

// Opening the mailed link shows the new address and asks; nothing changes until the button
// is pressed (a mail scanner fetching the link confirms nothing). Signed in or not: the
// token is single-use and only its SHA-256 is kept; the link went to the new address and
// was asked for with the account's password.
export const load: PageServerLoad = async ({ locals, params, request, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	// After the button (the action ran in this request) the page shows the action's answer:
	// the link is used by then, which is no refusal.
	if (request.method === 'POST') return { email: null };
	const pending = await pendingEmailChange(locals.db, params.token);
	if (!pending.ok) return refuse(pending.reason);
	return { email: pending.email };
};

export const actions: Actions = {
	/**
	 * Confirms: the address changes and the account's other sessions end; this browser's
	 * own session stays when it is the same account's.
	 */
	default: async (event) => {
		const { locals, params } = event;
		const outcome = await confirmEmailChange(
			locals.db,
			params.token,
			locals.user?.sessionId,
			clientAddress(event)
		);
		if (!outcome.ok) return refuse(outcome.reason);
		return { email: outcome.email, signedIn: locals.user?.id === outcome.userId };
	}
};
