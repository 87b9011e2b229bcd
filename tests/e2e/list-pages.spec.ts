import type { Page } from '@playwright/test';
import { expect, expectAccessible, hydrated, screenshot, signIn, tabTo, test } from './helpers';
import { LONG_LIST_ANSWERED, LONG_LIST_TOWNS } from '../../src/lib/server/seed-long-list-teams';

/**
 * Lists in pages and narrowed choices outside the long lists' own spec: the public
 * answers of Libraries for Every Municipality (src/lib/server/seed-long-list.ts), more than
 * a page of them, paged by keyboard; a list of one page says its range with no empty
 * navigation; and the search of board notes on a concept (Youth Guidance Online,
 * src/lib/server/seed-concepts.ts).
 */

/** The answered questions' section of a public challenge page. */
const questions = (page: Page) => page.locator('#questions');

test('the public answers come in pages: page 2 by keyboard, the rest counted', async ({ page }) => {
	await page.goto('/challenges/libraries-for-every-municipality');
	await hydrated(page);
	const pages = questions(page).getByRole('navigation', { name: 'Pages' });
	await expect(pages).toContainText(`1–20 of ${LONG_LIST_ANSWERED}`);
	await expect(questions(page).locator('dl.qa > dt')).toHaveCount(20);
	// The newest answer first.
	await expect(questions(page).locator('dl.qa > dt').first()).toHaveText(
		`May the pilot be in the library of ${LONG_LIST_TOWNS[0]}?`
	);
	await expect(pages.getByRole('link', { name: /Previous/ })).toHaveCount(0);
	await screenshot(page, 'answers-page-1');

	await tabTo(page, '#questions nav a[rel="next"]');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/[?&]questions-page=2/);
	await expect(pages).toContainText(`21–${LONG_LIST_ANSWERED} of ${LONG_LIST_ANSWERED}`);
	const second = questions(page).locator('dl.qa > dt');
	await expect(second).toHaveCount(LONG_LIST_ANSWERED - 20);
	await expect(second.first()).toHaveText(
		`May the pilot be in the library of ${LONG_LIST_TOWNS[20]}?`
	);
	await expect(pages.getByRole('link', { name: /Next/ })).toHaveCount(0);
	await expect(pages.getByRole('link', { name: /Previous/ })).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'answers-page-2');
});

test('answers of one page: the range alone, no empty navigation', async ({ page }) => {
	await page.goto('/challenges/ai-goes-to-work');
	await expect(questions(page).locator('dl.qa > dt')).not.toHaveCount(0);
	await expect(questions(page).getByText(/^Showing 1/)).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Pages' })).toHaveCount(0);
	await expectAccessible(page);
});

test('a concept: words find a board note to link', async ({ page }) => {
	test.setTimeout(180_000);
	await signIn(page, 'solver@team.example');
	await page.goto('/workshops');
	await page.getByRole('link', { name: 'Ohjauksen yhteiskehittämispäivä' }).first().click();
	await page
		.locator('.board-notes article')
		.getByRole('link', { name: 'Same-day guidance chat' })
		.first()
		.click();
	await expect(
		page.getByRole('heading', { name: 'Same-day guidance chat', level: 1 })
	).toBeVisible();
	const concept = new URL(page.url());

	// Words in the address narrow the choice of notes, and the search says how many it found.
	await page.goto(`${concept.pathname}?${new URLSearchParams({ 'sources-q': 'kielen' })}`);
	await hydrated(page);
	const search = page.getByRole('search', { name: 'Find a board note or cluster by its words' });
	const choice = page.getByLabel('Workshop note or cluster');
	await expect(search.getByRole('status')).toHaveText(/match these choices|One matches/);
	const options = choice.getByRole('option');
	await expect(options.first()).toContainText(/kielen/i);
	for (const text of await options.allTextContents()) expect(text).toMatch(/kielen/i);
	await expectAccessible(page);
	await screenshot(page, 'concept-board-search');

	// Words that match nothing say so, by keyboard.
	await search.getByRole('searchbox').fill('zzz no such note');
	await search.getByRole('searchbox').press('Enter');
	await expect(page).toHaveURL(/[?&]sources-q=zzz/);
	await expect(search.getByRole('status')).toHaveText('Nothing matches these choices.');
});
