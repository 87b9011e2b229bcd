import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';

/** What playwright.config.ts gives the server as DEMO_PASSWORD (there is no default). */
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Talkoot-demo-2026!';
/** The demo admin's TOTP key: playwright.config.ts gives it to the server as DEMO_TOTP_SECRET. */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The code an authenticator app shows for a key (as shown, in groups) `ahead` steps from now. */
export function totpCodeFor(secret: string, ahead = 0): string {
	const key = decodeBase32IgnorePadding(secret.replace(/\s/g, ''));
	return generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) + ahead), 6);
}

/**
 * On the sign-in code page: enters the code of `secret`. A code works once, so when a test
 * running beside this one used the present code already, the next step's code (accepted for
 * clock drift) is tried, and then the next period's.
 */
export async function enterSignInCode(page: Page, secret: string) {
	for (let attempt = 0; attempt < 4; attempt++) {
		if (attempt === 2) await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 200);
		await page
			.getByRole('textbox', { name: 'Code', exact: true })
			.fill(totpCodeFor(secret, attempt % 2));
		await page.getByRole('button', { name: 'Verify and sign in' }).click();
		await page.waitForLoadState();
		if (!new URL(page.url()).pathname.startsWith('/auth/sign-in/code')) return;
		if (await page.locator('form[action="/auth/sign-out"]').count()) return;
	}
	throw new Error('the sign-in code was refused four times');
}
const MAIL_DIR = join(`.data-e2e-${process.env.E2E_PORT ?? 4173}`, 'mail');

/** Every test fails if any response of the app is a server error. */
export const test = base.extend<{ noServerErrors: void }>({
	noServerErrors: [
		async ({ page }, use) => {
			const errors: string[] = [];
			page.on('response', (response) => {
				if (response.status() >= 500) errors.push(`${response.status()} ${response.url()}`);
			});
			await use();
			expect(errors, 'server errors').toEqual([]);
		},
		{ auto: true }
	]
});
export { expect };

/** axe with the WCAG 2.1 A and AA rules finds nothing on the page as it is now. */
export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const found = results.violations.map(
		(v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`
	);
	expect(found, `axe on ${page.url()}`).toEqual([]);
}

interface Mail {
	to: string;
	subject: string;
	text: string;
}

/**
 * The newest mail to this address that the server wrote under DATA_DIR/mail. Mail goes
 * out from the outbox worker after the request, so this waits for it (up to 10 s).
 */
/**
 * The newest mail to `address` (with a subject matching `subject`), waiting until at
 * least `atLeast` such mails have arrived: the outbox delivers after the request, so a
 * test that caused a second mail of a kind says so, or it could read the first.
 */
export async function latestMailTo(address: string, subject?: RegExp, atLeast = 1): Promise<Mail> {
	let found: Mail | undefined;
	await expect
		.poll(
			() => {
				if (!existsSync(MAIL_DIR)) return false;
				const mails = readdirSync(MAIL_DIR, { withFileTypes: true })
					.filter((f) => f.isFile() && f.name.endsWith('.json'))
					.map((f) => f.name)
					.sort()
					.map((name) => JSON.parse(readFileSync(join(MAIL_DIR, name), 'utf8')) as Mail)
					.filter((m) => m.to === address && (!subject || subject.test(m.subject)));
				found = mails.at(-1);
				return mails.length >= atLeast;
			},
			{ timeout: 10_000 }
		)
		.toBe(true);
	return found!;
}

export function linkIn(mail: Mail): string {
	const match = /https?:\/\/\S+/.exec(mail.text);
	if (!match) throw new Error(`no link in mail "${mail.subject}"`);
	return new URL(match[0]).pathname + new URL(match[0]).search;
}

export const uniqueEmail = (prefix: string) =>
	`${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@e2e.example`;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/auth/sign-in');
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	// Accounts with a second factor (the demo admin) are asked for a code next.
	const code = page.getByRole('heading', { name: 'Enter your verification code' });
	const signedIn = page.locator('form[action="/auth/sign-out"]');
	await expect(code.or(signedIn)).toBeVisible();
	if (await code.isVisible()) await enterSignInCode(page, DEMO_TOTP_SECRET);
	await expect(signedIn).toBeVisible();
	// Sign-in brings the profile's language; these tests read English.
	if ((await page.locator('html').getAttribute('lang')) !== 'en') {
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	}
}

/** Signs up and verifies through the mailed link; returns the new account's email. */
export async function signUpVerified(page: Page, name: string, password: string) {
	const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, '-'));
	await page.goto('/auth/sign-up');
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
	await page.goto(linkIn(await latestMailTo(email, /Confirm/)));
	await expect(page.getByText('Your email address is confirmed')).toBeVisible();
	return email;
}

/** Presses Tab until the element has focus (at most 40 times), like a keyboard user. */
export async function tabTo(page: Page, selector: string) {
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Tab');
		if (await page.locator(selector).evaluate((el) => el === document.activeElement)) return;
	}
	throw new Error(`Tab never reached ${selector}`);
}

export async function screenshot(page: Page, name: string) {
	for (const width of [375, 1440]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({
			path: `test-results/screenshots/${name}-${width}.png`,
			fullPage: true
		});
	}
	await page.setViewportSize({ width: 1280, height: 720 });
}

/**
 * A chosen file over the limit is refused at its field by the browser before anything is
 * sent (src/lib/components/file-size.ts): the field says why and has the focus.
 */
export async function expectRefusedAtField(field: Locator, message: string) {
	await expect
		.poll(() => field.evaluate((e: HTMLInputElement) => e.validationMessage))
		.toBe(message);
	await expect(field).toBeFocused();
}
