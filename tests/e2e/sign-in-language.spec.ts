import type { Page } from '@playwright/test';
import { expect, latestMailTo, linkIn, screenshot, test, uniqueEmail } from './helpers';

const PASSWORD = 'a long enough passphrase for språk';

/** Signs in on the sign-in page whatever its language (the fields by name). */
async function signInHere(page: Page, email: string) {
	await page.locator('input[name="email"]').first().fill(email);
	await page.locator('input[name="password"]').fill(PASSWORD);
	await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
	await expect(page.locator('form[action="/auth/sign-out"]')).toBeAttached();
}

const lang = (page: Page) => page.locator('html');

// Issue 16, item 3: Swedish chosen on the sign-in page gave way to the profile's Finnish
// after signing in. The language the person chose on this browser wins on every kind of
// page; the profile's language is the default when they chose none (and is for mail).
// A new account of its own: demo accounts' profiles change as other specs switch language.
test('a language chosen on this browser wins over the profile’s, which is the default', async ({
	page
}) => {
	test.setTimeout(120_000);
	const email = uniqueEmail('kieli');
	await page.goto('/auth/sign-up');
	await page.getByLabel('Name').fill('Kaisa Kielinen');
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.locator('select[name="locale"]').selectOption('fi');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
	// No choice on this browser: the confirmation link signs in in the profile's Finnish.
	await page.goto(linkIn(await latestMailTo(email, /./)));
	await expect(page).toHaveURL(/\/dashboard/);
	await expect(page.locator('form[action="/auth/sign-out"]')).toBeAttached();
	await expect(lang(page)).toHaveAttribute('lang', 'fi');

	// Swedish chosen on the sign-in page stays after signing in, on every kind of page.
	await page.context().clearCookies();
	await page.goto('/auth/sign-in');
	await expect(lang(page)).toHaveAttribute('lang', 'en');
	await page.getByRole('button', { name: 'Svenska' }).click();
	await expect(lang(page)).toHaveAttribute('lang', 'sv');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logga in');
	await screenshot(page, 'sign-in-sv');
	await signInHere(page, email);
	await expect(page).toHaveURL(/\/dashboard/);
	await expect(lang(page)).toHaveAttribute('lang', 'sv');
	await screenshot(page, 'dashboard-chosen-sv');
	for (const path of ['/challenges', '/account', '/teams', '/privacy', '/accessibility']) {
		await page.goto(path);
		await expect(lang(page), path).toHaveAttribute('lang', 'sv');
	}

	// Without a choice on this browser, signing in brings the profile's language.
	await page.context().clearCookies();
	await page.goto('/auth/sign-in');
	await expect(lang(page)).toHaveAttribute('lang', 'en');
	await signInHere(page, email);
	await expect(lang(page)).toHaveAttribute('lang', 'fi');
	await page.goto('/challenges');
	await expect(lang(page)).toHaveAttribute('lang', 'fi');
});
