import type { Page } from '@playwright/test';
import {
	DEMO_LONG_LIST_CHALLENGE,
	LONG_LIST_ELIGIBLE,
	LONG_LIST_INELIGIBLE,
	LONG_LIST_TOWNS,
	longListTeam,
	type LongListTown
} from '../../src/lib/server/seed-long-list-teams';
import { expect, expectAccessible, hydrated, screenshot, signIn, test } from './helpers';

/**
 * The owner's list of more than one page (src/lib/server/seed-long-list.ts: Libraries for
 * Every Municipality, 64 submitted applications, 6 found eligible, 4 not (one of them
 * corrected), 54 not yet screened): its paging, the screening-state filter, the team-name
 * search whatever the case and accents, the filter kept while paging, and the same
 * without JavaScript.
 */
const LIST = `/manage/challenges/${DEMO_LONG_LIST_CHALLENGE}/applications`;
const TOTAL = LONG_LIST_TOWNS.length;
const ELIGIBLE = LONG_LIST_ELIGIBLE.length;
const INELIGIBLE = LONG_LIST_INELIGIBLE.length;
const UNSCREENED = TOTAL - ELIGIBLE - INELIGIBLE;
const teamOf = (town: LongListTown) => longListTeam(LONG_LIST_TOWNS.indexOf(town));

// Many page loads and two accessibility passes on a busy two-core machine.
test.describe.configure({ timeout: 150_000 });

/** The team names in the list's rows, in order. */
const teams = (page: Page) =>
	page
		.getByRole('region', { name: 'Submitted applications' })
		.locator('tbody th[scope="row"]')
		.allInnerTexts()
		.then((names) => names.map((n) => n.trim()));
const decisions = (page: Page) =>
	page
		.getByRole('region', { name: 'Submitted applications' })
		.locator('tbody td .badge')
		.allInnerTexts();
const choice = (page: Page, name: string) =>
	page.getByRole('radio', { name: new RegExp(`^${name} \\(`) });

test("the owner's list of 64: two pages, narrowed by screening state and by a team's name, the filter kept while paging", async ({
	page
}) => {
	await signIn(page, 'owner@hel.example');
	await page.goto(LIST);
	await expect(
		page.getByText(`Submitted applications: ${TOTAL}, of which ${UNSCREENED} not yet screened.`)
	).toBeVisible();

	// Page 1 of 2: fifty rows; page 2 the other fourteen, none twice; each says which it shows.
	const pagination = page.getByRole('navigation', { name: 'Pages' });
	await expect(pagination).toContainText(`Showing 1–50 of ${TOTAL}`);
	const first = await teams(page);
	expect(first).toHaveLength(50);
	await pagination.getByRole('link', { name: /Next/ }).click();
	await expect(page).toHaveURL(/[?&]page=2/);
	await expect(pagination).toContainText(`Showing 51–${TOTAL} of ${TOTAL}`);
	const second = await teams(page);
	expect(second).toHaveLength(TOTAL - 50);
	expect(new Set([...first, ...second]).size).toBe(TOTAL);
	expect([...first, ...second].sort()).toEqual(
		LONG_LIST_TOWNS.map((_, i) => longListTeam(i)).sort()
	);
	// In the reader's alphabet (English: Ä with A, Ö with O): Äänekoski first, Ylöjärvi last.
	expect(first[0]).toBe(teamOf('Äänekoski'));
	expect(second.at(-1)).toBe(teamOf('Ylöjärvi'));
	await expect(pagination.getByRole('link', { name: /Previous/ })).toBeVisible();
	await expectAccessible(page);

	// A page past the last shows the last; one that is no number, the first: never an error.
	await page.goto(`${LIST}?page=99`);
	await expect(pagination).toContainText(`Showing 51–${TOTAL} of ${TOTAL}`);
	expect(await teams(page)).toEqual(second);
	await page.goto(`${LIST}?page=zwei&state=bogus`);
	await expect(pagination).toContainText(`Showing 1–50 of ${TOTAL}`);
	await expect(choice(page, 'All')).toBeChecked();

	// The states, each with its count; choosing one applies at once (JavaScript).
	await hydrated(page);
	await expect(choice(page, 'All')).toHaveAccessibleName(`All (${TOTAL})`);
	await expect(choice(page, 'Eligible')).toHaveAccessibleName(`Eligible (${ELIGIBLE})`);
	await expect(choice(page, 'Not eligible')).toHaveAccessibleName(`Not eligible (${INELIGIBLE})`);
	await expect(choice(page, 'Not screened')).toHaveAccessibleName(`Not screened (${UNSCREENED})`);
	await choice(page, 'Eligible').check();
	await expect(page).toHaveURL(/[?&]state=eligible/);
	await expect(page.getByRole('status')).toContainText(
		`${ELIGIBLE} applications match these choices.`
	);
	expect((await teams(page)).sort()).toEqual(LONG_LIST_ELIGIBLE.map(teamOf).sort());
	expect(new Set(await decisions(page))).toEqual(new Set(['✓ Eligible']));

	// Not eligible: the corrected decision counts as corrected.
	await choice(page, 'Not eligible').check();
	await expect(page).toHaveURL(/[?&]state=ineligible/);
	await expect(page.getByRole('status')).toContainText(`${INELIGIBLE} applications match`);
	expect((await teams(page)).sort()).toEqual(LONG_LIST_INELIGIBLE.map(teamOf).sort());

	// Not yet screened: more than a page; the next page keeps the filter.
	await choice(page, 'Not screened').check();
	await expect(page).toHaveURL(/[?&]state=unscreened/);
	await expect(pagination).toContainText(`Showing 1–50 of ${UNSCREENED}`);
	expect(await teams(page)).toHaveLength(50);
	await screenshot(page, 'owner-list-unscreened');
	await pagination.getByRole('link', { name: /Next/ }).click();
	await expect(page).toHaveURL(/[?&]state=unscreened/);
	await expect(page).toHaveURL(/[?&]page=2/);
	await expect(pagination).toContainText(`Showing 51–${UNSCREENED} of ${UNSCREENED}`);
	expect(await teams(page)).toHaveLength(UNSCREENED - 50);
	expect(new Set(await decisions(page))).toEqual(new Set(['Not screened']));
	await expect(choice(page, 'Not screened')).toBeChecked();

	// The search: case and accents aside, within the chosen state, counted per state.
	await choice(page, 'All').check();
	await expect(page).toHaveURL(/[?&]state=all/);
	const search = page.getByRole('searchbox', { name: 'Team name' });
	const show = async (typed: string) => {
		await search.fill(typed);
		await page.getByRole('button', { name: 'Show' }).click();
		await page.waitForURL((url) => url.searchParams.get('q') === typed);
	};
	for (const typed of ['aanekoski', 'ÄÄNEKOSKI', ' äänekoski ']) {
		await show(typed);
		await expect(page.getByRole('status')).toContainText('One application matches');
		await expect.poll(() => teams(page)).toEqual([teamOf('Äänekoski')]);
	}
	await expect(choice(page, 'Eligible')).toHaveAccessibleName('Eligible (1)');
	await expect(choice(page, 'Not screened')).toHaveAccessibleName('Not screened (0)');
	await expectAccessible(page);
	await screenshot(page, 'owner-list-search');
	await show('AHTARI');
	await expect(page.getByRole('status')).toContainText('One application matches');
	await expect.poll(() => teams(page)).toEqual([teamOf('Ähtäri')]);
	// Searched and narrowed to a state it is not in: nothing, said in words, and a way back.
	await choice(page, 'Eligible').check();
	await expect(page).toHaveURL(/[?&]q=AHTARI/);
	await expect(page.getByRole('status')).toContainText('No application matches these choices.');
	await expect(page.getByRole('region', { name: 'Submitted applications' })).toHaveCount(0);
	await page.getByRole('link', { name: 'Show all applications' }).click();
	await expect(pagination).toContainText(`Showing 1–50 of ${TOTAL}`);
	await expect(search).toHaveValue('');
	await expect(choice(page, 'All')).toBeChecked();
});

test("the owner's list narrows without JavaScript, and the address keeps it", async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	try {
		await signIn(page, 'owner@hel.example');
		await page.goto(LIST);
		await choice(page, 'Not screened').check();
		await page.getByRole('searchbox', { name: 'Team name' }).fill('KOSKI');
		await page.getByRole('button', { name: 'Show' }).click();
		await expect(page).toHaveURL(/[?&]state=unscreened/);
		await expect(page).toHaveURL(/[?&]q=KOSKI/);
		// Valkeakoski Group is not screened; Äänekoski is eligible.
		expect(await teams(page)).toEqual([teamOf('Valkeakoski')]);
		await expectAccessible(page);
		// A bookmark of the filtered list is the filtered list.
		await page.goto(new URL(page.url()).pathname + new URL(page.url()).search);
		expect(await teams(page)).toEqual([teamOf('Valkeakoski')]);
		await expect(page.getByRole('searchbox', { name: 'Team name' })).toHaveValue('KOSKI');
		// A team's page, opened from the narrowed list, links back to it.
		await page.getByRole('link', { name: teamOf('Valkeakoski') }).click();
		await page.getByRole('link', { name: '← All applications' }).click();
		await expect(page).toHaveURL(/\/applications\?state=unscreened&q=KOSKI$/);
		expect(await teams(page)).toEqual([teamOf('Valkeakoski')]);
	} finally {
		await context.close();
	}
});
