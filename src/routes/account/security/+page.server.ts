import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { emailField, passwordField } from '$lib/domain/account-schemas';
import { groupedSecret, groupInFours, totpUri } from '$lib/domain/totp';
import { clearSessionCookie } from '$lib/server/http/cookies';
import { requestEmailChange } from '$lib/server/auth/email-change';
import { changePassword } from '$lib/server/auth/password-change';
import { limitedBy } from '$lib/server/http/limits';
import { signInOutcome, signInRefused } from '$lib/server/http/rate-limit';
import {
	confirmSecondFactor,
	secondFactorStatus,
	startEnrolment,
	turnOffSecondFactor
} from '$lib/server/auth/second-factor';
import { endOwnSession, listSessions } from '$lib/server/auth/sessions';
import { inWords, parseForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { config } from '$lib/server/config';
import { supabasePasswordChange } from '$lib/server/http/supabase-sign-in';
import {
	supabaseEmailChange,
	supabaseSecurity,
	supabaseTotpConfirm,
	supabaseTotpDisable,
	supabaseTotpStart
} from '$lib/server/http/supabase-account';
import type { SupabaseCodeOutcome } from '$lib/server/auth/supabase-mfa';
import type { Actions, PageServerLoad } from './$types';

const ISSUER = 'Talkoot';

const passwordSchema = z.object({
	currentPassword: z
		.string({ error: 'error_required' })
		.min(1, { error: 'error_required' })
		.max(256),
	password: passwordField
});
const emailSchema = z.object({
	email: emailField,
	currentPassword: z
		.string({ error: 'error_required' })
		.min(1, { error: 'error_required' })
		.max(256)
});
const codeSchema = z.object({
	code: z
		.string({ error: 'error_required' })
		.trim()
		.min(1, { error: 'error_required' })
		.max(40, { error: 'error_code_wrong' })
});
const endSchema = z.object({
	sessionId: z.uuid({ error: 'error_form' }),
	confirm: z.literal('yes', { error: 'error_session_end_confirm' })
});

/** A refusal of one of the page's forms, in words; what was typed is never sent back. */
const refuse = (section: string, errors: Record<string, string>, status = 400, params = {}) =>
	fail(status, { section, errors: inWords(errors, params) });

/** A refusal of the email form: the address typed is kept, never the password. */
const refuseEmail = (
	values: Record<string, string>,
	errors: Record<string, string>,
	status = 400,
	params = {}
) => fail(status, { section: 'email', email: values.email ?? '', errors: inWords(errors, params) });

/** A code Supabase Auth did not take, in the words local mode uses for the same reasons. */
function refuseCode(section: 'totp' | 'totp-off', result: SupabaseCodeOutcome & { ok: false }) {
	if (result.reason === 'limited')
		return refuse(section, { code: 'error_code_limited' }, 429, { minutes: result.minutes });
	if (result.reason === 'not_found')
		return section === 'totp'
			? refuse(section, { form: 'error_totp_not_started' }, 409)
			: refuse(section, { form: 'error_totp_not_on' }, 409);
	if (result.reason === 'unavailable') return refuse(section, { form: 'supamfa_unavailable' }, 503);
	return refuse(section, { code: 'error_code_wrong' });
}

export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	const user = requireUser(locals, url);
	if (config.supabase) {
		// Supabase Auth keeps the factor and the sessions; the secret is shown while enrolling.
		const security = await supabaseSecurity(event);
		return {
			email: user.email,
			sessions: [],
			secondFactor: {
				enabled: security.enabled === true,
				since: security.since ? new Date(security.since) : null,
				recoveryCodesLeft: null,
				pending: security.pending
					? { grouped: groupInFours(security.pending.secret), uri: security.pending.uri }
					: null
			},
			unavailable: security.enabled === null,
			required: Boolean(user.isAdmin && security.enabled === false),
			supabase: true,
			ending: null
		};
	}
	// The reads are sent together (issue 16).
	const [sessions, status] = await locals.db.service('account security page', (tx) =>
		Promise.all([listSessions(tx, user.id, user.sessionId), secondFactorStatus(tx, user.id)])
	);
	const pending = status.pendingSecret;
	return {
		email: user.email,
		sessions,
		secondFactor: {
			enabled: status.enabled,
			since: status.since,
			recoveryCodesLeft: status.recoveryCodesLeft,
			// The secret is shown only to its owner, only while enrolling.
			pending: pending
				? { grouped: groupedSecret(pending), uri: totpUri(ISSUER, user.email, pending) }
				: null
		},
		unavailable: false,
		required: Boolean(user.isAdmin && !status.enabled),
		supabase: false,
		ending: sessions.find((s) => s.publicId === url.searchParams.get('end')) ?? null
	};
};

export const actions: Actions = {
	password: async (event) => {
		const { locals, url, request } = event;
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, passwordSchema);
		if (!parsed.ok) return refuse('password', parsed.errors);
		// The current password is a guess like a sign-in's, counted by the same limit.
		const limited = await signInRefused(event, user.email);
		if (limited) return refuse('password', { form: limited.key }, 429, limited.params);
		const result = config.supabase
			? await supabasePasswordChange(event, user, parsed.data.currentPassword, parsed.data.password)
			: await changePassword(locals.db, user, parsed.data.currentPassword, parsed.data.password);
		await signInOutcome(event, user.email, result.ok || result.reason !== 'wrong_current');
		if (!result.ok) {
			return result.reason === 'wrong_current'
				? refuse('password', { currentPassword: 'error_current_password_wrong' })
				: result.reason === 'same'
					? refuse('password', { password: 'error_password_same' })
					: refuse('password', { password: 'error_password_common' });
		}
		redirect(303, '/account/security?notice=password#password');
	},

	// A change of address waits for the link mailed to the new one (issue 10); the answer
	// is the same whether or not the new address has an account.
	email: async (event) => {
		const { locals, url, request } = event;
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, emailSchema);
		if (!parsed.ok) return refuseEmail(parsed.values, parsed.errors);
		// The current password is a guess like a sign-in's, counted by the same limit.
		const limited = await signInRefused(event, user.email);
		if (limited) return refuseEmail(parsed.values, { form: limited.key }, 429, limited.params);
		const result = config.supabase
			? await supabaseEmailChange(event, user, parsed.data.email, parsed.data.currentPassword)
			: await limitedBy(event, () =>
					requestEmailChange(locals.db, user, parsed.data.email, parsed.data.currentPassword)
				);
		// Only a right password reaches the database's limit.
		const passwordRight = 'limited' in result || result.ok || result.reason !== 'wrong_current';
		await signInOutcome(event, user.email, passwordRight);
		if ('limited' in result)
			return refuseEmail(parsed.values, { form: result.key }, 429, result.params);
		if (!result.ok) {
			if (result.reason === 'limited') {
				const { key, params } = result.refusal;
				return refuseEmail(parsed.values, { form: key }, 429, params);
			}
			return result.reason === 'wrong_current'
				? refuseEmail(parsed.values, { currentPassword: 'error_current_password_wrong' })
				: result.reason === 'same'
					? refuseEmail(parsed.values, { email: 'error_email_same' })
					: refuseEmail(parsed.values, { form: 'supamfa_unavailable' }, 503);
		}
		redirect(303, '/account/security?notice=email-requested#email');
	},

	endSession: async ({ locals, url, request, cookies }) => {
		const user = requireUser(locals, url);
		// Supabase Auth keeps its own sessions; the page lists none there.
		if (config.supabase) error(404, 'Not found');
		const parsed = await parseForm(request, endSchema);
		if (!parsed.ok) return refuse('sessions', parsed.errors);
		// Its live connections close on every instance.
		const ended = await endOwnSession(locals.db, user.id, parsed.data.sessionId);
		if (!ended) return refuse('sessions', { form: 'error_session_gone' }, 404);
		if (ended === user.sessionId) {
			clearSessionCookie(cookies, url);
			redirect(303, '/auth/sign-in?notice=signed-out');
		}
		redirect(303, '/account/security?notice=session-ended#sessions');
	},

	totpStart: async (event) => {
		const { locals, url } = event;
		const user = requireUser(locals, url);
		if (config.supabase) {
			const outcome = await supabaseTotpStart(event);
			if (outcome === 'already_on') return refuse('totp', { form: 'error_totp_already_on' }, 409);
			if (outcome === 'unavailable') return refuse('totp', { form: 'supamfa_unavailable' }, 503);
			redirect(303, '/account/security#two-factor');
		}
		const started = await locals.db.service('second factor: start', (tx) =>
			startEnrolment(tx, user.id)
		);
		if (!started) return refuse('totp', { form: 'error_totp_already_on' }, 409);
		redirect(303, '/account/security#two-factor');
	},

	totpConfirm: async (event) => {
		const { locals, url, request } = event;
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, codeSchema);
		if (!parsed.ok) return refuse('totp', parsed.errors);
		if (config.supabase) {
			// Supabase Auth ends the other sessions itself; no recovery codes there.
			const result = await supabaseTotpConfirm(event, user, parsed.data.code);
			if (!result.ok) return refuseCode('totp', result);
			redirect(303, '/account/security?notice=totp-on#two-factor');
		}
		// The other sessions end, and their live connections close on every instance.
		const result = await confirmSecondFactor(locals.db, user, parsed.data.code);
		if (!result.ok) {
			return result.reason === 'limited'
				? refuse('totp', { code: 'error_code_limited' }, 429, { minutes: result.minutes })
				: result.reason === 'not_started'
					? refuse('totp', { form: 'error_totp_not_started' }, 409)
					: refuse('totp', { code: 'error_code_wrong' });
		}
		// Shown once, in this answer only: only their hashes are stored.
		return { section: 'totp', recoveryCodes: result.recoveryCodes };
	},

	totpDisable: async (event) => {
		const { locals, url, request } = event;
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, codeSchema);
		if (!parsed.ok) return refuse('totp-off', parsed.errors);
		if (config.supabase) {
			const result = await supabaseTotpDisable(event, user, parsed.data.code);
			if (!result.ok) return refuseCode('totp-off', result);
			redirect(303, '/account/security?notice=totp-off#two-factor');
		}
		const result = await turnOffSecondFactor(locals.db, user, parsed.data.code);
		if (!result.ok) {
			return result.reason === 'limited'
				? refuse('totp-off', { code: 'error_code_limited' }, 429, { minutes: result.minutes })
				: result.reason === 'not_enabled'
					? refuse('totp-off', { form: 'error_totp_not_on' }, 409)
					: refuse('totp-off', { code: 'error_code_wrong' });
		}
		redirect(303, '/account/security?notice=totp-off#two-factor');
	}
};
