import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, signIn, signUpVerified, test } from './helpers';

// Item 21 of issue 10: an upload is stored only after the change that names it was allowed;
// a replaced or deleted file is removed, and a replaced cover's address answers 404.
const DATA_DIR = `.data-e2e-${process.env.E2E_PORT ?? 4173}`;
const CHALLENGE = '20000000-0000-4000-8000-000000000001';
const PASSWORD = 'Quiet river under 7 bridges';

const filesIn = (bucket: 'uploads' | 'private-uploads') => {
	try {
		return readdirSync(join(DATA_DIR, bucket)).sort();
	} catch {
		return [];
	}
};

/** A 1×1 PNG; `seed` makes each one different. */
function png(seed = 0): Buffer {
	const ihdr = Buffer.from([...Buffer.from('IHDR'), 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(ihdr));
	const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	return Buffer.from([...signature, 0, 0, 0, 13, ...ihdr, ...crc, seed & 0xff]);
}

/** Posts a form action as the page's signed-in user (with the origin, as a browser does). */
type Upload = { name: string; mimeType: string; buffer: Buffer };
function post(page: Page, path: string, multipart: Record<string, string | Upload>) {
	const origin = new URL(page.url()).origin;
	// As a page without JavaScript posts: answers carry their real status (303, 404 …).
	return page.request.post(path, {
		multipart,
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
}

const image = (seed: number) => ({ name: 'cover.png', mimeType: 'image/png', buffer: png(seed) });

const workEntry = {
	area: 'Service design',
	organisation: 'City of Espoo',
	role: 'Designer',
	start: '2021-01',
	end: '2022-06',
	description: 'Designed the library services.',
	evidenceUrl: ''
};

test('a refused cover leaves no file; a replaced cover answers 404', async ({ page, browser }) => {
	// Someone outside the organisation posts a real image to its challenge: nothing is stored.
	const outsider = await (await browser.newContext()).newPage();
	await signIn(outsider, 'solver@team.example');
	const before = filesIn('uploads');
	const refused = await post(outsider, `/manage/challenges/${CHALLENGE}/basics?/cover`, {
		cover: image(1),
		reason: 'Trying my luck'
	});
	expect(refused.status()).toBeGreaterThanOrEqual(400);
	expect(filesIn('uploads')).toEqual(before);

	// The owner saves a cover, then replaces it.
	await signIn(page, 'owner@hel.example');
	await page.goto(`/manage/challenges/${CHALLENGE}/basics`);
	const reason = 'A clearer picture for the challenge page.';
	const save = async (seed: number) => {
		await page.getByLabel('Image file').setInputFiles(image(seed));
		await page.locator('form[action="?/cover"] [name="reason"]').fill(reason);
		await page.getByRole('button', { name: 'Save cover image' }).click();
		await expect(page.getByRole('img', { name: /cover/i })).toBeVisible();
		const src = await page.getByRole('img', { name: /cover/i }).getAttribute('src');
		return src!;
	};
	const first = await save(2);
	const firstAnswer = await page.request.get(first);
	expect(firstAnswer.status()).toBe(200);
	// Never cached for a year: a replaced cover must not stay public.
	expect(firstAnswer.headers()['cache-control']).toBe('public, max-age=300');
	const second = await save(3);
	expect(second).not.toBe(first);
	expect((await page.request.get(second)).status()).toBe(200);
	expect((await page.request.get(first)).status()).toBe(404);
	expect(filesIn('uploads')).not.toContain(first.split('/').pop());
});

test('refused evidence leaves no file; replaced and deleted evidence is gone', async ({ page }) => {
	const email = await signUpVerified(page, 'Ella Evidence', PASSWORD);
	await signIn(page, email, PASSWORD);
	await page.goto('/account/work-history');
	// An entry that is not the caller's (a made-up id): refused, and nothing stored.
	const before = filesIn('private-uploads');
	const refused = await post(page, '/account/work-history?/update', {
		...workEntry,
		id: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
		evidenceFile: image(4)
	});
	expect(refused.status()).toBe(404);
	expect(filesIn('private-uploads')).toEqual(before);

	// An entry with evidence stores one file; replacing it leaves one; deleting leaves none.
	expect(
		(
			await post(page, '/account/work-history?/add', { ...workEntry, evidenceFile: image(5) })
		).status()
	).toBe(303);
	const added = filesIn('private-uploads').filter((f) => !before.includes(f));
	expect(added).toHaveLength(1);
	await page.goto('/account/work-history');
	const id = await page
		.locator('form[action="?/delete"] input[name="id"]')
		.first()
		.getAttribute('value');
	expect(id).toBeTruthy();
	expect((await page.request.get(`/evidence/${added[0]}`)).status()).toBe(200);

	const replaced = await post(page, '/account/work-history?/update', {
		...workEntry,
		id: id!,
		evidenceFile: image(6)
	});
	expect(replaced.status()).toBe(303);
	const now = filesIn('private-uploads').filter((f) => !before.includes(f));
	expect(now).toHaveLength(1);
	expect(now[0]).not.toBe(added[0]);
	expect((await page.request.get(`/evidence/${added[0]}`)).status()).toBe(404);

	expect((await post(page, '/account/work-history?/delete', { id: id! })).status()).toBe(303);
	expect(filesIn('private-uploads').filter((f) => !before.includes(f))).toEqual([]);
	expect((await page.request.get(`/evidence/${now[0]}`)).status()).toBe(404);
});
