import { expect, latestMailTo, linkIn, test } from './helpers';

// Issue 11, item 10: `nimi@äänekoski.fi` was refused as malformed. In the browser's own
// email field (Chromium sends the domain as Punycode), it makes an account that the mail
// reaches and that signs in however the address is typed.
test('an address at an internationalised domain signs up, confirms and signs in', async ({
	page
}) => {
	const box = `nimi-${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
	const PASSWORD = 'a long enough passphrase for äänekoski';
	await page.goto('/auth/sign-up');
	await page.getByLabel('Name').fill('Nimi Äänekoskelta');
	await page.getByLabel('Email address').fill(`${box}@äänekoski.fi`);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
	await page.goto(linkIn(await latestMailTo(`${box}@äänekoski.fi`, /Confirm/)));
	await expect(page.getByText('Your email address is confirmed')).toBeVisible();

	// The link signed this browser in; sign-in by the other spelling is what is tested.
	await page.context().clearCookies({ name: /session/ });
	await page.goto('/auth/sign-in');
	await page.getByLabel('Email address').fill(`${box.toUpperCase()}@XN--NEKOSKI-4WAA.FI`);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.locator('form[action="/auth/sign-out"]')).toBeVisible();
});
