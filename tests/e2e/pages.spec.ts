import { expect, expectAccessible, screenshot, signIn, test } from './helpers';

const PUBLIC_PAGES = [
	['/', 'home'],
	['/challenges', 'challenges'],
	['/challenges?q=snow&sort=newest', 'challenges-search'],
	['/challenges/ai-goes-to-work', 'challenge'],
	['/challenges/employment-training-partnership', 'challenge-partnership'],
	['/challenges/address-fix-up', 'challenge-closed'],
	['/organisations', 'organisations'],
	['/organisations/city-of-helsinki', 'organisation'],
	['/accessibility', 'accessibility'],
	['/auth/sign-in', 'sign-in'],
	['/auth/sign-up', 'sign-up-empty'],
	['/auth/forgot', 'forgot'],
	['/auth/reset?token=nonsense', 'reset'],
	['/auth/verify?token=nonsense', 'verify-failed'],
	['/auth/check-email?email=someone%40example.fi', 'check-email']
] as const;

for (const [path, name] of PUBLIC_PAGES) {
	test(`${path} is accessible and has a title`, async ({ page }) => {
		const response = await page.goto(path);
		expect(response?.status()).toBe(200);
		await expect(page).toHaveTitle(/Talkoot/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
		await expectAccessible(page);
		await screenshot(page, name);
	});
}

test('the home page lists the newest published challenges from the database', async ({ page }) => {
	// Other specs publish challenges too, so the six newest are read from the full list.
	const titles = (p: typeof page) => p.locator('main h3 a').allInnerTexts();
	await page.goto('/challenges?sort=newest');
	const newest = (await titles(page)).slice(0, 6);
	expect(newest.length).toBeGreaterThan(0);
	await page.goto('/');
	expect(await titles(page)).toEqual(newest);
	// A demo challenge from the database, with its organisation.
	await page.goto('/challenges?q=Hiking');
	await page.getByRole('link', { name: 'Hiking Compass' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hiking Compass');
	await expect(page.getByRole('link', { name: 'Metsähallitus' })).toBeVisible();
});

test('unknown pages answer 404 with a helpful page, not a stack trace', async ({ page }) => {
	const response = await page.goto('/challenges/no-such-challenge');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	await expect(page.locator('body')).not.toContainText(/Error:|\.js:\d+/);
	await expectAccessible(page);
	await screenshot(page, 'not-found');
});

test('responses carry the security headers', async ({ page }) => {
	const response = await page.goto('/');
	const headers = response!.headers();
	const csp = headers['content-security-policy'];
	expect(csp).toContain("object-src 'none'");
	expect(csp).toContain("base-uri 'none'");
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toMatch(/script-src 'self' 'nonce-|script-src 'self' 'sha256-/);
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	expect(headers['x-content-type-options']).toBe('nosniff');
});

test('signed-in pages are accessible too', async ({ page }) => {
	// Each page: axe, then full-page screenshots at two widths.
	test.setTimeout(120_000);
	await signIn(page, 'admin@talkoot.example');
	for (const [path, name] of [
		['/account', 'account'],
		['/admin', 'admin'],
		['/organisations/city-of-helsinki', 'organisation-admin']
	] as const) {
		await page.goto(path);
		await expectAccessible(page);
		await screenshot(page, name);
	}
});

test("the owner's management pages are accessible", async ({ page }) => {
	// Each page: axe, then full-page screenshots at two widths.
	test.setTimeout(120_000);
	await signIn(page, 'owner@hel.example');
	const base = '/manage/challenges/20000000-0000-4000-8000-000000000001';
	for (const [path, name] of [
		['/manage', 'manage'],
		[base, 'manage-overview'],
		[`${base}/basics`, 'manage-basics'],
		[`${base}/timetable`, 'manage-timetable'],
		[`${base}/criteria`, 'manage-criteria'],
		[`${base}/requirements`, 'manage-requirements']
	] as const) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(200);
		await expectAccessible(page);
		await screenshot(page, name);
	}
	// Another organisation's challenge is not there at all for this owner.
	const other = await page.goto('/manage/challenges/20000000-0000-4000-8000-000000000005');
	expect(other?.status()).toBe(404);
});

test("a team's pages with demo data are accessible, and a bad invitation link is a helpful 404", async ({
	page
}) => {
	const invitation = await page.goto('/invitations/not-a-real-token');
	expect(invitation?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
	await expectAccessible(page);
	await signIn(page, 'designer@team.example');
	// A member, not the lead: common projects, no invitation form.
	const response = await page.goto('/teams/50000000-0000-4000-8000-000000000001');
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('heading', { name: 'Espoo job matching pilot' })).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'team-member-view');
});
