import {
	askEmailChange,
	expect,
	expectAccessible,
	fieldError,
	latestMailTo,
	linkIn,
	signIn,
	screenshot,
	signUpVerified,
	test,
	uniqueEmail
} from './helpers';

const PASSWORD = 'Nine bright herons over Kallio';

// Sign-up and two sign-ins: argon2 hashing on every one of them.
test.describe.configure({ timeout: 120_000 });

test('the address changes only by the link mailed to the new one', async ({ page }) => {
	const old = await signUpVerified(page, 'Eemil Email', PASSWORD);
	await signIn(page, old, PASSWORD);

	await page.goto('/account');
	await page.getByRole('link', { name: 'Change email address' }).click();
	const section = page.locator('section#email');
	await expect(section.getByRole('heading', { name: 'Email address', level: 2 })).toBeVisible();
	await expect(section.getByText(old)).toBeVisible();
	await expectAccessible(page);

	const next = uniqueEmail('eemil-moved');
	await section.getByLabel('New email address').fill(next);
	await section.getByLabel('Your password').fill('not my password');
	await section.getByRole('button', { name: 'Send a confirmation link' }).click();
	await expect(fieldError(page, 'Your current password is not right.')).toBeVisible();
	await expect(section.getByLabel('Your password')).toHaveValue('');
	await expect(section.getByLabel('New email address')).toHaveValue(next);
	await expectAccessible(page);

	await askEmailChange(page, next, PASSWORD);
	// Nothing changed yet; the old address is told.
	await expect(page.locator('section#email').getByText(old)).toBeVisible();
	await latestMailTo(old, /being changed/);

	const link = linkIn(await latestMailTo(next, /Confirm your new/));
	await page.goto(link);
	// The link asks first: nothing changes until the button (a mail scanner confirms nothing).
	await expect(page.getByText(`Use ${next} as the email address`)).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'email-change-ask');
	await page.getByRole('button', { name: 'Confirm the new address' }).click();
	await expect(page.getByText(`Your email address is now ${next}.`)).toBeVisible();
	await screenshot(page, 'email-change-done');
	await expectAccessible(page);

	// Single use: the same link again is refused in words, not with a server error.
	const again = await page.goto(link);
	expect(again?.status()).toBe(410);
	await expect(page.getByText('This link has already been used.')).toBeVisible();

	await signIn(page, next, PASSWORD);
	await page.goto('/account');
	await expect(page.getByText(next)).toBeVisible();
});
