import type { BrowserContext, Page } from '@playwright/test';
import { expect, expectAccessible, hydrated, screenshot, signIn, test } from './helpers';

// Issue 12, Visitor: the header's menu, reflow, the challenge page's apply box, filters.

const LOCALES = ['fi', 'sv', 'en'] as const;
type Locale = (typeof LOCALES)[number];
const MENU: Record<Locale, string> = { fi: 'Valikko', sv: 'Meny', en: 'Menu' };
const CHALLENGES: Record<Locale, string> = { fi: 'Haasteet', sv: 'Utmaningar', en: 'Challenges' };

async function useLocale(context: BrowserContext, locale: Locale, port = baseUrl()) {
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: port }]);
}
const baseUrl = () => `http://localhost:${process.env.E2E_PORT ?? 4173}`;

/** No horizontal scroll: the page is no wider than the window (WCAG 1.4.10). */
async function expectNoHorizontalScroll(page: Page) {
	const { scroll, width } = await page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth,
		width: window.innerWidth
	}));
	expect(scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(width);
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: /Päävalikko|Huvudmeny|Main/ });

for (const javaScriptEnabled of [true, false]) {
	test.describe(`menu ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, () => {
		test.use({ javaScriptEnabled });

		for (const locale of LOCALES) {
			test(`at 375 px the header folds behind a menu button (${locale})`, async ({
				page,
				context
			}) => {
				await useLocale(context, locale);
				await page.setViewportSize({ width: 375, height: 667 });
				await page.goto('/');
				const header = page.locator('header.site-header');
				const box = (await header.boundingBox())!;
				// A small part of the first screen: the brand and the button, one row.
				expect(box.height).toBeLessThanOrEqual(667 * 0.12);
				const link = page.getByRole('link', { name: CHALLENGES[locale], exact: true }).first();
				await expect(link).toBeHidden();
				const button = page.getByText(MENU[locale], { exact: true });
				await expect(button).toBeVisible();
				await button.click();
				await expect(link).toBeVisible();
				await expect(mainNav(page)).toBeVisible();
				// axe runs as a script in the page: it needs JavaScript.
				if (javaScriptEnabled) await expectAccessible(page);
				await button.click();
				await expect(link).toBeHidden();
			});
		}

		test('keyboard opens and closes the menu at 375 px', async ({ page }) => {
			await page.setViewportSize({ width: 375, height: 667 });
			await page.goto('/');
			// Escape is the layout's handler: pressed before the page hydrates, it does nothing.
			await hydrated(page);
			const summary = page.locator('summary.menu-button');
			// Skip link first, then the brand, then the menu button.
			await page.keyboard.press('Tab');
			await page.keyboard.press('Tab');
			await page.keyboard.press('Tab');
			await expect(summary).toBeFocused();
			await page.keyboard.press('Enter');
			await expect(mainNav(page)).toBeVisible();
			await page.keyboard.press('Tab');
			// Into the menu: the first language button.
			await expect(page.locator('.menu-panel button').first()).toBeFocused();
			if (javaScriptEnabled) {
				// Escape folds it and gives the focus back to its button.
				await page.keyboard.press('Escape');
				await expect(mainNav(page)).toBeHidden();
				await expect(summary).toBeFocused();
			} else {
				await summary.focus();
				await page.keyboard.press('Space');
				await expect(mainNav(page)).toBeHidden();
			}
		});

		test('at 1440 px the menu is open with no button', async ({ page }) => {
			await page.setViewportSize({ width: 1440, height: 900 });
			await page.goto('/');
			await expect(page.locator('summary.menu-button')).toBeHidden();
			await expect(mainNav(page)).toBeVisible();
			await expect(
				page.getByRole('link', { name: 'Challenges', exact: true }).first()
			).toBeVisible();
			await expect(page.getByRole('button', { name: 'svenska' })).toBeVisible();
			const box = (await page.locator('header.site-header').boundingBox())!;
			expect(box.height).toBeLessThanOrEqual(140);
			if (javaScriptEnabled) await expectAccessible(page);
		});
	});
}

test.describe('reflow at 320 × 640 (WCAG 1.4.10)', () => {
	for (const locale of LOCALES) {
		test(`no page of the visitor's scrolls sideways (${locale})`, async ({ page, context }) => {
			await useLocale(context, locale);
			await page.setViewportSize({ width: 320, height: 640 });
			for (const path of [
				'/',
				'/challenges',
				'/challenges?stage=production&open=1',
				'/challenges/ai-goes-to-work',
				'/challenges/employment-training-partnership',
				'/challenges/address-fix-up',
				'/accessibility'
			]) {
				await page.goto(path);
				await expectNoHorizontalScroll(page);
				// The footer's links wrap inside the window.
				for (const box of await page
					.locator('footer a')
					.evaluateAll((as) => as.map((a) => a.getBoundingClientRect().right)))
					expect(box).toBeLessThanOrEqual(320);
			}
		});
	}
});

test.describe('at 1440 px a signed-in header is one row', () => {
	for (const locale of LOCALES) {
		test(`the owner's menu and account links side by side (${locale})`, async ({
			page,
			context
		}) => {
			await page.setViewportSize({ width: 1440, height: 900 });
			await signIn(page, 'owner@hel.example');
			await useLocale(context, locale);
			await page.goto('/manage');
			const nav = (await page.locator('header nav ul').boundingBox())!;
			const account = (await page.locator('header [role=group].account').boundingBox())!;
			// The account group (my challenges, name, sign out) beside the menu, not below it.
			expect(account.y).toBeLessThan(nav.y + nav.height);
			expect(account.x).toBeGreaterThan(nav.x + nav.width);
		});
	}
});

test('screenshots of the header', async ({ page }) => {
	await page.goto('/');
	await screenshot(page, 'visitor-home');
	await page.setViewportSize({ width: 375, height: 667 });
	await page.getByTestId('menu-button').click();
	await page.screenshot({ path: 'test-results/screenshots/visitor-menu-open-375.png' });
});

test.describe('the challenge page puts the deadline and Apply first', () => {
	for (const width of [375, 1440]) {
		test(`open, before and after, at ${width} px`, async ({ page, context }) => {
			await page.setViewportSize({ width, height: 900 });
			await page.goto('/challenges/ai-goes-to-work');
			const box = page.getByTestId('apply-deadline');
			await expect(box).toContainText(
				/^Applications close \d{1,2} \w+(?: \d{4})? at \d{1,2}:\d{2}/
			);
			await expect(box).toContainText(/– \d+ days left/);
			const apply = page.getByRole('link', { name: 'Sign in to apply' });
			await expect(apply).toBeVisible();
			// Near the top: in the first screen, before the text about the challenge.
			const applyTop = (await apply.boundingBox())!.y;
			expect(applyTop).toBeLessThan(900 * (width === 375 ? 1.5 : 1));
			const about = (await page
				.getByRole('heading', { name: 'About the challenge' })
				.boundingBox())!;
			if (width === 375) expect(applyTop).toBeLessThan(about.y);
			else expect(applyTop).toBeLessThan(about.y + 400);
			await expectAccessible(page);

			await page.goto('/challenges/employment-training-partnership');
			await expect(page.getByTestId('apply-deadline')).toContainText(
				/^Applications open \d{1,2} \w+(?: \d{4})? at \d{1,2}:\d{2} and close \d{1,2} \w+(?: \d{4})? at \d{1,2}:\d{2}\./
			);
			await expect(page.getByRole('link', { name: 'Sign in to apply' })).toHaveCount(0);

			await page.goto('/challenges/address-fix-up');
			await expect(page.getByTestId('apply-deadline')).toContainText(
				/^Applications closed \d{1,2} \w+(?: \d{4})? at \d{1,2}:\d{2}\./
			);

			// In Finnish and Swedish, with their words for the time and plural forms.
			await useLocale(context, 'fi');
			await page.goto('/challenges/ai-goes-to-work');
			await expect(page.getByTestId('apply-deadline')).toContainText(
				/^Hakuaika päättyy \d{1,2}\.\d{1,2}\. klo \d{1,2}\.\d{2} – \d+ päivää jäljellä/
			);
			await useLocale(context, 'sv');
			await page.goto('/challenges/ai-goes-to-work');
			await expect(page.getByTestId('apply-deadline')).toContainText(
				/^Ansökningstiden går ut \d{1,2}\.\d{1,2} kl\. \d{1,2}\.\d{2} – \d+ dagar kvar/
			);
		});
	}

	test('offers a webcal subscription beside the download', async ({ page, request }) => {
		await page.goto('/challenges/ai-goes-to-work');
		const port = process.env.E2E_PORT ?? 4173;
		await expect(page.getByRole('link', { name: 'Subscribe in your calendar' })).toHaveAttribute(
			'href',
			`webcal://localhost:${port}/challenges/ai-goes-to-work/calendar.ics`
		);
		const download = page.getByRole('link', { name: 'Download to calendar' });
		await expect(download).toHaveAttribute('href', '/challenges/ai-goes-to-work/calendar.ics');
		const ics = await (await request.get('/challenges/ai-goes-to-work/calendar.ics')).text();
		expect(ics).toContain('BEGIN:VALARM');
		expect(ics).toContain('DTSTART;VALUE=DATE:');
	});
});

test.describe('filters on /challenges', () => {
	for (const javaScriptEnabled of [true, false]) {
		test(`apply ${javaScriptEnabled ? 'on change' : 'with the button'}; nothing matched offers to clear`, async ({
			browser
		}) => {
			const context = await browser.newContext({ javaScriptEnabled, baseURL: baseUrl() });
			const page = await context.newPage();
			for (const width of [375, 1440]) {
				await page.setViewportSize({ width, height: 900 });
				await page.goto('/challenges');
				// h1, then the results' h2, then the cards' h3 (1.3.1).
				const levels = await page
					.locator('main :is(h1, h2, h3, h4)')
					.evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
				levels.forEach((level, i) => {
					if (i) expect(level - levels[i - 1]).toBeLessThanOrEqual(1);
				});
				// As a person does: the dropdown has focus when its choice changes.
				await page.getByLabel('Stage now').focus();
				await page.getByLabel('Stage now').selectOption('production');
				if (!javaScriptEnabled) {
					await expect(page).not.toHaveURL(/stage=production/);
					await page.getByRole('button', { name: 'Search' }).click();
				}
				await expect(page).toHaveURL(/stage=production/);
				await expect(page.getByTestId('no-match')).toContainText(
					'No challenge matches these filters.'
				);
				await expect(page.getByText('No challenges have been published yet.')).toHaveCount(0);
				if (javaScriptEnabled) {
					await expect(page.getByLabel('Stage now')).toBeFocused();
					await expectAccessible(page);
				}
				await page.getByRole('link', { name: 'Clear the filters and show all challenges' }).click();
				await expect(page).toHaveURL(/\/challenges$/);
				await expect(page.locator('main h3').first()).toBeVisible();
				// The checkbox too.
				await page.getByLabel('Open for applications now').check();
				if (!javaScriptEnabled) await page.getByRole('button', { name: 'Search' }).click();
				await expect(page).toHaveURL(/open=1/);
			}
			await context.close();
		});
	}
});

test('screenshots of the visitor pages', async ({ page }) => {
	for (const [name, path] of [
		['visitor-challenge-open', '/challenges/ai-goes-to-work'],
		['visitor-challenge-before', '/challenges/employment-training-partnership'],
		['visitor-challenges', '/challenges'],
		['visitor-challenges-none', '/challenges?stage=production']
	]) {
		await page.goto(path);
		await screenshot(page, name);
	}
});
