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
	const project: SupabaseConfig = {
		url: env.url!,
		anonKey: env.anonKey!,
		serviceRoleKey: env.serviceRoleKey!,
		oauthProvider: null
	};
	const email = `talkoot-test-${randomUUID()}@example.com`;
	const password = `Test-${randomUUID()}`;
	const bucket = `talkoot-test-${randomUUID().slice(0, 8)}`;
	let admin: SupabaseClient;
	let userId: string;

	beforeAll(async () => {
		admin = createClient(project.url, project.serviceRoleKey, {
			auth: { persistSession: false, autoRefreshToken: false }
		});
		const { data, error } = await admin.auth.admin.createUser({
			email,
			password,
			email_confirm: true,
			user_metadata: { display_name: 'Test Person', locale: 'en' }
		});
		if (error) throw error;
		userId = data.user.id;
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
		expect(result).toEqual({ ok: true });

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
