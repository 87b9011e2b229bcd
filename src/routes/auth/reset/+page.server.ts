import { redirect } from '@sveltejs/kit';
import { resetSchema } from '$lib/domain/account-schemas';
import { resetPassword } from '$lib/server/auth/accounts';
import { isCommonPassword } from '$lib/server/auth/passwords';
import { invalid, parseForm } from '$lib/server/http/forms';
import { clientAddress } from '$lib/server/http/limits';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
	default: async (event) => {
		const { request, locals } = event;
		const parsed = await parseForm(request, resetSchema);
		if (!parsed.ok) {
			const errors = parsed.errors.token ? { form: 'error_token_invalid' } : parsed.errors;
			return invalid(parsed.values, errors);
		}
		const { token, password } = parsed.data;
		if (isCommonPassword(password))
			return invalid(parsed.values, { password: 'error_password_common' });
		if (!(await resetPassword(locals.db, token, password, clientAddress(event)))) {
			return invalid(parsed.values, { form: 'error_token_invalid' });
		}
		redirect(303, '/auth/sign-in?notice=password-reset');
	}
};
