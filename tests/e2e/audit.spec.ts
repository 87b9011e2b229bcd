import { expect, expectAccessible, screenshot, signIn, signUpVerified, test } from './helpers';

// Issue 15, audit log: a failed and a successful sign-in show up for the platform admin at
// /admin/audit, found by action and by actor; the page works by keyboard and passes axe.

const PASSWORD = 'quiet harbour lantern 2026';

test('the admin finds a failed and a successful sign-in in the audit log', async ({ page }) => {
	const email = await signUpVerified(page, 'Aila Audited', PASSWORD);
	// A wrong password first, then the right one.
	await page.goto('/auth/sign-in');
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill('not my password at all');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByText('The email address or password is wrong.')).toBeVisible();
	await signIn(page, email, PASSWORD);

	await signIn(page, 'admin@talkoot.example');
	await page.goto('/admin');
	await page.getByRole('link', { name: /Audit log/ }).click();
	await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();

	// By action (the failure) and the address tried, with the keyboard: no JavaScript needed.
	await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Failed sign-in' });
	await page.getByLabel('Target (name, email or id)').fill(email);
	await page.getByLabel('Target (name, email or id)').press('Enter');
	await expect(page).toHaveURL(/action=sign_in_failed/);
	const table = page.getByRole('region', { name: 'Audit entries' });
	await expect(table.getByRole('row')).toHaveCount(2);
	const failed = table.getByRole('row').nth(1);
	await expect(failed.getByRole('rowheader')).toHaveText('Failed sign-in');
	await expect(failed).toContainText(email);
	await expect(failed).toContainText('Wrong password');
	await expect(failed).not.toContainText('not my password');
	await expectAccessible(page);

	// By actor: the sign-ins by the person, newest first, in words: the password one,
	// then the one the confirmation link opened at sign-up.
	await page.goto('/admin/audit');
	await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Sign-in' });
	await page.getByLabel("Actor's email").fill(email);
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(table.getByRole('row')).toHaveCount(3);
	const ok = table.getByRole('row').nth(1);
	await expect(ok.getByRole('rowheader')).toHaveText('Sign-in');
	await expect(ok).toContainText('Aila Audited');
	await expect(ok).toContainText('With password');
	await expect(table.getByRole('row').nth(2)).toContainText('With the confirmation link');
	// The wide table scrolls in a region that takes keyboard focus.
	await table.focus();
	await expect(table).toBeFocused();
	await expectAccessible(page);
	await screenshot(page, 'audit-filtered');

	// Everything, newest first: the admin's own sign-in is among the newest (other specs
	// sign in on the same server at the same time, so not necessarily the very first).
	await page.getByRole('link', { name: 'Clear filters' }).click();
	await expect(
		table.getByRole('row').filter({ hasText: 'admin@talkoot.example' }).first()
	).toContainText('Sign-in');
	await expectAccessible(page);
	await screenshot(page, 'audit-all');

	// A query that does not parse is a 400 that says why.
	const bad = await page.goto('/admin/audit?from=2026-02-30');
	expect(bad?.status()).toBe(400);
	await expect(page.getByText('A day must be a real date (YYYY-MM-DD).')).toBeVisible();
});

test('a person who is not a platform admin is refused the audit log', async ({ page }) => {
	await signIn(page, 'juror@talkoot.example');
	const response = await page.goto('/admin/audit');
	expect(response?.status()).toBe(403);
});
