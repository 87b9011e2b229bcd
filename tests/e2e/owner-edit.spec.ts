import type { Page } from '@playwright/test';
import {
	expect,
	expectAccessible,
	finnishTimeFromNow,
	localizedText,
	screenshot,
	signIn,
	test
} from './helpers';

// Issue 12, Owner and Accessibility: the challenge editing and publishing pages.

const AI_GOES_TO_WORK = '20000000-0000-4000-8000-000000000001';

/** A new draft of the owner's, with a timetable of applications and shortlisting. */
async function newDraft(owner: Page, title: string) {
	await owner.goto('/manage/challenges/new?organisation=city-of-helsinki');
	await owner.getByLabel('Primary language').selectOption('en');
	await owner.getByRole('group', { name: 'Title' }).getByLabel('English').fill(title);
	await owner
		.getByRole('group', { name: 'One-line summary' })
		.getByLabel('English')
		.fill('A better way to clear snow.');
	await (await localizedText(owner, 'Description', 'English')).fill('## Aim\nLess **emissions**.');
	await owner.getByLabel('Contact email').fill('owner@hel.example');
	await owner.getByRole('button', { name: 'Create draft' }).click();
	await expect(owner.getByText('The draft was created.')).toBeVisible();
	const stage = (name: string) => owner.getByRole('group', { name });
	await stage('Applications (required)').getByLabel('Starts').fill(finnishTimeFromNow(3, 9));
	await stage('Applications (required)').getByLabel('Ends').fill(finnishTimeFromNow(40, 16));
	await stage('Shortlisting').getByLabel('Starts').fill(finnishTimeFromNow(45, 9));
	await stage('Shortlisting').getByLabel('Ends').fill(finnishTimeFromNow(50, 16));
	await owner.getByRole('button', { name: 'Save' }).click();
	await expect(owner.getByRole('status')).toHaveText('Saved.');
	return new URL(owner.url()).pathname.replace(/\/timetable$/, '');
}

test('without JavaScript: requirements start empty, rows are edited, publishing previews and asks', async ({
	browser
}) => {
	test.setTimeout(400_000);
	const owner = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await signIn(owner, 'owner@hel.example');
	const title = `Snow trial ${Date.now().toString(36)}`;
	const base = await newDraft(owner, title);

	// Requirement defaults: nothing checked for a new challenge.
	await owner.goto(`${base}/requirements`);
	const areas = owner
		.getByRole('group', { name: 'Competence areas the team must cover' })
		.getByRole('checkbox');
	expect(await areas.count()).toBeGreaterThan(3);
	for (const box of await areas.all()) await expect(box).not.toBeChecked();
	await expect(owner.getByLabel('Proof of common work history is required')).not.toBeChecked();
	// An impossible combination is saved, and warned about at publishing.
	await owner.getByLabel('Minimum team size').fill('1');
	await owner.getByLabel('Proof of common work history is required').check();
	await owner.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(owner.getByRole('status')).toHaveText('Saved.');

	// Criteria: one blank row; add, fill, move and remove rows without JavaScript.
	await owner.goto(`${base}/criteria`);
	await expect(owner.getByRole('group', { name: /^Criterion \d+$/ })).toHaveCount(1);
	await owner.getByRole('button', { name: 'Add a criterion' }).click();
	await expect(owner.getByRole('group', { name: /^Criterion \d+$/ })).toHaveCount(2);
	const row = (n: number) => owner.getByRole('group', { name: `Criterion ${n}`, exact: true });
	await row(1).getByRole('group', { name: 'Name' }).getByLabel('English').fill('Quality');
	await row(1).getByLabel('Points').fill('20');
	await row(2).getByRole('group', { name: 'Name' }).getByLabel('English').fill('Team');
	await row(2).getByLabel('Points').fill('10');
	await owner.getByRole('button', { name: 'Move criterion 2 up' }).click();
	await expect(owner.getByText('The rows are changed but not saved yet')).toBeVisible();
	await expect(row(1).getByRole('group', { name: 'Name' }).getByLabel('English')).toHaveValue(
		'Team'
	);
	await owner.getByRole('button', { name: 'Remove criterion 1' }).click();
	await expect(owner.getByRole('group', { name: /^Criterion \d+$/ })).toHaveCount(1);
	await expect(row(1).getByRole('group', { name: 'Name' }).getByLabel('English')).toHaveValue(
		'Quality'
	);
	// A stage without criteria does not refuse the save (shortlisting has none).
	await owner.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(owner.getByRole('status')).toHaveText('Saved.');
	await expect(owner.getByText('20 points')).toBeVisible();

	// A call is not published with its deadline days away: teams get the notice a shortened
	// deadline gives them (7 days), and the owner is told so before they press anything.
	const applications = owner.getByRole('group', { name: 'Applications (required)' });
	await owner.goto(`${base}/timetable`);
	await applications.getByLabel('Ends').fill(finnishTimeFromNow(5, 16));
	await owner.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(owner.getByRole('status')).toHaveText('Saved.');
	await owner.goto(`${base}/publish`);
	await expect(owner.getByRole('alert')).toContainText(
		'an applications deadline at least 7 days after publishing'
	);
	await expect(owner.getByRole('button', { name: 'Publish the challenge now' })).toHaveCount(0);
	await owner.goto(`${base}/timetable`);
	await applications.getByLabel('Ends').fill(finnishTimeFromNow(40, 16));
	await owner.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(owner.getByRole('status')).toHaveText('Saved.');

	// Publishing is no longer one click: the overview links to a preview.
	await owner.goto(base);
	await expect(owner.getByRole('button', { name: /Publish/ })).toHaveCount(0);
	await owner.getByRole('link', { name: 'Preview and publish…' }).click();
	await expect(owner).toHaveTitle(`Preview and publish – ${title} – Talkoot`);
	const preview = owner.getByRole('region', { name: 'What the public will read' });
	await expect(preview.getByRole('heading', { name: title })).toBeVisible();
	await expect(preview.locator('.prose strong')).toHaveText('emissions');
	const warnings = owner.getByRole('group', { name: 'Check these before publishing' });
	await expect(warnings).toContainText('a stage that no criteria score: Shortlisting');
	await expect(warnings).toContainText('a team may have only one member');
	await expectAccessible(owner);
	await screenshot(owner, 'owner-publish-preview');
	await owner.getByRole('button', { name: 'Publish the challenge now' }).click();
	await expect(owner.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(owner).toHaveURL(/\/challenges\//);
});

test('with JavaScript: totals update as you type, rows move in place, errors lead to their field', async ({
	page
}) => {
	test.setTimeout(240_000);
	await signIn(page, 'owner@hel.example');
	const base = await newDraft(page, `Totals ${Date.now().toString(36)}`);
	await page.goto(`${base}/criteria`);
	await expect(page).toHaveTitle(/^Criteria – Totals .* – Talkoot$/);
	const row = (n: number) => page.getByRole('group', { name: `Criterion ${n}`, exact: true });
	await row(1).getByRole('group', { name: 'Name' }).getByLabel('English').fill('Quality');
	await row(1).getByLabel('Points').fill('20');
	await expect(page.locator('.totals')).toContainText('20 points');
	await page.getByRole('button', { name: 'Add a criterion' }).click();
	await expect(row(2).getByLabel('Stage')).toBeFocused();
	await row(2).getByLabel('Stage').selectOption('shortlisting');
	await row(2).getByRole('group', { name: 'Name' }).getByLabel('English').fill('Price');
	await row(2).getByLabel('Points').fill('7');
	await expect(page.locator('.totals')).toContainText('7 points');
	await page.getByRole('button', { name: 'Move criterion 2 up' }).click();
	await expect(row(1).getByLabel('Points')).toHaveValue('7');
	await expect(row(2).getByLabel('Points')).toHaveValue('20');
	await expect(page.getByRole('button', { name: 'Move criterion 1 down' })).toBeFocused();

	// An error: the summary takes focus and links to the field, marked invalid.
	await row(1).getByLabel('Points').fill('0');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toBeFocused();
	const link = summary.getByRole('link', { name: /Points: Points must be a whole number/ });
	await link.click();
	const points = row(1).getByLabel('Points');
	await expect(points).toBeFocused();
	await expect(points).toHaveAttribute('aria-invalid', 'true');
	const described = await points.getAttribute('aria-describedby');
	expect(described).toBeTruthy();
	await expect(page.locator(`[id="${described}"]`)).toHaveText(
		'Points must be a whole number from 1 to 1000.'
	);
	await expectAccessible(page);
	await screenshot(page, 'owner-criteria-error');
});

for (const width of [375, 1440]) {
	// A phone: one row that scrolls (issue 12: four rows at 375 px). Wide: a row per group
	// (the challenge, its stages), every tab whole (tests/e2e/manage-tabs.spec.ts).
	const rows = width < 768 ? 1 : 2;
	test(`the section tabs take ${rows} row(s) at ${width} px and every manage page names the challenge`, async ({
		page
	}) => {
		test.setTimeout(180_000);
		await page.setViewportSize({ width, height: 900 });
		await signIn(page, 'owner@hel.example');
		for (const [path, section] of [
			['', 'Overview'],
			['/basics', 'Description'],
			['/timetable', 'Timetable'],
			['/criteria', 'Criteria'],
			['/requirements', 'Requirements']
		]) {
			await page.goto(`/manage/challenges/${AI_GOES_TO_WORK}${path}`);
			await expect(page).toHaveTitle(`${section} – AI Goes to Work – Talkoot`);
		}
		const tabs = page.getByRole('navigation', { name: 'Challenge sections' }).getByRole('link');
		const tops = await tabs.evaluateAll((links) =>
			links.map((a) => Math.round(a.getBoundingClientRect().top))
		);
		expect(new Set(tops).size).toBe(rows);
		// The page itself does not scroll sideways; the tab bar does, when it must.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			width
		);
		await expect(tabs.filter({ hasText: 'Requirements' })).toBeInViewport();
		await expectAccessible(page);
		await screenshot(page, `owner-tabs-${width}`);
	});
}

test('the basics page of a published challenge has unique ids, and each reason its name', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, 'owner@hel.example');
	await page.goto(`/manage/challenges/${AI_GOES_TO_WORK}/basics`);
	const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
	expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
	const reasons = page.getByRole('textbox', { name: 'Reason for the change' });
	await expect(reasons).toHaveCount(2);
	await expectAccessible(page);
});

test('the timetable form fits at 320 px: no input is clipped', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, 'owner@hel.example');
	await page.setViewportSize({ width: 320, height: 640 });
	await page.goto(`/manage/challenges/${AI_GOES_TO_WORK}/timetable`);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
	const overflowing = await page
		.locator('form input:not([type=hidden])')
		.evaluateAll((inputs) =>
			inputs
				.filter((i) => i.getBoundingClientRect().right > window.innerWidth)
				.map((i) => i.getAttribute('name'))
		);
	expect(overflowing).toEqual([]);
	await page.screenshot({
		path: 'test-results/screenshots/owner-timetable-320.png',
		fullPage: true
	});
});
