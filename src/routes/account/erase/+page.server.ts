import { fail, redirect } from '@sveltejs/kit';
import { confirmsErasure, erasureSchema } from '$lib/domain/erasure';
import { clearSessionCookie } from '$lib/server/http/cookies';
import { inWords, parseForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { signInOutcome, signInRefused } from '$lib/server/http/rate-limit';
import { eraseAccount, erasureNeedsCode, erasureRefusals } from '$lib/server/erasure';
import type { Actions, PageServerLoad } from './$types';

/** A refusal in words; what was typed (password, code) is never sent back. */
const refuse = (errors: Record<string, string>, status = 400, params = {}) =>
	fail(status, { errors: inWords(errors, params) });

export const load: PageServerLoad = async ({ locals, url }) => {
	// After erasing, the person is signed out: the page then only says it is done.
	if (!locals.user && url.searchParams.has('erased')) return { erased: true as const };
	const user = requireUser(locals, url);
	// The reads are sent together (issue 16).
	const [refusals, needsCode] = await locals.db.service('account erasure page', (tx) =>
		Promise.all([erasureRefusals(tx, user.id), erasureNeedsCode(tx, user.id)])
	);
	return { erased: false as const, email: user.email, refusals, needsCode };
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, url, request, cookies } = event;
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, erasureSchema);
		if (!parsed.ok) return refuse(parsed.errors);
		if (!confirmsErasure(parsed.data.confirmEmail, user.email))
			return refuse({ confirmEmail: 'erasure_error_confirm' });
		// The current password is a guess like a sign-in's, counted by the same limit.
		const limited = await signInRefused(event, user.email);
		if (limited) return refuse({ form: limited.key }, 429, limited.params);
		const result = await eraseAccount(
			locals.db,
			user,
			parsed.data.currentPassword,
			parsed.data.code
		);
		if (!result.ok && result.reason === 'wrong_password') {
			await signInOutcome(event, user.email, false);
			return refuse({ currentPassword: 'error_current_password_wrong' });
		}
		if (!result.ok) {
			if (result.reason === 'limited')
				return refuse({ code: 'error_code_limited' }, 429, { minutes: result.minutes });
			if (result.reason === 'wrong_code') return refuse({ code: 'error_code_wrong' });
			if (result.reason === 'refused') return refuse({ form: 'erasure_refused' }, 409);
			return refuse({ form: 'error_form' });
		}
		clearSessionCookie(cookies, url);
		redirect(303, '/account/erase?erased=1');
	}
};
