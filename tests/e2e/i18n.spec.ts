import { expect, expectAccessible, test } from './helpers';

test.describe('in Swedish by the browser', () => {
	test.use({ locale: 'sv-FI' });

	test('the browser language is used, and the switcher changes every string and <html lang>', async ({
		page
	}) => {
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Vi löser offentliga utmaningar tillsammans'
		);
		await expect(page.getByRole('link', { name: 'Snöproblemet' })).toBeVisible();
		// A text missing in Swedish is shown in its primary language, marked as such.
		await page.goto('/challenges/employment-training-partnership');
		await expect(page.getByText('Finns inte på ditt språk: visas på finska.')).toBeVisible();
		await expect(page.locator('.prose')).toHaveAttribute('lang', 'fi');
		await page.goto('/');

		await page.getByRole('button', { name: 'suomi' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Ratkaistaan julkiset haasteet yhdessä'
		);
		await expect(page.getByRole('link', { name: 'Lumiongelma' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'suomi' })).toHaveAttribute(
			'aria-current',
			'true'
		);
		await expectAccessible(page);

		// The choice sticks on other pages, and the switcher brings you back where you were.
		await page.goto('/accessibility');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Saavutettavuusseloste');
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page).toHaveURL(/\/accessibility$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessibility statement');
	});
});

test.describe('in a language Talkoot does not have', () => {
	test.use({ locale: 'de-DE' });

	test('Finnish is the default', async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
		await expect(page.getByRole('link', { name: 'Kirjaudu sisään' })).toBeVisible();
	});
});
