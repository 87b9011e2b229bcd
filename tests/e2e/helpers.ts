import { createHash } from 'node:crypto';
import {
	closeSync,
	existsSync,
	openSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import {
	test as base,
	expect,
	type APIRequestContext,
	type APIResponse,
	type BrowserContext,
	type Locator,
	type Page
} from '@playwright/test';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';

/** What playwright.config.ts gives the server as DEMO_PASSWORD (there is no default). */
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Talkoot-demo-2026!';
/** The demo admin's TOTP key: playwright.config.ts gives it to the server as DEMO_TOTP_SECRET. */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The end-to-end server's data directory (playwright.config.ts). */
const DATA_DIR = `.data-e2e-${process.env.E2E_PORT ?? 4173}`;

/** The TOTP time step (30 s) of `ms` since the epoch. */
const totpStep = (ms = Date.now()) => Math.floor(ms / 30_000);

/** The code of `secret` for TOTP time step `step`. */
const totpCodeAt = (secret: string, step: number) =>
	generateHOTP(decodeBase32IgnorePadding(secret.replace(/\s/g, '')), BigInt(step), 6);

/** The code an authenticator app shows for a key (as shown, in groups) `ahead` steps from now. */
export function totpCodeFor(secret: string, ahead = 0): string {
	return totpCodeAt(secret, totpStep() + ahead);
}

/**
 * Runs `fn` holding the lock file `path` (made exclusively; another holder waits, and takes
 * a lock older than `staleMs` over), and returns what fn returns.
 */
async function withLockFile<T>(path: string, fn: () => Promise<T>, staleMs = 45_000): Promise<T> {
	for (;;) {
		try {
			closeSync(openSync(path, 'wx'));
			break;
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
			if (age > staleMs) rmSync(path, { force: true });
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	try {
		return await fn();
	} finally {
		rmSync(path, { force: true });
	}
}

/**
 * On the sign-in code page: enters a code of `secret` and waits for the answer. The server
 * takes each time step's code once and counts every refused one, locking the account after
 * ten (second-factor.ts): tests in parallel signing in as the demo admin had reused each
 * other's codes until it locked (a rehearsal of stop 37, three tests). So the steps are
 * handed out one at a time, each worker under a lock file beside the server's data, never
 * one already used: the present step's code, or the next one's (accepted for clock drift),
 * or, when both are used, the next period's. A code used outside this function (enrolment)
 * is refused once, and the next step is taken.
 */
export async function enterSignInCode(page: Page, secret: string) {
	const id = createHash('sha256').update(secret).digest('hex').slice(0, 12);
	const used = join(DATA_DIR, `totp-${id}.used`);
	await withLockFile(join(DATA_DIR, `totp-${id}.lock`), async () => {
		for (let attempt = 0; attempt < 3; attempt++) {
			const last = existsSync(used) ? Number(readFileSync(used, 'utf8')) : -Infinity;
			const step = Math.max(totpStep(), last + 1);
			// A step more than one ahead is not accepted yet: wait for its period's start.
			if (step > totpStep() + 1) await page.waitForTimeout((step - 1) * 30_000 - Date.now() + 200);
			await page.getByRole('textbox', { name: 'Code', exact: true }).fill(totpCodeAt(secret, step));
			await page.getByRole('button', { name: 'Verify and sign in' }).click();
			await page.waitForLoadState();
			writeFileSync(used, String(step));
			if (!new URL(page.url()).pathname.startsWith('/auth/sign-in/code')) return;
			if (await page.locator('form[action="/auth/sign-out"]').count()) return;
		}
		const said = await page.getByRole('alert').allInnerTexts();
		throw new Error(`the sign-in code was refused three times: ${said.join(' ')}`);
	});
}
const MAIL_DIR = join(DATA_DIR, 'mail');

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
	// axe runs inside the page and needs its timers: a context without JavaScript never
	// runs them, so its page is checked as a copy (the same markup, no scripts) in a
	// context with JavaScript, at the same address so styles load alike.
	if (await scriptsRun(page)) return expectAxeClean(page, page.url());
	const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
	const browser = page.context().browser()!;
	const copy = await browser.newContext({ viewport: page.viewportSize() });
	try {
		const mirror = await copy.newPage();
		const address = page.url().replace(/#.*$/, '');
		await mirror.route(
			(url) => url.href.replace(/#.*$/, '') === address,
			(route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' })
		);
		await mirror.goto(page.url());
		await expectAxeClean(mirror, page.url());
	} finally {
		await copy.close();
	}
}

/** Per browser context (where JavaScript is turned on or off): whether the page's timers run. */
const contextRunsScripts = new WeakMap<BrowserContext, boolean>();

/**
 * Whether the page's own timers run (false in a context without JavaScript). Asked once per
 * context: a page still hydrating on a loaded machine took over a second to run a timer, and
 * a 1 s wait then took JavaScript for off (a CI rehearsal of 2 December).
 */
async function scriptsRun(page: Page): Promise<boolean> {
	const known = contextRunsScripts.get(page.context());
	if (known !== undefined) return known;
	const timer = page.evaluate(() => new Promise<boolean>((r) => setTimeout(() => r(true), 0)));
	const never = new Promise<boolean>((r) => setTimeout(() => r(false), 5000));
	const runs = await Promise.race([timer, never]);
	contextRunsScripts.set(page.context(), runs);
	return runs;
}

/**
 * Waits until the page open in `page` has hydrated: the root layout marks <html
 * data-hydrated> once every component has mounted (src/routes/+layout.svelte). Until then a
 * key or click whose handling needs the page's scripts (Escape folding the menu, a button
 * that only opens a question, a save that reports itself) does nothing, or falls back to a
 * plain form post, and the test fails now and then on a busy machine. Call it after
 * `goto`, `reload` or a full page load, before such a step. A context without JavaScript
 * never hydrates: there it returns at once.
 */
export async function hydrated(page: Page) {
	if (!(await scriptsRun(page))) return;
	// Hydrating takes a while on a loaded two-core machine.
	await expect(page.locator('html[data-hydrated]')).toBeAttached({ timeout: 20_000 });
}

async function expectAxeClean(page: Page, address: string) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const found = results.violations.map(
		(v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`
	);
	expect(found, `axe on ${address}`).toEqual([]);
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
			// The outbox worker delivers after the request; on a busy machine that takes a while.
			{ timeout: 20_000 }
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
	// Whoever was signed in here (say, by opening the verification link) signs out first,
	// and the form is read in English whatever language the page was switched to.
	await page.context().clearCookies({ name: /session|PARAGLIDE_LOCALE/ });
	await page.goto('/auth/sign-in');
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	// Accounts with a second factor (the demo admin) are asked for a code next.
	const code = page.getByRole('heading', { name: 'Enter your verification code' });
	const signedIn = page.locator('form[action="/auth/sign-out"]');
	// At narrow widths the sign-out form sits in the folded menu: present, not shown.
	await expect(code.or(signedIn).first()).toBeAttached();
	if (await code.isVisible()) await enterSignInCode(page, DEMO_TOTP_SECRET);
	await expect(signedIn).toBeAttached();
	// Sign-in brings the profile's language; these tests read English.
	if ((await page.locator('html').getAttribute('lang')) !== 'en') {
		const english = page.getByRole('button', { name: 'English' });
		// At narrow widths the language buttons sit in the folded menu.
		if (!(await english.isVisible())) await page.locator('header details > summary').click();
		await english.click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	}
}

/** Signs up and verifies through the mailed link; returns the new account's email. */
/**
 * Signs a demo account in through the form post, without a browser page: the request
 * context keeps the session cookie. Asserts the 303 of a successful sign-in and returns
 * the response (its set-cookie for a socket). `headers` needs the server's `origin`.
 */
export async function signInByRequest(
	request: APIRequestContext,
	email: string,
	headers: Record<string, string>
): Promise<APIResponse> {
	const response = await request.post('/auth/sign-in', {
		form: { email, password: DEMO_PASSWORD },
		headers,
		maxRedirects: 0
	});
	expect(response.status(), `sign-in as ${email}`).toBe(303);
	return response;
}

export async function signUpVerified(page: Page, name: string, password: string) {
	const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, '-'));
	await page.goto('/auth/sign-up');
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
	// Opened in the browser that signed up: confirmed and signed in, on the dashboard
	// (solver-home.spec.ts). Signing out ends that session, so the test goes on from a
	// signed-out browser with one session on record, as its sign-in expects.
	await page.goto(linkIn(await latestMailTo(email, /Confirm/)));
	await expect(page.getByText('Your email address is confirmed')).toBeVisible();
	const signOut = page.locator('form[action="/auth/sign-out"]');
	await signOut.first().evaluate((form: HTMLFormElement) => form.requestSubmit());
	await expect(signOut).toHaveCount(0);
	return email;
}

/**
 * On /account/security, signed in: asks to move the account to `next` with the account's
 * password, and waits for the page to say the link is on its way. Returns the section.
 */
export async function askEmailChange(page: Page, next: string, password: string) {
	if (!new URL(page.url()).pathname.startsWith('/account/security'))
		await page.goto('/account/security');
	const section = page.locator('section#email');
	await section.getByLabel('New email address').fill(next);
	await section.getByLabel('Your password').fill(password);
	await section.getByRole('button', { name: 'Send a confirmation link' }).click();
	await expect(page.getByText(/a link that confirms the change is on its way/)).toBeVisible();
	return section;
}

/** Presses Tab until the element has focus (at most 40 times), like a keyboard user. */
export async function tabTo(page: Page, selector: string) {
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Tab');
		if (await page.locator(selector).evaluate((el) => el === document.activeElement)) return;
	}
	throw new Error(`Tab never reached ${selector}`);
}

/**
 * A long multilingual field's textbox in `language` (LocalizedFields): its language tab,
 * which appears once the page is live, is opened first, as a person would.
 */
export async function localizedText(page: Page, group: string, language: string) {
	const scope = page.getByRole('group', { name: group });
	// Without JavaScript there are no tabs: the fields stand stacked.
	if (await scriptsRun(page)) await scope.getByRole('tab', { name: language }).click();
	return scope.getByRole('textbox', { name: language, exact: true });
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

/**
 * The message beside a field (Field and its kin render it as `p.error`, the field's
 * aria-describedby). The form's error summary repeats it as a link to the field, so a
 * bare getByText would find both.
 */
export function fieldError(scope: Page | Locator, text: string | RegExp): Locator {
	return scope.locator('p.error').filter({ hasText: text });
}

/** The day `days` from now in Helsinki, as Finns write it (d.m.yyyy), for date fields. */
export function finnishDayFromNow(days: number): string {
	return new Intl.DateTimeFormat('fi-FI', {
		timeZone: 'Europe/Helsinki',
		day: 'numeric',
		month: 'numeric',
		year: 'numeric'
	}).format(new Date(Date.now() + days * 86_400_000));
}

/** A timetable field's value as Finns type it, `d.m.yyyy h.00`: `hour` o'clock, `days` from today in Helsinki. */
export function finnishTimeFromNow(days: number, hour: number): string {
	return `${finnishDayFromNow(days)} ${hour}.00`;
}

/** What a test's workshop has besides its title (all optional). */
export interface WorkshopPlan {
	/** Teams to invite, by their checkbox's name; `'first'` takes the first team offered. */
	teams?: (RegExp | 'first')[];
	/** Invited experts, as typed in the form (comma-separated addresses). */
	experts?: string;
	/** A private board per team instead of one shared board. */
	negotiation?: boolean;
	/** Days from today to the start, at 9.00 Helsinki time (default 7). */
	inDays?: number;
	/** Changes to the agenda or anything else, made just before the form is sent. */
	before?: (page: Page) => Promise<void>;
}

/**
 * The facilitator signed in on `page` schedules a workshop of the demo challenge AI Goes to
 * Work through /workshops/new, with the start typed as Finns write it (d.m.yyyy hh.mm), and
 * waits until the workshop's page says it was scheduled. Returns the workshop's path.
 */
export async function scheduleWorkshop(page: Page, title: string, plan: WorkshopPlan = {}) {
	await page.goto('/workshops/new');
	await page.getByLabel('Challenge', { exact: true }).selectOption({ label: 'AI Goes to Work' });
	await page.getByRole('button', { name: 'Choose challenge' }).click();
	// The agenda's controls come with the page's script: typing before that is typed again.
	await expect(page.getByRole('button', { name: 'Add a phase' })).toBeVisible();
	for (const team of plan.teams ?? []) {
		const box =
			team === 'first'
				? page.getByRole('checkbox').first()
				: page.getByRole('checkbox', { name: team });
		await box.check();
	}
	await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
	await page.locator('#field-startsAt').fill(`${finnishDayFromNow(plan.inDays ?? 7)} 9.00`);
	if (plan.experts) await page.getByLabel('Invited experts').fill(plan.experts);
	if (plan.negotiation) await page.getByRole('radio', { name: /A private board per team/ }).check();
	await plan.before?.(page);
	await page.getByRole('button', { name: 'Schedule workshop' }).click();
	await expect(page.getByText('The workshop was scheduled')).toBeVisible();
	return new URL(page.url()).pathname;
}

/**
 * Holds back a page's scripts, as on a slow phone, matching `pattern` (default the
 * JavaScript only: held styles would keep the page from painting, and from a click).
 * Returns `release`: lets them through, waits until they have arrived and the network is
 * quiet (the page has come alive), and stops holding.
 */
export async function holdScripts(page: Page, pattern = '**/_app/immutable/**/*.js') {
	let open = () => {};
	const held = new Promise<void>((resolve) => (open = resolve));
	await page.route(pattern, async (route) => {
		await held;
		await route.continue();
	});
	return async () => {
		const arrived = page.waitForEvent('requestfinished', (r) =>
			r.url().includes('/_app/immutable/')
		);
		open();
		await arrived;
		await page.waitForLoadState('networkidle');
		await page.unroute(pattern);
	};
}

/**
 * The notice an action answered with (Alert's role="status"), apart from the status lines
 * of a page's searches, which are live regions of their own (a page may hold both).
 */
export const notice = (page: Page) => page.locator('.alert[role="status"]');
