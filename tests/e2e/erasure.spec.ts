import { expect, expectAccessible, screenshot, signIn, test } from './helpers';

/**
 * Issue 15, "erase my account" (GDPR Art. 17): a demo solver whose team submitted an
 * application in the worked example (Uraverkko, lead@uraverkko.example: a team of one,
 * not shortlisted, used by no other spec) erases their account after reading what goes
 * and what stays, confirming with their address and password. Signing in again gets the
 * ordinary wrong-credentials answer; the owner still sees the team's submitted
 * application, with the member de-identified, and the published shortlisting decision.
 */
const ERASED = 'lead@uraverkko.example';
const ERASED_NAME = 'Heidi Halonen';
const WORKED_EXAMPLE = '20000000-0000-4000-8000-000000000007';

test('a solver erases their account; the record stays, de-identified', async ({ page }) => {
	// Eight pages with their accessibility checks: over a minute on a loaded machine.
	test.setTimeout(150_000);
	await signIn(page, ERASED);
	await page.goto('/account');
	await page.getByRole('link', { name: 'Erase my account' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Erase my account');
	await expect(page.getByRole('heading', { name: 'What is deleted' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'What stays, without your name' })).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'erasure-page');

	// Asks first: a wrong confirmation erases nothing.
	await page.getByLabel(/Type your email address/).fill('someone.else@example.org');
	await page.getByLabel('Current password').fill('Talkoot-demo-2026!');
	await page.getByRole('button', { name: 'Erase my account' }).click();
	await expect(
		page.getByText('Type your own email address exactly to confirm.').first()
	).toBeVisible();
	await expectAccessible(page);

	await page.getByLabel(/Type your email address/).fill(ERASED);
	await page.getByLabel('Current password').fill('Talkoot-demo-2026!');
	await page.getByRole('button', { name: 'Erase my account' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account is erased');
	await expect(page.locator('form[action="/auth/sign-out"]')).toHaveCount(0);
	await expectAccessible(page);
	await screenshot(page, 'erasure-done');

	// The erased account signs in no more: the answer any wrong password gets.
	await page.goto('/auth/sign-in');
	await page.getByLabel('Email address').fill(ERASED);
	await page.getByLabel('Password').fill('Talkoot-demo-2026!');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText('email address or password is wrong');

	// The team's submitted application stays, its member de-identified.
	await signIn(page, 'owner@hel.example');
	await page.goto(`/manage/challenges/${WORKED_EXAMPLE}/applications`);
	await page
		.getByRole('link', { name: /Uraverkko/ })
		.first()
		.click();
	await expect(page.getByText(/Erased person [0-9A-F]{6}/).first()).toBeVisible();
	await expect(page.getByText(ERASED_NAME)).toHaveCount(0);
	// Its digest is of what was submitted: the page says the snapshot changed since.
	await expect(page.getByTestId('snapshot-changed')).toContainText(
		'removed or replaced after it was submitted'
	);
	await expectAccessible(page);
	await screenshot(page, 'erasure-application');

	// The published decision still names the team and its reason.
	await page.goto(`/manage/challenges/${WORKED_EXAMPLE}/jury/shortlisting/decision`);
	await page.getByRole('link', { name: 'Open the decision document' }).click();
	await expect(page.getByText('Uraverkko').first()).toBeVisible();
	await expect(page.getByText(ERASED_NAME)).toHaveCount(0);
	await expectAccessible(page);
	await screenshot(page, 'erasure-decision');

	// The platform admin reads the erasure in the audit log, under the placeholder: the
	// erased address is nowhere in it.
	await signIn(page, 'admin@talkoot.example');
	await page.goto('/admin/audit');
	await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Account erasure' });
	await page.getByRole('button', { name: 'Show', exact: true }).click();
	await expect(page).toHaveURL(/action=account_erasure/);
	const entries = page.getByRole('region', { name: 'Audit entries' });
	const erasure = entries.getByRole('row').nth(1);
	await expect(erasure.getByRole('rowheader')).toHaveText('Account erasure');
	await expect(erasure).toContainText(/Erased person [0-9A-F]{6}/);
	await expect(erasure).toContainText(/\d+ rows? de-identified, \d+ rows? deleted/);
	await expect(entries).not.toContainText(ERASED);
	await expect(entries).not.toContainText(ERASED_NAME);
	await expectAccessible(page);
});
