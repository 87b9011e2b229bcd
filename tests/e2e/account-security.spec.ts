import type { Browser } from '@playwright/test';
import {
	enterSignInCode,
	expect,
	expectAccessible,
	screenshot,
	signUpVerified,
	tabTo,
	test,
	totpCodeFor,
	fieldError
} from './helpers';

const PASSWORD = 'Seven quiet ravens at dawn';
const NEW_PASSWORD = 'Amber lanterns over frozen lakes';

/** Signs in by the form (no helper: these accounts may be asked for a code). */
async function signInAs(browser: Browser, email: string, password = PASSWORD) {
	const page = await (await browser.newContext()).newPage();
	await page.goto('/auth/sign-in');
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	return page;
}

// Each test signs up and signs in several times: argon2 hashing on every one of them.
test.describe.configure({ timeout: 120_000 });

const signedIn = (page: import('@playwright/test').Page) =>
	page.locator('form[action="/auth/sign-out"]');

test('changing the password needs the current one and ends the other sessions', async ({
	page,
	browser
}) => {
	const email = await signUpVerified(page, 'Paula Password', PASSWORD);
	const here = await signInAs(browser, email);
	const elsewhere = await signInAs(browser, email);
	await expect(signedIn(elsewhere)).toBeVisible();

	await here.goto('/account');
	await here.getByRole('link', { name: 'Sign-in and security' }).click();
	await expect(here.getByRole('heading', { name: 'Sign-in and security', level: 1 })).toBeVisible();
	await expectAccessible(here);
	await screenshot(here, 'account-security');

	await here.getByLabel('Current password').fill('not my password');
	await here.getByLabel('New password').fill(NEW_PASSWORD);
	await here.getByRole('button', { name: 'Change password' }).click();
	await expect(fieldError(here, 'Your current password is not right.')).toBeVisible();
	await expect(here.getByLabel('Current password')).toHaveValue('');
	await expectAccessible(here);

	await here.getByLabel('Current password').fill(PASSWORD);
	await here.getByLabel('New password').fill('password1234');
	await here.getByRole('button', { name: 'Change password' }).click();
	await expect(fieldError(here, /too common or easy to guess/)).toBeVisible();

	await here.getByLabel('Current password').fill(PASSWORD);
	await here.getByLabel('New password').fill(NEW_PASSWORD);
	await here.getByRole('button', { name: 'Change password' }).click();
	await expect(here.getByRole('status')).toContainText('Your password has been changed');
	await expect(signedIn(here)).toBeVisible();

	// The other session is over; the new password works.
	await elsewhere.reload();
	await expect(signedIn(elsewhere)).toHaveCount(0);
	const again = await signInAs(browser, email, NEW_PASSWORD);
	await expect(signedIn(again)).toBeVisible();
});

test('a session is ended from the sessions list after a confirmation, by keyboard', async ({
	page,
	browser
}) => {
	const email = await signUpVerified(page, 'Sami Sessions', PASSWORD);
	const laptop = await signInAs(browser, email);
	const phone = await signInAs(browser, email);
	await expect(signedIn(phone)).toBeVisible();

	await laptop.goto('/account/security');
	const list = laptop.locator('#sessions li');
	await expect(list).toHaveCount(2);
	await expect(list.filter({ hasText: 'This session' })).toHaveCount(1);
	await expect(list.first()).toContainText('Chrome on Linux');

	// The other one: its "End session" link, reached and followed by keyboard.
	const other = list.filter({ hasNotText: 'This session' });
	const link = other.getByRole('link', { name: /End session/ });
	const id = await link.getAttribute('href');
	await tabTo(laptop, `a[href="${id}"]`);
	await laptop.keyboard.press('Enter');
	await expect(laptop.getByRole('heading', { name: 'End this session?' })).toBeVisible();
	await expectAccessible(laptop);
	await screenshot(laptop, 'account-session-end');
	await tabTo(laptop, '#end-session button[type="submit"]');
	await laptop.keyboard.press('Enter');
	await expect(laptop.getByRole('status')).toContainText('The session has ended.');
	await expect(list).toHaveCount(1);

	await phone.reload();
	await expect(signedIn(phone)).toHaveCount(0);
	await expect(signedIn(laptop)).toBeVisible();
});

test('TOTP: enrol with the shown key, sign in with a code, turn off with a code', async ({
	page,
	browser
}) => {
	const email = await signUpVerified(page, 'Tove Totp', PASSWORD);
	const me = await signInAs(browser, email);
	await me.goto('/account/security#two-factor');
	await me.getByRole('button', { name: 'Set up two-step verification' }).click();
	const secret = (await me.getByTestId('totp-secret').innerText()).trim();
	expect(secret).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
	const uri = await me
		.getByRole('link', { name: 'Add Talkoot to the authenticator app' })
		.getAttribute('href');
	expect(uri).toMatch(/^otpauth:\/\/totp\/Talkoot:/);
	expect(uri).toContain(`secret=${secret.replace(/ /g, '')}`);
	await expectAccessible(me);
	await screenshot(me, 'account-totp-enrol');

	await me.getByRole('textbox', { name: 'Code', exact: true }).fill('000000');
	await me.getByRole('button', { name: 'Turn on' }).click();
	await expect(fieldError(me, /This code is not right/)).toBeVisible();
	await me.getByRole('textbox', { name: 'Code', exact: true }).fill(totpCodeFor(secret));
	await me.getByRole('button', { name: 'Turn on' }).click();
	await expect(me.getByText('Two-step verification is on.')).toBeVisible();
	const codes = me.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
	await expect(codes).toHaveCount(10);
	const recovery = (await codes.first().innerText()).trim();
	expect(recovery).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
	await expectAccessible(me);
	await screenshot(me, 'account-recovery-codes');
	await me.getByRole('link', { name: 'I have saved my recovery codes' }).click();
	await expect(me.getByText(/10 unused recovery codes left/)).toBeVisible();
	await expect(codes).toHaveCount(0);

	// Sign-in now asks for the code after the password.
	const next = await signInAs(browser, email);
	await expect(next.getByRole('heading', { name: 'Enter your verification code' })).toBeVisible();
	await expect(signedIn(next)).toHaveCount(0);
	await expectAccessible(next);
	await screenshot(next, 'sign-in-code');
	await next.getByRole('textbox', { name: 'Code', exact: true }).fill('123456');
	await next.getByRole('button', { name: 'Verify and sign in' }).click();
	await expect(fieldError(next, /This code is not right/)).toBeVisible();
	await expectAccessible(next);
	await enterSignInCode(next, secret);
	await expect(signedIn(next)).toBeVisible();

	// Turning it off takes a code too (here a recovery code: the app's codes are used up).
	await next.goto('/account/security#two-factor');
	await next.getByRole('textbox', { name: 'Code', exact: true }).fill('000000');
	await next.getByRole('button', { name: 'Turn off' }).click();
	await expect(fieldError(next, /This code is not right/)).toBeVisible();
	await next.getByRole('textbox', { name: 'Code', exact: true }).fill(recovery);
	await next.getByRole('button', { name: 'Turn off' }).click();
	await expect(next.getByRole('status')).toContainText('Two-step verification is off.');
	const plain = await signInAs(browser, email);
	await expect(signedIn(plain)).toBeVisible();
});

test('the demo admin signs in with a code and opens the admin page', async ({ page }) => {
	const { signIn } = await import('./helpers');
	await signIn(page, 'admin@talkoot.example');
	await page.goto('/admin');
	await expect(page).toHaveURL(/\/admin$/);
	await page.goto('/account/security');
	await expect(page.getByText(/Two-step verification has been on since/)).toBeVisible();
});

test('an admin without a second factor enrols before any admin page; then gets in', async ({
	browser
}) => {
	const { DEMO_PASSWORD } = await import('./helpers');
	// new-admin@talkoot.example is a platform admin with no second factor (the demo seed).
	const admin = await signInAs(browser, 'new-admin@talkoot.example', DEMO_PASSWORD);
	await expect(signedIn(admin)).toBeVisible();
	for (const path of ['/admin', '/organisations', '/organisations/city-of-helsinki']) {
		await admin.goto(path);
		await expect(admin, path).toHaveURL(/\/account\/security\?required=admin/);
	}
	// A form post to an admin action is sent to enrol as well, and creates nothing.
	const post = await admin.request.post('/admin?/createOrganisation', {
		form: { name: 'Sneaky Org', slug: 'sneaky-org', kind: 'public_body' },
		headers: { origin: new URL(admin.url()).origin },
		maxRedirects: 0
	});
	expect(post.status()).toBe(303);
	expect(post.headers().location).toContain('/account/security?required=admin');

	await admin.getByRole('button', { name: 'Set up two-step verification' }).click();
	const secret = (await admin.getByTestId('totp-secret').innerText()).trim();
	await admin.getByRole('textbox', { name: 'Code', exact: true }).fill(totpCodeFor(secret));
	await admin.getByRole('button', { name: 'Turn on' }).click();
	await expect(admin.getByText('Two-step verification is on.')).toBeVisible();

	// The session that gave the code is aal2: the admin pages open and their data is there.
	await admin.goto('/admin');
	await expect(admin).toHaveURL(/\/admin$/);
	await admin.goto('/organisations/city-of-helsinki');
	await expect(admin).toHaveURL(/\/organisations\/city-of-helsinki$/);
	await expect(admin.getByText('owner@hel.example')).toBeVisible();
});
