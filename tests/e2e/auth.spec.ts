import {
	DEMO_PASSWORD,
	expect,
	expectAccessible,
	latestMailTo,
	linkIn,
	screenshot,
	signIn,
	signUpVerified,
	tabTo,
	test,
	uniqueEmail,
	fieldError
} from './helpers';

const PASSWORD = 'Snow ploughs at dawn 2026';

test('sign up, verify through the mailed link, sign in, edit the profile, sign out', async ({
	page
}) => {
	const email = uniqueEmail('sanni');
	await page.goto('/auth/sign-up');
	await expectAccessible(page);
	await screenshot(page, 'sign-up');
	await page.getByLabel('Name').fill('Sanni Signup');
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByLabel('Preferred language').selectOption('en');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
	await expect(page.getByText(email)).toBeVisible();
	await expectAccessible(page);

	// Not yet verified: sign-in is refused and a fresh link is mailed.
	await page.goto('/auth/sign-in');
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText('Confirm your email address first');

	// The second confirmation mail: the refused sign-in replaced the first link.
	const mail = await latestMailTo(email, /Confirm your email/, 2);
	expect(mail.text).toContain('Hello Sanni Signup,');
	await page.goto(linkIn(mail));
	await expect(page.getByText('Your email address is confirmed')).toBeVisible();
	await expectAccessible(page);

	await signIn(page, email, PASSWORD);
	await expect(page.getByRole('link', { name: 'Sanni Signup' })).toBeVisible();

	await page.getByRole('link', { name: 'Sanni Signup' }).click();
	await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'profile');
	await page.getByLabel('Name').fill('Sanni Svensson');
	await page.getByLabel('Preferred language').selectOption('sv');
	await page.getByRole('button', { name: 'Save profile' }).click();
	// The preferred language takes effect at once.
	await expect(page.getByRole('status')).toHaveText('Profilen har sparats.');
	await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
	await expect(page.getByLabel('Namn')).toHaveValue('Sanni Svensson');
	await page.reload();
	await expect(page.getByLabel('Namn')).toHaveValue('Sanni Svensson');

	await page.getByRole('button', { name: 'Logga ut' }).click();
	await expect(page.getByRole('status')).toHaveText('Du har loggat ut.');
	await page.goto('/account');
	await expect(page).toHaveURL(/\/auth\/sign-in\?redirectTo=%2Faccount/);
});

test('a forgotten password is reset through the mailed link', async ({ page }) => {
	const email = await signUpVerified(page, 'Reijo Reset', PASSWORD);
	await page.goto('/auth/sign-in');
	await page.getByRole('link', { name: 'Forgot your password?' }).click();
	await expectAccessible(page);
	await page.getByLabel('Email address').fill(email);
	await page.getByRole('button', { name: 'Send link' }).click();
	await expect(page.getByRole('status')).toContainText(`If an account exists for ${email}`);

	await page.goto(linkIn(await latestMailTo(email, /Reset your/)));
	await expectAccessible(page);
	await page.getByLabel('New password').fill('password1234');
	await page.getByRole('button', { name: 'Save new password' }).click();
	await expect(fieldError(page, 'too common or easy to guess')).toBeVisible();
	const newPassword = 'Frost on the tram wires';
	await page.getByLabel('New password').fill(newPassword);
	await page.getByRole('button', { name: 'Save new password' }).click();
	await expect(page.getByRole('status')).toContainText('Your password has been changed');

	// The link works once; the old password no longer does.
	await page.goto(linkIn(await latestMailTo(email, /Reset your/)));
	await page.getByLabel('New password').fill('Yet another fine passphrase');
	await page.getByRole('button', { name: 'Save new password' }).click();
	await expect(page.getByRole('alert')).toContainText('invalid or has expired');
	await page.goto('/auth/sign-in');
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText('email address or password is wrong');
	await signIn(page, email, newPassword);
});

test('bad sign-up input is refused next to the field, keeping what was typed', async ({ page }) => {
	await page.goto('/auth/sign-up');
	const name = page.getByLabel('Name');
	const email = page.getByLabel('Email address');
	const password = page.getByLabel('Password');
	const submit = page.getByRole('button', { name: 'Create account' });

	await name.fill('Kalle Short');
	await email.fill(uniqueEmail('short'));
	await password.fill('short');
	await submit.click();
	await expect(fieldError(page, 'The password must have at least 12 characters.')).toBeVisible();
	await expect(password).toHaveAttribute('aria-invalid', 'true');
	await expect(name).toHaveValue('Kalle Short');
	await expect(password).toHaveValue('');
	await expectAccessible(page);
	await screenshot(page, 'sign-up-errors');

	await email.fill('not-an-email');
	await password.fill(PASSWORD);
	await submit.click();
	await expect(
		fieldError(page, 'Give an email address in the form name@example.com.')
	).toBeVisible();
	await expect(email).toHaveValue('not-an-email');

	// A taken address is not refused: the page tells no one who has an account (mail.spec.ts).
	await email.fill('admin@talkoot.example');
	await password.fill(PASSWORD);
	await submit.click();
	await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
});

test('twenty wrong passwords in a row are slowed down with a clear message', async ({ page }) => {
	const email = await signUpVerified(page, 'Rami Rate', PASSWORD);
	await page.goto('/auth/sign-in');
	const messages: string[] = [];
	for (let i = 0; i < 20; i++) {
		await page.getByLabel('Email address').fill(email);
		await page.getByLabel('Password').fill(`wrong password ${i}`);
		// Read the answer to this attempt, not the alert the last one left on the page.
		await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.getByRole('button', { name: 'Sign in' }).click()
		]);
		await expect(page.getByRole('alert')).toHaveText(/\S/);
		messages.push((await page.getByRole('alert').innerText()).trim());
	}
	expect(messages[0]).toContain('email address or password is wrong');
	// After a few failures each try from this address waits longer (per account and
	// address, src/lib/server/http/limits.ts); the owner elsewhere is not locked out
	// (tests/e2e/security.spec.ts).
	// Refusals come in quick tries; tries that waited long enough are checked again.
	expect(messages.slice(0, 5).every((m) => /password is wrong/.test(m))).toBe(true);
	expect(
		messages.some((m) =>
			/Too many failed sign-ins\. Try again in \d+ (seconds?|minutes?)[,.]/.test(m)
		)
	).toBe(true);
});

test('a tampered session cookie counts as signed out', async ({ page, context }) => {
	await signIn(page, 'solver@team.example');
	const cookies = await context.cookies();
	const session = cookies.find((c) => c.name.endsWith('talkoot_session'));
	expect(session?.httpOnly).toBe(true);
	expect(session?.sameSite).toBe('Lax');
	expect(session?.name).toBe('__Host-talkoot_session');
	await context.addCookies([{ ...session!, value: session!.value.slice(0, -2) + 'zz' }]);
	await page.goto('/account');
	await expect(page).toHaveURL(/\/auth\/sign-in/);
	await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
});

test('signing in works with the keyboard alone', async ({ page }) => {
	await page.goto('/');
	await tabTo(page, 'a[href="/auth/sign-in"]');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	await tabTo(page, '#field-email');
	await page.keyboard.type('owner@hel.example');
	await page.keyboard.press('Tab');
	await page.keyboard.type(DEMO_PASSWORD);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('link', { name: 'Olli Omistaja' })).toBeVisible();
});
