import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KEY_PATTERN } from './check';
import { SUPABASE_BUCKETS, SupabaseStorage } from './supabase';

// The Supabase storage adapter without a project: what it sends (the object's name is the
// key, in the bucket of its kind), what it never sends (keys it did not issue), and how the
// Storage API's own errors come back. Uploading and reading for real is tested against a
// project (tests/integration/supabase-project.test.ts).

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const IMAGES = { allowed: ['image/png'], maxBytes: 1000 };

let answer: { status: number; body: object } = { status: 500, body: {} };
let requests: string[] = [];
let server: Server;
let storage: (bucket: 'public' | 'private') => SupabaseStorage;

beforeAll(async () => {
	server = createServer((req, res) => {
		requests.push(`${req.method} ${req.url}`);
		req.resume();
		req.on('end', () => {
			res.writeHead(answer.status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(answer.body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const client = createClient(`http://127.0.0.1:${port}`, 'service-key-0123456789abcdef', {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	storage = (bucket) => new SupabaseStorage(client, SUPABASE_BUCKETS[bucket]);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
	requests = [];
});

describe('Supabase storage: key layout', () => {
	it('keeps public covers and private files in their own buckets', () => {
		expect(SUPABASE_BUCKETS).toEqual({ public: 'covers', private: 'files' });
	});

	it('names the object by the key alone, the name its row holds, in its bucket', async () => {
		const checked = storage('private').check(PNG, IMAGES);
		if (!checked.ok) throw new Error(checked.reason);
		expect(checked.key).toMatch(KEY_PATTERN);
		// Also what public.stored_objects accepts as a key.
		expect(checked.key).toMatch(/^[0-9a-f-]{36}\.[a-z0-9]{2,5}$/);
		answer = { status: 400, body: { statusCode: '403', error: 'Unauthorized', message: 'no' } };
		await expect(storage('private').write(checked)).rejects.toThrow(/upload refused/);
		expect(requests).toEqual([`POST /storage/v1/object/files/${checked.key}`]);
	});

	it('keeps the checks in the app: size and type by the bytes, before any request', () => {
		const s = storage('public');
		expect(s.check(new Uint8Array(), IMAGES)).toEqual({ ok: false, reason: 'empty' });
		expect(s.check(new Uint8Array(1001), IMAGES)).toEqual({ ok: false, reason: 'too_large' });
		const svg = new TextEncoder().encode('<svg onload="alert(1)"/>');
		expect(s.check(svg, IMAGES)).toEqual({ ok: false, reason: 'type_not_allowed' });
		expect(requests).toEqual([]);
	});

	it('never sends a key it did not issue', async () => {
		const s = storage('private');
		for (const bad of ['../covers/x.png', 'a/b.png', '', 'X.PNG', `${crypto.randomUUID()}.svg`]) {
			expect(await s.get(bad)).toBeNull();
			expect(await s.signedUrl(bad)).toBeNull();
			await s.remove(bad);
			await expect(
				s.write({ key: bad, bytes: PNG, mime: 'image/png', size: 12 })
			).rejects.toThrow();
		}
		expect(requests).toEqual([]);
	});
});

describe('Supabase storage: the Storage API’s errors', () => {
	const key = '0b5a4c1e-8d3f-4a2b-9c7d-1e2f3a4b5c6d.png';

	it('a missing object is null, as a missing local file is', async () => {
		answer = {
			status: 400,
			body: { statusCode: '404', error: 'not_found', message: 'Object not found' }
		};
		expect(await storage('private').get(key)).toBeNull();
		answer = {
			status: 404,
			body: { statusCode: '404', code: 'NoSuchKey', message: 'Object not found' }
		};
		expect(await storage('private').get(key)).toBeNull();
		expect(await storage('private').signedUrl(key)).toBeNull();
		expect(requests[0]).toBe(`GET /storage/v1/object/files/${key}`);
	});

	it('any other failure throws, so a request fails rather than serve nothing silently', async () => {
		answer = { status: 500, body: { statusCode: '500', error: 'internal', message: 'down' } };
		await expect(storage('private').get(key)).rejects.toThrow(/download failed/);
		await expect(storage('private').remove(key)).rejects.toThrow(/remove failed/);
	});
});
