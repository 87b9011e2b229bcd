import type { Locator, Page } from '@playwright/test';
import {
	expect,
	expectAccessible,
	hydrated,
	localizedText,
	screenshot,
	signIn,
	tabTo,
	test
} from './helpers';

// The section tabs of a challenge's manage pages (src/routes/manage/challenges/[id=uuid]/
// +layout.svelte). At 1440 px the twelve links did not fit one row: the row scrolled, and on
// the last tab the first ones were cut at the left edge ("…ole"), on a desktop, with nothing
// to say there was more. On wide screens every tab is now shown whole, in every language;
// on a phone the row may scroll, but the current tab is in view and a cut edge fades.

const AI_GOES_TO_WORK = '20000000-0000-4000-8000-000000000001';

const LANGUAGES = [
	{ lang: 'fi', button: 'suomi', nav: 'Haasteen osiot', public: 'Julkinen sivu' },
	{ lang: 'sv', button: 'svenska', nav: 'Utmaningens avsnitt', public: 'Offentlig sida' },
	{ lang: 'en', button: 'English', nav: 'Challenge sections', public: 'Public page' }
] as const;

async function chooseLanguage(page: Page, button: string, lang: string) {
	if ((await page.locator('html').getAttribute('lang')) === lang) return;
	await page.getByRole('button', { name: button, exact: true }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/**
 * Every tab link of the bar that is not shown whole, as "label: why": outside a box
 * between it and the bar that clips or scrolls (or the bar itself, or the viewport), or
 * with its words broken over lines when `oneLine`.
 */
function cutTabs(nav: Locator, oneLine: boolean) {
	return nav.evaluate((nav, oneLine) => {
		const found: string[] = [];
		const viewport = document.documentElement.clientWidth;
		for (const a of nav.querySelectorAll<HTMLElement>('a[href]')) {
			const label = (a.textContent ?? '').trim();
			const r = a.getBoundingClientRect();
			if (r.width === 0 || r.left < -0.5 || r.right > viewport + 0.5)
				found.push(`${label}: ${Math.round(r.left)}–${Math.round(r.right)} px of ${viewport}`);
			for (let p = a.parentElement; p; p = p.parentElement) {
				if (p === nav || getComputedStyle(p).overflowX !== 'visible') {
					const q = p.getBoundingClientRect();
					if (r.left < q.left - 0.5 || r.right > q.right + 0.5)
						found.push(
							`${label}: ${Math.round(r.left)}–${Math.round(r.right)} px outside <${p.tagName.toLowerCase()}> ${Math.round(q.left)}–${Math.round(q.right)}`
						);
				}
				if (p === nav) break;
			}
			if (a.scrollWidth > a.clientWidth + 1) found.push(`${label}: wider than its link`);
			if (oneLine) {
				const range = document.createRange();
				range.selectNodeContents(a);
				const lines = new Set([...range.getClientRects()].map((b) => Math.round(b.top)));
				if (lines.size > 1) found.push(`${label}: on ${lines.size} lines`);
			}
		}
		return found;
	}, oneLine);
}

/**
 * At a narrow width: `link` (the current tab, or the focused one) is whole on the screen and
 * inside every box of the bar that clips or scrolls, and where the row is cut the cut is
 * shown: the row fades on that side (class `more-before` / `more-after`, a mask gradient),
 * and only there. Returns what is wrong.
 */
function narrowFaults(link: Locator) {
	return link.evaluate((link) => {
		const found: string[] = [];
		const nav = link.closest('nav')!;
		const r = link.getBoundingClientRect();
		const viewport = document.documentElement.clientWidth;
		if (r.left < -0.5 || r.right > viewport + 0.5) found.push('the tab is outside the screen');
		let scroller: HTMLElement | null = null;
		for (let p = link.parentElement; p && p !== nav.parentElement; p = p.parentElement) {
			if (getComputedStyle(p).overflowX === 'visible') continue;
			const q = p.getBoundingClientRect();
			if (r.left < q.left - 0.5 || r.right > q.right + 0.5)
				found.push(`the tab is cut by <${p.tagName.toLowerCase()}>`);
			scroller ??= p;
		}
		if (scroller && scroller.scrollWidth > scroller.clientWidth + 1) {
			const style = getComputedStyle(scroller);
			const fade = `${style.maskImage} ${style.getPropertyValue('-webkit-mask-image')}`;
			const before = scroller.scrollLeft > 1;
			const after = scroller.scrollLeft + scroller.clientWidth < scroller.scrollWidth - 1;
			if ((before || after) && !/gradient/.test(fade)) found.push('the row is cut without a fade');
			if (before !== scroller.classList.contains('more-before'))
				found.push(`more before: ${before}, but the start ${before ? 'does not fade' : 'fades'}`);
			if (after !== scroller.classList.contains('more-after'))
				found.push(`more after: ${after}, but the end ${after ? 'does not fade' : 'fades'}`);
		}
		return found;
	});
}

const PAGES = [
	{ path: '', name: 'overview' },
	{ path: '/team', name: 'team' }
];

test('every manage tab is shown whole on wide screens and the current one on a phone, in fi, sv and en', async ({
	page
}) => {
	// Three languages × two pages × four widths, axe and screenshots, on a shared machine.
	test.setTimeout(300_000);
	await signIn(page, 'owner@hel.example');
	const base = `/manage/challenges/${AI_GOES_TO_WORK}`;
	for (const { lang, button, nav: navName, public: publicPage } of LANGUAGES) {
		await page.setViewportSize({ width: 1280, height: 900 });
		await chooseLanguage(page, button, lang);
		const nav = page.getByRole('navigation', { name: navName });
		// The twelfth link, to the public page: whole too, wherever it stands.
		const out = page.getByRole('main').getByRole('link', { name: publicPage, exact: true });
		for (const { path, name } of PAGES) {
			for (const width of [1440, 1280, 1024]) {
				await page.setViewportSize({ width, height: 900 });
				await page.goto(base + path);
				await expect(nav.locator('a[aria-current="page"]')).toHaveCount(1);
				expect(await cutTabs(nav, true), `${lang} ${name} at ${width} px`).toEqual([]);
				await expect(out).toBeInViewport({ ratio: 1 });
				if (width === 1024 && lang !== 'sv')
					await page.screenshot({
						path: `test-results/screenshots/manage-tabs-${name}-${lang}-1024.png`
					});
			}
			await page.setViewportSize({ width: 375, height: 800 });
			await page.goto(base + path);
			await expect(nav.locator('a[aria-current="page"]')).toHaveCount(1);
			// The current tab is brought into view once the page is live.
			await expect
				.poll(
					() => narrowFaults(nav.locator('a[aria-current="page"]')),
					`${lang} ${name} at 375 px`
				)
				.toEqual([]);
			if (lang !== 'sv') await screenshot(page, `manage-tabs-${name}-${lang}`);
		}
	}
	// axe, wide and narrow (in English, the language the last loop left).
	await page.setViewportSize({ width: 1440, height: 900 });
	await page.goto(`${base}/criteria`);
	await expectAccessible(page);
	await page.setViewportSize({ width: 375, height: 800 });
	await page.goto(`${base}/criteria`);
	await expectAccessible(page);
	// By keyboard on a phone: Tab reaches the last section, and it scrolls into view whole.
	await tabTo(page, 'nav a[href$="/team"]');
	const team = page
		.getByRole('navigation', { name: 'Challenge sections' })
		.locator('a[href$="/team"]');
	await expect(team).toBeFocused();
	await expect.poll(() => narrowFaults(team), 'the focused last tab at 375 px').toEqual([]);
	// Moving between sections in the page (no reload), the new current tab is brought into
	// view too: here the last stage, chosen while the row shows its start.
	await hydrated(page);
	const sections = page.getByRole('navigation', { name: 'Challenge sections' });
	await sections.locator('a[href$="/basics"]').evaluate((a) => {
		a.closest('nav')!.querySelector<HTMLElement>('.row')!.scrollLeft = 0;
	});
	await sections.locator('a[href$="/production"]').evaluate((a: HTMLElement) => a.click());
	await expect(page).toHaveURL(/\/production$/);
	await expect
		.poll(() => narrowFaults(sections.locator('a[aria-current="page"]')), 'after moving')
		.toEqual([]);
});

test('a draft’s Preview and publish is shown whole beside its tabs, in Swedish', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, 'owner@hel.example');
	await page.goto('/manage/challenges/new?organisation=city-of-helsinki');
	await page.getByLabel('Primary language').selectOption('en');
	await page
		.getByRole('group', { name: 'Title' })
		.getByLabel('English')
		.fill(`Tabs ${Date.now().toString(36)}`);
	await (await localizedText(page, 'Description', 'English')).fill('Short.');
	await page.getByLabel('Contact email').fill('owner@hel.example');
	await page.getByRole('button', { name: 'Create draft' }).click();
	await expect(page.getByText('The draft was created.')).toBeVisible();
	const base = new URL(page.url()).pathname.replace(/\/timetable$/, '');
	await chooseLanguage(page, 'svenska', 'sv');
	const nav = page.getByRole('navigation', { name: 'Utmaningens avsnitt' });
	const publish = page
		.getByRole('main')
		.getByRole('link', { name: 'Förhandsgranska och publicera', exact: true });
	for (const width of [1024, 1440, 768, 375]) {
		await page.setViewportSize({ width, height: 900 });
		await page.goto(`${base}/requirements`);
		// From 768 px the groups are rows that wrap rather than hide a tab; from 1024 px
		// each row is one line.
		if (width >= 768) expect(await cutTabs(nav, width >= 1024), `draft at ${width} px`).toEqual([]);
		await expect(publish).toBeInViewport({ ratio: 1 });
		if (width === 1024 || width === 768)
			await page.screenshot({ path: `test-results/screenshots/manage-tabs-draft-sv-${width}.png` });
	}
	await screenshot(page, 'manage-tabs-draft-sv');
});

// The same fault in tables (ScrollRegion.svelte): at 375 px the challenge team's table hid its
// last columns (the date added, the remove button) past the box's edge, with nothing to say
// so. An edge with more beyond it now casts a shadow (app.css `.table-wrap.wide`).
test('a table cut at a phone’s edge shows a shadow there', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, 'owner@hel.example');
	await page.setViewportSize({ width: 375, height: 800 });
	await page.goto(`/manage/challenges/${AI_GOES_TO_WORK}/team`);
	const region = page.getByRole('region', { name: 'Challenge team' });
	await expect(region).toHaveClass(/\bwide\b/);
	const look = () =>
		region.evaluate((el) => ({
			cut: el.scrollWidth > el.clientWidth + 1,
			shadow: /gradient/.test(getComputedStyle(el).backgroundImage)
		}));
	expect(await look()).toEqual({ cut: true, shadow: true });
	await screenshot(page, 'manage-tabs-table-team');
	// Wide, the table fits: no shadow, and axe reads its colours as they are.
	await page.setViewportSize({ width: 1440, height: 900 });
	await expect(region).not.toHaveClass(/\bwide\b/);
	expect((await look()).cut).toBe(false);
	await expect(region).toHaveCSS('background-image', 'none');
});

test('a title typed without a break keeps the owner’s list on the screen at 1440 px', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, 'owner@hel.example');
	await page.setViewportSize({ width: 1440, height: 900 });
	await page.goto('/manage/challenges/new?organisation=city-of-helsinki');
	await page.getByLabel('Primary language').selectOption('en');
	const title = 'ä'.repeat(200);
	await page.getByRole('group', { name: 'Title' }).getByLabel('English').fill(title);
	await page.getByRole('button', { name: 'Create draft' }).click();
	await expect(page.getByText('The draft was created.')).toBeVisible();
	await page.goto('/manage');
	const link = page.getByRole('link', { name: title });
	const row = page.getByRole('row').filter({ has: link });
	const table = page.getByRole('table').filter({ has: link });
	// The title’s cell is at most 25em (400 px) wide, the word broken inside it, so the
	// table stays about as wide as its box (before: about 3,000 px, its other columns out
	// of view); whatever still does not fit scrolls with a shadow at the cut edge.
	const cell = await row.getByRole('cell').first().boundingBox();
	expect(cell!.width).toBeLessThanOrEqual(401);
	const whole = await table.boundingBox();
	expect(whole!.x + whole!.width).toBeLessThanOrEqual(1440);
	await screenshot(page, 'manage-long-title');
});
