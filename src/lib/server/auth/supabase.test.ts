import {
	AuthApiError,
	AuthRetryableFetchError,
	AuthSessionMissingError,
	isAuthError
} from '@supabase/supabase-js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SupabaseConfig } from '../config';
import type { Database } from '../db';
import type { CookieJar } from './request-auth';
import {
	accessTokenFromCookies,
	SUPABASE_COOKIE,
	supabaseForRequest,
	supabaseRequestAuth,
	verifiedIdentity
} from './supabase';
import {
	accessToken,
	errorEndpoint,
	jarWithSession,
	unreachable,
	type ErrorEndpoint
} from './supabase-session.testing';

// getUser() failure paths through the real @supabase/ssr and supabase-js clients: what the
// Auth server (or its absence) answers becomes the client's own error classes, and every
// one of them is a signed-out request, never a throw. No successful Auth server is faked:
// signing in is tested against a real project (tests/integration/supabase-project.test.ts).

let endpoint: ErrorEndpoint;
let project: SupabaseConfig;

beforeAll(async () => {
	endpoint = await errorEndpoint();
	project = endpoint.project;
});
afterAll(() => endpoint.close());
beforeEach(() => {
	endpoint.requests = [];
});

/** What getUser() itself returns for this jar, to show which error class the client made. */
async function getUserError(config: SupabaseConfig, jar: CookieJar) {
	try {
		const { error } = await supabaseForRequest(config, jar).auth.getUser();
		return error;
	} catch (e) {
		return e;
	}
}

describe('getUser() failures are a signed-out request', () => {
	it('no session cookie: AuthSessionMissingError, and the Auth server is not asked', async () => {
		const jar: CookieJar = { getAll: () => [], set: () => {} };
		expect(await getUserError(project, jar)).toBeInstanceOf(AuthSessionMissingError);
		expect(await verifiedIdentity(supabaseForRequest(project, jar))).toBeNull();
		expect(endpoint.requests).toEqual([]);
	});

	it.each([
		[401, { code: 'bad_jwt', msg: 'invalid JWT: unable to parse or verify signature' }],
		[
			403,
			{ code: 'session_not_found', msg: 'Session from session_id claim in JWT does not exist' }
		],
		[404, { code: 'user_not_found', msg: 'User from sub claim in JWT does not exist' }],
		[500, { code: 'unexpected_failure', msg: 'Unexpected failure' }]
	])('the Auth server answers %i: an AuthApiError, null', async (status, body) => {
		endpoint.answer = { status, body };
		const error = await getUserError(project, jarWithSession());
		expect(isAuthError(error)).toBe(true);
		if (status < 500) expect(error).toBeInstanceOf(AuthApiError);
		expect(await verifiedIdentity(supabaseForRequest(project, jarWithSession()))).toBeNull();
		expect(endpoint.requests.some((r) => r.startsWith('GET /auth/v1/user'))).toBe(true);
	});

	it('the Auth server out of reach: AuthRetryableFetchError, null', async () => {
		const error = await getUserError(unreachable, jarWithSession());
		expect(error).toBeInstanceOf(AuthRetryableFetchError);
		expect(await verifiedIdentity(supabaseForRequest(unreachable, jarWithSession()))).toBeNull();
	});

	it('a bad gateway without an error code: still null, never a throw', async () => {
		endpoint.answer = { status: 502, body: {} };
		const auth = supabaseRequestAuth(project, {} as Database, jarWithSession());
		await expect(auth.user()).resolves.toBeNull();
	});

	it('a garbled session cookie is no session', async () => {
		const jar: CookieJar = {
			getAll: () => [{ name: SUPABASE_COOKIE, value: 'base64-%%%not-base64' }],
			set: () => {}
		};
		const auth = supabaseRequestAuth(project, {} as Database, jar);
		await expect(auth.user()).resolves.toBeNull();
	});
});

describe('the socket handshake reads the access token and nothing else', () => {
	it('finds it in the chunked, base64 cookie @supabase/ssr writes', async () => {
		const jar = jarWithSession();
		const cookies = Object.fromEntries(jar.getAll().map((c) => [c.name, c.value]));
		expect(await accessTokenFromCookies(cookies)).toBe(accessToken);
	});

	it('finds none in a missing or garbled cookie', async () => {
		expect(await accessTokenFromCookies({})).toBeNull();
		expect(await accessTokenFromCookies({ [SUPABASE_COOKIE]: 'base64-e30' })).toBeNull();
		expect(await accessTokenFromCookies({ [SUPABASE_COOKIE]: 'not json' })).toBeNull();
	});
});
