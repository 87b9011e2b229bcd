import { test, expect, expectAccessible, scheduleWorkshop, screenshot, signIn } from './helpers';
import type { Page } from '@playwright/test';

/** Signs in and switches the page to Swedish, as a Swedish-speaking participant reads it. */
async function signInSwedish(page: Page, email: string) {
	await signIn(page, email);
	const swedish = page.getByRole('button', { name: 'svenska' });
	if (!(await swedish.isVisible())) await page.locator('header details > summary').click();
	await swedish.click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
}

const phaseTitle = (page: Page, n: number, lang: 'fi' | 'sv' | 'en') =>
	page.locator(`#field-p${n}_title_${lang}`);

test('the agenda editor adds up the minutes as typed and reorders phases by keyboard', async ({
	page
}) => {
	await signIn(page, 'facilitator@talkoot.example');
	await page.goto('/workshops/new');
	await page.getByLabel('Challenge', { exact: true }).selectOption({ label: 'AI Goes to Work' });
	await page.getByRole('button', { name: 'Choose challenge' }).click();
	// Shown once the page runs its script: typing before that would be typed again.
	await expect(page.getByRole('button', { name: 'Add a phase' })).toBeVisible();

	// The default agenda comes in every language; the total follows the typing.
	await expect(phaseTitle(page, 0, 'en')).toHaveValue('Warm-up');
	await expect(phaseTitle(page, 0, 'fi')).toHaveValue('Lämmittely');
	await expect(phaseTitle(page, 0, 'sv')).toHaveValue('Uppvärmning');
	const total = page.locator('.agenda output');
	await expect(total).toHaveText('Planned length in total: 1 h 20 min');
	await page.locator('#field-p0_minutes').fill('25');
	await expect(total).toHaveText('Planned length in total: 1 h 35 min');

	// Phase 2 up, by keyboard: focus stays with the moved phase's buttons.
	await page.getByRole('button', { name: 'Move phase 2 up' }).focus();
	await page.keyboard.press('Enter');
	await expect(phaseTitle(page, 0, 'en')).toHaveValue('Ideate');
	await expect(phaseTitle(page, 1, 'en')).toHaveValue('Warm-up');
	await expect(page.locator('#field-p1_minutes')).toHaveValue('25');
	await expect(page.getByRole('button', { name: 'Move phase 1 down' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(phaseTitle(page, 1, 'en')).toHaveValue('Ideate');
	await expect(page.getByRole('button', { name: 'Move phase 2 down' })).toBeFocused();
	await expectAccessible(page);
	await screenshot(page, 'facilitator-agenda-editor');
});

test('without JavaScript the move buttons post the form and it comes back reordered', async ({
	browser
}) => {
	const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await signIn(page, 'facilitator@talkoot.example');
	await page.goto('/workshops/new');
	await page.getByLabel('Challenge', { exact: true }).selectOption({ label: 'AI Goes to Work' });
	await page.getByRole('button', { name: 'Choose challenge' }).click();
	await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Kept as typed');
	await expect(page.getByRole('button', { name: 'Add a phase' })).toHaveCount(0);
	await page.getByRole('button', { name: 'Move phase 3 up' }).click();
	await expect(phaseTitle(page, 1, 'en')).toHaveValue('Cluster');
	await expect(phaseTitle(page, 2, 'en')).toHaveValue('Ideate');
	await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
		'Kept as typed'
	);
	await expect(page.locator('.agenda output')).toHaveText('Planned length in total: 1 h 20 min');
	await page.context().close();
});

test('phase titles and announcements are shown in the reader’s language, others marked with lang', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const fiia = await (await browser.newContext()).newPage();
	await signIn(fiia, 'facilitator@talkoot.example');
	const url = await scheduleWorkshop(fiia, 'Languages round', {
		teams: [/Kohtaamo Collective/],
		negotiation: true,
		// The second phase is given in Finnish only.
		before: async (page) => {
			await phaseTitle(page, 1, 'sv').fill('');
			await phaseTitle(page, 1, 'en').fill('');
			await phaseTitle(page, 1, 'fi').fill('Ideoidaan yhdessä');
		}
	});

	const agenda = (page: Page) => page.locator('section.agenda .title');
	await expect(agenda(fiia).filter({ hasText: 'Warm-up' })).toBeVisible();
	await expect(agenda(fiia).filter({ hasText: 'Ideoidaan yhdessä' })).toHaveAttribute('lang', 'fi');

	// The facilitator's overview of the team boards: notes and the latest change, each a link.
	const overview = fiia.getByRole('navigation', { name: 'Show board' });
	await expect(overview.getByRole('heading', { name: 'All team boards' })).toBeVisible();
	await expect(overview.getByRole('link', { name: /Kohtaamo Collective/ })).toContainText(
		'0 notes · no activity yet'
	);

	const sanna = await (await browser.newContext()).newPage();
	await signInSwedish(sanna, 'solver@team.example');
	await sanna.goto(url);
	await expect(agenda(sanna).filter({ hasText: 'Uppvärmning' })).toBeVisible();
	await expect(agenda(sanna).filter({ hasText: 'Uppvärmning' })).not.toHaveAttribute('lang', /./);
	await expect(agenda(sanna).filter({ hasText: 'Ideoidaan yhdessä' })).toHaveAttribute(
		'lang',
		'fi'
	);
	// The timer's phase line too.
	await expect(sanna.locator('.timer .phase, p.phase').first()).toHaveText('Uppvärmning');

	// The facilitator writes in English; the Swedish page marks it and names the sender.
	await expect(fiia.getByText('Present now (2)')).toBeVisible();
	await fiia.getByLabel('Announcement to all teams').fill('Coffee in ten minutes.');
	await fiia.getByRole('button', { name: 'Send to all teams' }).click();
	const said = sanna.locator('.announcements li').first();
	await expect(said.getByText('Coffee in ten minutes.')).toHaveAttribute('lang', 'en');
	await expect(said.getByText(/^från /)).toBeVisible();
	await expect(
		fiia.locator('.announcements li').first().getByText('Coffee in ten minutes.')
	).not.toHaveAttribute('lang', /./);
	// After a reload, from the record: still marked, still named.
	await sanna.reload();
	await expect(
		sanna.locator('.announcements li').first().getByText('Coffee in ten minutes.')
	).toHaveAttribute('lang', 'en');
	await expect(
		sanna
			.locator('.announcements li')
			.first()
			.getByText(/^från /)
	).toBeVisible();
	// The list scrolls when long: it is named and a keyboard can reach it to scroll it.
	const list = fiia.getByRole('list', { name: 'Announcements' });
	await expect(list).toHaveAttribute('tabindex', '0');
	await expectAccessible(sanna);
	await screenshot(sanna, 'facilitator-board-sv');
	await screenshot(fiia, 'facilitator-board-facilitator');
	await sanna.context().close();
	await fiia.context().close();
});

test('the overview of all team boards says who is on each and follows their changes live', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const fiia = await (await browser.newContext()).newPage();
	await signIn(fiia, 'facilitator@talkoot.example');
	const url = await scheduleWorkshop(fiia, 'Overview round', {
		teams: [/Kohtaamo Collective/, /Osaamissilta/],
		negotiation: true
	});
	const overview = fiia.getByRole('navigation', { name: 'Show board' });
	const theirs = overview.getByRole('link', { name: /Osaamissilta/ });
	await expect(theirs).toContainText('0 notes · no activity yet');
	await expect(theirs).toContainText('nobody on the board');

	// Oona opens her team's board: the facilitator, on another board, sees her there.
	const oona = await (await browser.newContext()).newPage();
	await signIn(oona, 'lead@osaamissilta.example');
	await oona.goto(url);
	await expect(oona.getByRole('heading', { name: 'Board: Osaamissilta' })).toBeVisible();
	await expect(theirs).toContainText(/present: .+/, { timeout: 15_000 });
	await expect(overview.getByRole('link', { name: /Kohtaamo Collective/ })).toContainText(
		/present: .+/
	);

	// She writes: the count and the latest change follow without reloading.
	await oona.getByLabel('Note text').fill('Pay by results');
	await oona.getByRole('button', { name: 'Add note' }).click();
	await expect(theirs).toContainText(/1 note · last activity/, { timeout: 15_000 });

	// She leaves: nobody is there any more.
	await oona.context().close();
	await expect(theirs).toContainText('nobody on the board', { timeout: 15_000 });
	await expectAccessible(fiia);
	await screenshot(fiia, 'facilitator-overview');
	await fiia.context().close();
});
