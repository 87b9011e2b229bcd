import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, screenshot, test } from './helpers';

/** Signs in on the sign-in page whatever its language (the fields by name). */
async function signInHere(page: Page, email: string) {
	await page.locator('input[name="email"]').first().fill(email);
	await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
	await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
	await expect(page.locator('form[action="/auth/sign-out"]')).toBeAttached();
}

// Issue 16, item 3: Swedish chosen on the sign-in page gave way to the profile's Finnish
// after signing in. The language the person chose on this browser wins on every kind of
// page; the profile's language is the default when they chose none (and is for mail).
test('a language chosen on the sign-in page stays after signing in, on every kind of page', async ({
	page
}) => {
	await page.goto('/auth/sign-in');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByRole('button', { name: 'Svenska' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logga in');
	await screenshot(page, 'sign-in-sv');

	// owner@hel.example's profile is in Finnish.
	await signInHere(page, 'owner@hel.example');
	await expect(page).toHaveURL(/\/dashboard/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
	await screenshot(page, 'dashboard-chosen-sv');
	for (const path of ['/challenges', '/account', '/manage', '/privacy']) {
		await page.goto(path);
		await expect(page.locator('html'), path).toHaveAttribute('lang', 'sv');
	}
});

test('without a choice, signing in brings the profile’s language', async ({ page }) => {
	await page.goto('/auth/sign-in');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await signInHere(page, 'owner@hel.example');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
	await page.goto('/challenges');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
});
