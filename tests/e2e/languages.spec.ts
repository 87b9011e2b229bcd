import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, signIn, test } from './helpers';

// Issue 12, WCAG 3.1.2: any text shown in another language than the page's carries its
// `lang`. The texts below are known from the demo data (supabase/seed.sql) to be in one
// language: each place a page shows one must be inside an element whose nearest `lang`
// is that language, whatever the page's language is.
const KNOWN: { text: string; lang: 'fi' | 'sv' | 'en' }[] = [
	{ text: 'Helsingin kaupunki', lang: 'fi' },
	{ text: 'Helsingfors stad', lang: 'sv' },
	{ text: 'City of Helsinki', lang: 'en' },
	{ text: 'Aalto-yliopisto', lang: 'fi' },
	{ text: 'Aalto-universitetet', lang: 'sv' },
	{ text: 'Aalto University', lang: 'en' },
	{ text: 'Maanmittauslaitos', lang: 'fi' },
	{ text: 'Lantmäteriverket', lang: 'sv' },
	{ text: 'National Land Survey of Finland', lang: 'en' },
	{ text: 'Forststyrelsen', lang: 'sv' },
	// Signatories and an own competence area, written in their challenge's primary language.
	{ text: 'Head of Employment Services', lang: 'en' },
	{ text: 'Deputy Mayor', lang: 'en' },
	{ text: 'Työllisyyspalvelujen päällikkö', lang: 'fi' },
	{ text: 'Apulaispormestari', lang: 'fi' },
	{ text: 'Työllisyyspalvelut', lang: 'fi' },
	// The demo Q&A, asked and answered in English.
	{ text: 'May a team include members from several companies?', lang: 'en' },
	{ text: 'A team may combine people from several organisations', lang: 'en' }
];

/**
 * Every known text on the page whose nearest `lang` is not its language, as
 * "text (lang) in <lang>"; also how many known texts the page shows.
 */
async function wronglyMarked(page: Page) {
	return page.evaluate((known) => {
		const found: string[] = [];
		let seen = 0;
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		const texts: Text[] = [];
		while (walker.nextNode()) texts.push(walker.currentNode as Text);
		for (const k of known) {
			for (const node of texts) {
				if (!node.data.includes(k.text)) continue;
				const el = node.parentElement!;
				if (el.closest('script, style, [hidden]') || !el.checkVisibility()) continue;
				seen++;
				const lang = el.closest('[lang]')?.getAttribute('lang');
				if (lang !== k.lang) found.push(`${k.text} (${k.lang}) in ${lang}`);
			}
		}
		return { found, seen };
	}, KNOWN);
}

async function chooseLanguage(page: Page, label: string, lang: string) {
	if ((await page.locator('html').getAttribute('lang')) === lang) return;
	await page.getByRole('button', { name: label, exact: true }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

const PUBLIC_PAGES = [
	'/',
	'/challenges',
	'/challenges/ai-goes-to-work',
	'/challenges/employment-training-partnership',
	'/organisations',
	'/organisations/city-of-helsinki',
	'/organisations/aalto-university'
];

for (const [label, lang] of [
	['suomi', 'fi'],
	['svenska', 'sv']
] as const) {
	test(`public pages in ${label}: text in another language carries its lang`, async ({ page }) => {
		await page.goto('/');
		await chooseLanguage(page, label, lang);
		let seen = 0;
		for (const path of PUBLIC_PAGES) {
			await page.goto(path);
			const result = await wronglyMarked(page);
			expect(result.found, path).toEqual([]);
			seen += result.seen;
		}
		// The walk met the known texts (it would pass vacuously on empty pages).
		expect(seen).toBeGreaterThan(10);
	});

	test(`signed-in pages in ${label}: text in another language carries its lang`, async ({
		page
	}) => {
		// Signing in, three pages, axe and screenshots at two widths on a shared machine.
		test.setTimeout(180_000);
		await signIn(page, 'owner@hel.example');
		await chooseLanguage(page, label, lang);
		let seen = 0;
		for (const path of [
			'/manage',
			'/challenges/ai-goes-to-work',
			'/organisations/city-of-helsinki'
		]) {
			await page.goto(path);
			const result = await wronglyMarked(page);
			expect(result.found, path).toEqual([]);
			seen += result.seen;
		}
		expect(seen).toBeGreaterThan(2);
		await page.goto('/challenges/ai-goes-to-work');
		await expectAccessible(page);
		await screenshot(page, `challenge-languages-${lang}`);
	});
}
