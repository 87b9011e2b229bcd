import type { Page } from '@playwright/test';
import { expect, signIn, signUpVerified, test } from './helpers';

// Issue 12, WCAG 3.1.2, for text people type: the record keeps its language (a team's
// working language, by default its creator's interface language), and a page in another
// language marks the text with it.

async function chooseLanguage(page: Page, label: string, lang: string) {
	if ((await page.locator('html').getAttribute('lang')) === lang) return;
	await page.getByRole('button', { name: label, exact: true }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

test('a Swedish-speaking user writes a team description; the Finnish page marks it lang="sv"', async ({
	page
}) => {
	test.setTimeout(120_000);
	const password = 'Svenska-team-2026!';
	const email = await signUpVerified(page, 'Sven Svensson', password);
	await signIn(page, email, password);
	await chooseLanguage(page, 'svenska', 'sv');

	await page.goto('/teams');
	const create = page.locator('form[action="?/create"]');
	// The working language starts as the interface language: Swedish.
	const working = create.getByLabel('Arbetsspråk');
	await expect(working).toHaveValue('sv');
	const description = 'Vi är ett team som bygger digitala tjänster för kommuner och regioner.';
	await create.locator('input[name="name"]').fill('Svenska gänget');
	await create.locator('textarea[name="description"]').fill(description);
	await create.locator('button[type="submit"]').click();
	await page.waitForURL(/\/teams\/[0-9a-f-]{36}\?notice=created/);
	const teamPage = new URL(page.url()).pathname;

	await chooseLanguage(page, 'suomi', 'fi');
	await page.goto(teamPage);
	await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
	await expect(page.locator('header').getByText(description)).toHaveAttribute('lang', 'sv');
	// The lead's form shows the team's language, in Finnish.
	await expect(page.getByLabel('Työkieli')).toHaveValue('sv');
	await page.goto('/teams');
	await expect(page.getByText(description)).toHaveAttribute('lang', 'sv');

	// The lead changes the working language; the description is marked with the new one.
	await page.goto(teamPage);
	await page.getByLabel('Työkieli').selectOption('en');
	await page.locator('form[action="?/save"] button[type="submit"]').click();
	await page.waitForURL(/notice=saved/);
	await expect(page.locator('header').getByText(description)).toHaveAttribute('lang', 'en');
});
