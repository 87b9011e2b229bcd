import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseConfig } from '../../src/lib/server/config';
import type { Database } from '../../src/lib/server/db/database';
import type { CookieJar } from '../../src/lib/server/auth/request-auth';
import {
	supabaseForRequest,
	supabasePasswordSignIn,
	supabaseRequestAuth,
	verifiedIdentity
} from '../../src/lib/server/auth/supabase';
import { SupabaseStorage } from '../../src/lib/server/storage/supabase';
import {
	completeSupabaseSignIn,
	confirmSupabaseEnrolment,
	startSupabaseEnrolment,
	supabaseSecondFactor,
	turnOffSupabaseFactor
} from '../../src/lib/server/auth/supabase-mfa';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { describeEachDatabase } from './databases';

/**
 * The Supabase Auth and Storage adapters against a real Supabase project (issue 15), never
 * an imitation: only when SUPABASE_TEST_URL, SUPABASE_TEST_ANON_KEY and
 * SUPABASE_TEST_SERVICE_ROLE_KEY are set, otherwise skipped with the reason printed. It
 * makes a confirmed user and a bucket of its own, and removes both afterwards.
 */
const env = {
	url: process.env.SUPABASE_TEST_URL,
	anonKey: process.env.SUPABASE_TEST_ANON_KEY,
	serviceRoleKey: process.env.SUPABASE_TEST_SERVICE_ROLE_KEY
};
const missing = Object.entries({
	SUPABASE_TEST_URL: env.url,
	SUPABASE_TEST_ANON_KEY: env.anonKey,
	SUPABASE_TEST_SERVICE_ROLE_KEY: env.serviceRoleKey
})
	.filter(([, v]) => !v)
	.map(([k]) => k);
if (missing.length) console.warn(`Supabase project tests skipped: ${missing.join(', ')} not set.`);
const run = missing.length ? describe.skip : describe;

const project: SupabaseConfig = {
	url: env.url!,
	anonKey: env.anonKey!,
	serviceRoleKey: env.serviceRoleKey!,
	oauthProvider: null
};

/** The project's service-role client and a new confirmed account in it (its id). */
async function testAccount(email: string, password: string, metadata: object = {}) {
	const admin = createClient(project.url, project.serviceRoleKey, {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	const { data, error } = await admin.auth.admin.createUser({
		email,
		password,
		email_confirm: true,
		user_metadata: metadata
	});
	if (error) throw error;
	return { admin, userId: data.user.id };
}

/** A browser's cookies, kept between requests as a browser would. */
function browser(): CookieJar {
	const cookies = new Map<string, string>();
	return {
		getAll: () => [...cookies].map(([name, value]) => ({ name, value })),
		set: (name, value, options) => {
			if (!value || options.maxAge === 0) cookies.delete(name);
			else cookies.set(name, value);
		}
	};
}

run('Supabase project: auth and storage adapters', () => {
	const email = `talkoot-test-${randomUUID()}@example.com`;
	const password = `Test-${randomUUID()}`;
	const bucket = `talkoot-test-${randomUUID().slice(0, 8)}`;
	let admin: SupabaseClient;
	let userId: string;

	beforeAll(async () => {
		({ admin, userId } = await testAccount(email, password, {
			display_name: 'Test Person',
			locale: 'en'
		}));
		const created = await admin.storage.createBucket(bucket, { public: false });
		if (created.error) throw created.error;
	});

	afterAll(async () => {
		if (userId) await admin.auth.admin.deleteUser(userId);
		await admin.storage.emptyBucket(bucket);
		await admin.storage.deleteBucket(bucket);
	});

	it('signs in with a password, knows the person by getUser(), signs out for good', async () => {
		const jar = browser();
		const wrong = await supabasePasswordSignIn(supabaseForRequest(project, jar), email, 'wrong');
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		const result = await supabasePasswordSignIn(supabaseForRequest(project, jar), email, password);
		expect(result).toEqual({ ok: true, userId });

		// The next request, a new client over the same cookies.
		const identity = await verifiedIdentity(supabaseForRequest(project, jar));
		expect(identity).toMatchObject({ id: userId, email, aal: 'aal1' });
		expect(identity?.sessionId).toMatch(/^[0-9a-f-]{36}$/);
		const token = (await supabaseForRequest(project, jar).auth.getSession()).data.session!
			.access_token;

		await supabaseRequestAuth(project, {} as Database, jar).signOut();
		expect(await verifiedIdentity(supabaseForRequest(project, jar))).toBeNull();
		// The token someone kept from before is refused by the Auth server too.
		const stateless = createClient(project.url, project.anonKey, {
			auth: { persistSession: false, autoRefreshToken: false }
		});
		const after = await stateless.auth.getUser(token);
		expect(after.error).not.toBeNull();
	});

	it('uploads, downloads, gives a short-lived signed address and removes a file', async () => {
		const storage = new SupabaseStorage(admin, bucket);
		const pdf = new TextEncoder().encode('%PDF-1.7\n% test\n');
		const put = await storage.put(pdf, { allowed: ['application/pdf'], maxBytes: 1000 });
		if (!put.ok) throw new Error(put.reason);
		const file = await storage.get(put.key);
		expect(file?.mime).toBe('application/pdf');
		expect(Buffer.from(file!.bytes).equals(Buffer.from(pdf))).toBe(true);

		const url = await storage.signedUrl(put.key, { seconds: 60, download: 'evidence.pdf' });
		expect(url).toMatch(/^https?:\/\/.+token=/);
		const fetched = await fetch(url!);
		expect(fetched.status).toBe(200);
		expect(Buffer.from(await fetched.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
		expect(fetched.headers.get('content-disposition')).toMatch(/attachment/);

		await storage.remove(put.key);
		expect(await storage.get(put.key)).toBeNull();
		await expect(storage.remove(put.key)).resolves.toBeUndefined();
	});
});

/** The code an authenticator app shows for a base32 key, `ahead` 30 s steps from now. */
const codeFor = (secret: string, ahead = 0) =>
	generateHOTP(
		decodeBase32IgnorePadding(secret),
		BigInt(Math.floor(Date.now() / 30_000) + ahead),
		6
	);

run('Supabase project: the second factor through Supabase Auth MFA', () => {
	// The app's own database (limits, audit log) is a test database; the account is the
	// project's, mirrored into it so the audit log can name it.
	describeEachDatabase('MFA', (db) => {
		const email = `talkoot-mfa-${randomUUID()}@example.com`;
		const password = `Test-${randomUUID()}`;
		let admin: SupabaseClient;
		let userId: string;

		beforeAll(async () => {
			({ admin, userId } = await testAccount(email, password));
			await db().service('test: mirror account', (tx) =>
				tx.query('insert into auth.users (id, email, email_confirmed_at) values ($1, $2, now())', [
					userId,
					email
				])
			);
		});
		afterAll(async () => {
			if (userId) await admin.auth.admin.deleteUser(userId);
		});

		it('enrols, asks the code at the next sign-in (aal1 → aal2), turns off with a code', async () => {
			const jar = browser();
			expect(
				await supabasePasswordSignIn(supabaseForRequest(project, jar), email, password)
			).toEqual({ ok: true, userId });
			const enrol = await startSupabaseEnrolment(supabaseForRequest(project, jar));
			if (typeof enrol === 'string') throw new Error(`enrolment refused: ${enrol}`);
			expect(enrol.uri).toMatch(/^otpauth:\/\/totp\//);
			const me = { id: userId };
			const client = supabaseForRequest(project, jar);
			expect(await confirmSupabaseEnrolment(db(), client, me, enrol.factorId, '000000')).toEqual({
				ok: false,
				reason: 'wrong'
			});
			expect(
				await confirmSupabaseEnrolment(db(), client, me, enrol.factorId, codeFor(enrol.secret))
			).toEqual({ ok: true });
			expect(await verifiedIdentity(supabaseForRequest(project, jar))).toMatchObject({
				aal: 'aal2',
				secondFactor: true,
				codeOwed: false
			});

			// Another browser: the password alone leaves an aal1 session that owes the code.
			const other = browser();
			await supabasePasswordSignIn(supabaseForRequest(project, other), email, password);
			const owed = await verifiedIdentity(supabaseForRequest(project, other));
			expect(owed).toMatchObject({ aal: 'aal1', codeOwed: true, factorId: enrol.factorId });
			const levels = await supabaseForRequest(
				project,
				other
			).auth.mfa.getAuthenticatorAssuranceLevel();
			expect(levels.data).toMatchObject({ currentLevel: 'aal1', nextLevel: 'aal2' });
			const signIn = supabaseForRequest(project, other);
			expect(
				await completeSupabaseSignIn(db(), signIn, userId, enrol.factorId, codeFor(enrol.secret, 1))
			).toEqual({ ok: true });
			expect(await verifiedIdentity(supabaseForRequest(project, other))).toMatchObject({
				aal: 'aal2',
				codeOwed: false
			});

			const off = supabaseForRequest(project, other);
			expect(await turnOffSupabaseFactor(db(), off, me, codeFor(enrol.secret, -1))).toEqual({
				ok: true
			});
			expect(await supabaseSecondFactor(supabaseForRequest(project, other))).toEqual({
				enabled: false,
				unverified: []
			});
			const entries = await db().service('test: audit', (tx) =>
				tx.query<{ action: string; details: object }>(
					'select action, details from public.audit_log where target_id = $1 order by id',
					[userId]
				)
			);
			expect(entries).toEqual([
				{ action: 'second_factor', details: { change: 'enrolled' } },
				{
					action: 'sign_in',
					details: { step: 'second_factor', complete: true, method: 'totp' }
				},
				{ action: 'second_factor', details: { change: 'removed' } }
			]);
		});
	});
});
