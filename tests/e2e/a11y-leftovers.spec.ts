import type { Page } from '@playwright/test';
import { expect, signIn, test } from './helpers';

// Issue 12 leftovers, as a person sees them: a wide table scrolls by keyboard once its
// region has focus, and the pages changed for reflow, at 320, 375 and 1440 px, in
// screenshots under test-results/screenshots (opened and looked at by hand).

test.describe.configure({ timeout: 180_000 });

async function shots(page: Page, name: string) {
	for (const width of [320, 375, 1440]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({
			path: `test-results/screenshots/a11y-${name}-${width}.png`,
			fullPage: true
		});
	}
}

/** The first link on `from` whose path matches `pattern`. */
async function firstLink(page: Page, from: string, pattern: RegExp): Promise<string> {
	await page.goto(from);
	const hrefs = await page.$$eval('a[href^="/"]', (as) => as.map((a) => a.getAttribute('href')!));
	const found = hrefs.find((h) => pattern.test(h));
	if (!found) throw new Error(`no link like ${pattern} on ${from}`);
	return found;
}

test('a wide table takes focus by Tab, says its name and scrolls with the arrow keys', async ({
	page
}) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await signIn(page, 'owner@hel.example');
	await page.goto('/manage');
	const region = page.getByRole('region', { name: 'My challenges' });
	await expect(region).toHaveAttribute('tabindex', '0');
	await region.focus();
	await expect(region).toBeFocused();
	expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});

test('pages changed for reflow and scroll regions, at 320, 375 and 1440 px', async ({ page }) => {
	await page.goto('/accessibility');
	await shots(page, 'accessibility');
	await page.goto(await firstLink(page, '/challenges', /^\/challenges\/[\w-]+$/));
	await shots(page, 'challenge');

	await signIn(page, 'solver@team.example');
	await page.goto('/dashboard');
	await shots(page, 'dashboard');
	await page.goto(await firstLink(page, '/teams', /^\/teams\/[0-9a-f-]{36}$/));
	await shots(page, 'team');
	await page.goto('/account/security');
	await shots(page, 'account-security');

	await signIn(page, 'owner@hel.example');
	await page.goto('/manage');
	await shots(page, 'manage');
	const challenge = await firstLink(page, '/manage', /^\/manage\/challenges\/[0-9a-f-]{36}$/);
	await page.goto(`${challenge}/applications`);
	await shots(page, 'owner-applications');
	await page.goto(`${challenge}/team`);
	await shots(page, 'owner-team');
	await page.goto(await firstLink(page, '/organisations', /^\/organisations\/[\w-]+$/));
	await shots(page, 'organisation');

	await signIn(page, 'admin@talkoot.example');
	await page.goto('/admin');
	await shots(page, 'admin');
});
