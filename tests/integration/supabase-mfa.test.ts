import { AuthApiError, AuthRetryableFetchError } from '@supabase/supabase-js';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { supabaseForRequest } from '../../src/lib/server/auth/supabase';
import {
	completeSupabaseSignIn,
	giveSupabaseCode,
	startSupabaseEnrolment,
	supabaseSecondFactor
} from '../../src/lib/server/auth/supabase-mfa';
import {
	errorEndpoint,
	jarWithSession,
	unreachable,
	userId,
	type ErrorEndpoint
} from '../../src/lib/server/auth/supabase-session.testing';
import { CODE_FAILURE_LIMIT } from '../../src/lib/server/auth/second-factor';
import { resetLimits } from '../../src/lib/server/http/limits';
import { describeEachDatabase } from './databases';
import { createUser } from './fixtures';

// Supabase mode's second factor when Supabase Auth refuses: the real supabase-js client
// turns each answer into its own error class, and the app counts wrong codes with local
// mode's limit and writes local mode's audit entries. Only errors are answered here; the
// successful flow is tests/integration/supabase-project.test.ts (a real project).

const factorId = '7c0a0a3e-2b1d-4e5f-8a9b-0c1d2e3f4a5b';
let endpoint: ErrorEndpoint;

beforeAll(async () => {
	endpoint = await errorEndpoint();
});
afterAll(() => endpoint.close());
beforeEach(() => {
	endpoint.requests = [];
});

const client = (project = endpoint.project) => supabaseForRequest(project, jarWithSession());
// Bodies as Supabase Auth answers a client that sends no API version: the status as
// `code`, the reason as `error_code`.
const wrongCode = {
	status: 422,
	body: { code: 422, error_code: 'mfa_verification_failed', msg: 'Invalid TOTP code entered' }
};

describeEachDatabase('Supabase MFA refusals', (db) => {
	beforeEach(() => resetLimits(db()));

	it("counts wrong codes and stops asking at local mode's limit", async () => {
		endpoint.answer = wrongCode;
		const c = client();
		const { error } = await c.auth.mfa.challengeAndVerify({ factorId, code: '123456' });
		expect(error).toBeInstanceOf(AuthApiError);
		for (let i = 0; i < CODE_FAILURE_LIMIT; i++)
			expect(await giveSupabaseCode(db(), c, userId, factorId, '123 456')).toEqual({
				ok: false,
				reason: 'wrong'
			});
		// Then every code is refused with the wait, without reaching Supabase Auth.
		endpoint.requests = [];
		expect(await giveSupabaseCode(db(), c, userId, factorId, '123456')).toEqual({
			ok: false,
			reason: 'limited',
			minutes: 15
		});
		expect(endpoint.requests).toEqual([]);
	});

	it('sends the code without spaces to the factor named', async () => {
		endpoint.answer = wrongCode;
		await giveSupabaseCode(db(), client(), userId, factorId, '123 456');
		expect(endpoint.requests).toContain(`POST /auth/v1/factors/${factorId}/challenge`);
	});

	it.each([
		[404, { code: 404, error_code: 'mfa_factor_not_found', msg: 'Factor not found' }, 'not_found'],
		[429, { code: 429, error_code: 'over_request_rate_limit', msg: 'Too many' }, 'limited'],
		[500, { code: 500, error_code: 'unexpected_failure', msg: 'Unexpected' }, 'unavailable'],
		[502, {}, 'unavailable']
	])('Supabase answering %i is $2, and not counted', async (status, body, reason) => {
		endpoint.answer = { status, body };
		for (let i = 0; i < CODE_FAILURE_LIMIT + 1; i++)
			expect(await giveSupabaseCode(db(), client(), userId, factorId, '123456')).toMatchObject({
				ok: false,
				reason
			});
	});

	it('the Auth server out of reach: AuthRetryableFetchError, unavailable', async () => {
		const c = client(unreachable);
		const { error } = await c.auth.mfa.challengeAndVerify({ factorId, code: '123456' });
		expect(error).toBeInstanceOf(AuthRetryableFetchError);
		expect(await giveSupabaseCode(db(), c, userId, factorId, '123456')).toEqual({
			ok: false,
			reason: 'unavailable'
		});
		expect(await supabaseSecondFactor(c)).toBeNull();
		expect(await startSupabaseEnrolment(c)).toBe('unavailable');
	});

	it("records a sign-in's wrong code, then the lock, as local mode does", async () => {
		const user = await createUser(db(), 'Kaisa Koodi');
		endpoint.answer = wrongCode;
		const c = client();
		for (let i = 0; i < CODE_FAILURE_LIMIT + 1; i++)
			await completeSupabaseSignIn(db(), c, user.id, factorId, '000000', '192.0.2.7');
		// Supabase Auth failing is nobody's wrong code: not recorded (once the wait is over).
		await resetLimits(db());
		endpoint.answer = { status: 500, body: {} };
		await completeSupabaseSignIn(db(), c, user.id, factorId, '000000', '192.0.2.7');
		const entries = await db().service('test: audit', (tx) =>
			tx.query<{ action: string; details: { reason: string }; address: string }>(
				`select action, details, host(address) as address from public.audit_log
				 where target_id = $1 order by id`,
				[user.id]
			)
		);
		expect(entries.map((e) => e.details.reason)).toEqual([
			...Array(CODE_FAILURE_LIMIT).fill('bad_code'),
			'locked'
		]);
		expect(new Set(entries.map((e) => `${e.action} ${e.address}`))).toEqual(
			new Set(['sign_in_failed 192.0.2.7'])
		);
	});
});
