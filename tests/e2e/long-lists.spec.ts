import {
	expect,
	expectAccessible,
	hydrated,
	screenshot,
	scheduleWorkshop,
	signIn,
	test
} from './helpers';

/**
 * The long lists beyond /manage (issue 16): /organisations paged by the database and
 * narrowed by a name, an organisation opened from page 2 of the narrowed list, a form
 * posted there, and the link back to the same narrowed page; the same of /workshops and
 * of a public challenge reached from a searched /challenges, whose follow and unfollow
 * posts keep the list it came from; and the admin's two lists side by side.
 */

test.describe.configure({ timeout: 180_000 });

test('/organisations: 52 by one word, two pages; an organisation’s form keeps the list', async ({
	page
}) => {
	await signIn(page, 'admin@talkoot.example');
	const stamp = `Arkisto${Date.now().toString(36)}`;
	await page.goto('/admin');
	const created = await page.evaluate(async (stamp) => {
		let ok = 0;
		for (let i = 1; i <= 52; i++) {
			const body = new URLSearchParams({
				name_fi: `${stamp} ${String(i).padStart(2, '0')}`,
				kind: i % 2 ? 'agency' : 'company',
				slug: '',
				businessId: '',
				website: ''
			});
			const r = await fetch('/admin?/createOrganisation', { method: 'POST', body });
			if (r.ok) ok++;
		}
		return ok;
	}, stamp);
	expect(created).toBe(52);

	await page.goto(`/organisations?q=${stamp}`);
	await hydrated(page);
	await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText(
		/52 match these choices\./
	);
	const pagination = page.getByRole('navigation', { name: 'Pages' });
	await expect(pagination).toContainText('Showing 1–50 of 52');
	await expect(page.getByRole('heading', { level: 2 })).toHaveCount(50);
	await screenshot(page, 'organisations-list');
	await pagination.getByRole('link', { name: /Next/ }).click();
	await expect(page).toHaveURL(/[?&]page=2/);
	await expect(pagination).toContainText('Showing 51–52 of 52');
	// Narrowed by kind as well: the odd ones are agencies.
	await page.getByRole('radio', { name: /^Government agency \(26\)$/ }).check();
	await expect(page).toHaveURL(/[?&]state=agency/);
	await expect(page.getByRole('heading', { level: 2 })).toHaveCount(26);
	// One page: the range alone, no navigation (an empty landmark is announced).
	await expect(pagination).toHaveCount(0);
	await expect(page.getByText('Showing 1–26 of 26')).toBeVisible();
	await expectAccessible(page);
	const list = new URL(page.url());

	await page.getByRole('link', { name: `${stamp} 51` }).click();
	await expect(page).toHaveURL(/[?&]from=/);
	// A form on the organisation's page posts and comes back with the list kept.
	await page.getByLabel('Email address').fill(`kutsu-${stamp.toLowerCase()}@test.example`);
	await page.getByRole('button', { name: 'Send invitation' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'invitation was sent' })).toBeVisible();
	await expect(page).toHaveURL(/[?&]from=/);
	await page.getByRole('link', { name: /← Organisations/ }).click();
	await expect(page).toHaveURL(list.href);
	await expect(page.getByRole('heading', { level: 2 })).toHaveCount(26);
});

test('a challenge from a searched /challenges: follow and unfollow keep the way back', async ({
	page
}) => {
	await signIn(page, 'solver@team.example');
	await page.goto('/challenges?q=AI&sort=newest');
	await expect(page.getByText(/^Showing 1/)).toBeVisible();
	await screenshot(page, 'challenges-list');
	const list = new URL(page.url());
	await page.getByRole('link', { name: 'AI Goes to Work' }).click();
	await expect(page).toHaveURL(/[?&]from=q%3DAI%26sort%3Dnewest/);
	const follow = page.getByRole('button', { name: /^(Follow|Stop following)$/ });
	const label = await follow.innerText();
	await follow.click();
	await expect(page).toHaveURL(/[?&]from=q%3DAI%26sort%3Dnewest/);
	// And back as it was: the other button, which keeps it too.
	await page
		.getByRole('button', { name: label.trim() === 'Follow' ? 'Stop following' : 'Follow' })
		.click();
	await expect(page).toHaveURL(/[?&]from=q%3DAI%26sort%3Dnewest/);
	await expect(page.getByRole('button', { name: label.trim() })).toBeVisible();
	await page.getByRole('link', { name: /← / }).first().click();
	await expect(page).toHaveURL(list.href);
});

test('/workshops: narrowed by status and title; a workshop’s start keeps the list', async ({
	page
}) => {
	await signIn(page, 'facilitator@talkoot.example');
	const title = `Listatesti ${Date.now().toString(36)}`;
	await scheduleWorkshop(page, title);
	await page.goto(`/workshops?${new URLSearchParams({ state: 'scheduled', q: title })}`);
	await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText(
		/One matches these choices\./
	);
	await expect(page.getByText('Showing 1 of 1')).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'workshops-list');
	const list = new URL(page.url());
	await page.getByRole('link', { name: title }).click();
	await expect(page).toHaveURL(/[?&]from=state%3Dscheduled/);
	await hydrated(page);
	await page.getByRole('button', { name: 'Start the workshop' }).click();
	await expect(page).toHaveURL(/[?&]notice=live/);
	await expect(page).toHaveURL(/[?&]from=state%3Dscheduled/);
	await page.getByRole('link', { name: '← Workshops' }).click();
	await expect(page).toHaveURL(list.href);
	// Started, it is no longer scheduled: the narrowed list says so and links to all.
	await expect(page.getByRole('status').filter({ hasText: 'Nothing' })).toContainText(
		'Nothing matches these choices.'
	);
});

test('the admin page: two lists, each narrowed by its own fields', async ({ page }) => {
	await signIn(page, 'admin@talkoot.example');
	await page.goto('/admin?feedback-state=closed');
	await expect(page).toHaveURL(/feedback-state=closed/);
	await page.getByRole('searchbox', { name: 'Words of the name' }).fill('Talkoot');
	await page.getByRole('button', { name: 'Show' }).first().click();
	// The organisations' search keeps the feedback's choice.
	await expect(page).toHaveURL(/org-q=Talkoot/);
	await expect(page).toHaveURL(/feedback-state=closed/);
	await expectAccessible(page);
	await screenshot(page, 'admin-lists');
});

test('/workshops/new: words narrow the challenge choice, and choosing keeps them', async ({
	page
}) => {
	await signIn(page, 'facilitator@talkoot.example');
	await page.goto(`/workshops/new?${new URLSearchParams({ q: 'AI goes' })}`);
	await hydrated(page);
	const search = page.getByRole('search', {
		name: 'Find a challenge by words of its title or summary'
	});
	const words = search.getByRole('searchbox');
	const choice = page.getByLabel('Challenge', { exact: true });
	await expect(search.getByRole('status')).toHaveText(/match these choices|One matches/);
	await expect(choice.getByRole('option', { name: 'AI Goes to Work' })).toHaveCount(1);
	await words.fill('zzz no such challenge');
	await words.press('Enter');
	await expect(search.getByRole('status')).toHaveText('Nothing matches these choices.');
	await expect(choice).toHaveCount(0);
	await words.fill('AI goes');
	await search.getByRole('button', { name: 'Find' }).click();
	await choice.selectOption({ label: 'AI Goes to Work' });
	await page.getByRole('button', { name: 'Choose challenge' }).click();
	await expect(page).toHaveURL(/[?&]q=AI\+goes/);
	await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toBeVisible();
	await expect(words).toHaveValue('AI goes');
	await expectAccessible(page);
	await screenshot(page, 'workshop-new-search');
});

test('/challenges: words narrow the organisation filter, and choosing keeps them', async ({
	page
}) => {
	await page.goto(`/challenges?${new URLSearchParams({ 'org-q': 'zzz no such organisation' })}`);
	await hydrated(page);
	const search = page.getByRole('search', { name: 'Find an organisation by words of its name' });
	const words = search.getByRole('searchbox');
	const choice = page.getByLabel('Organisation', { exact: true });
	await expect(search.getByRole('status')).toHaveText('Nothing matches these choices.');
	await expect(choice.getByRole('option')).toHaveText(['Any']);
	// By keyboard: words and Enter, then the choice, which applies at once.
	await words.fill('helsingfors');
	await words.press('Enter');
	await expect(search.getByRole('status')).toHaveText('One matches these choices.');
	await expect(choice.getByRole('option')).toHaveText(['Any', 'City of Helsinki']);
	await choice.focus();
	await choice.selectOption({ label: 'City of Helsinki' });
	await expect(page).toHaveURL(/[?&]organisation=city-of-helsinki/);
	await expect(page).toHaveURL(/[?&]org-q=helsingfors/);
	await expect(choice).toHaveValue('city-of-helsinki');
	await expect(words).toHaveValue('helsingfors');
	// Other words keep the chosen organisation, and the list stays filtered by it.
	await words.fill('aalto');
	await words.press('Enter');
	await expect(page).toHaveURL(/[?&]organisation=city-of-helsinki/);
	await expect(choice.getByRole('option')).toHaveText([
		'Any',
		'City of Helsinki',
		'Aalto University'
	]);
	await expect(choice).toHaveValue('city-of-helsinki');
	await expectAccessible(page);
	await screenshot(page, 'challenges-organisation-filter');
});

test('an organisation’s members: words of a name or address narrow them, kept by the pages', async ({
	page
}) => {
	await signIn(page, 'owner@hel.example');
	await page.goto('/organisations/city-of-helsinki');
	await hydrated(page);
	const words = page.locator('#members-q');
	const status = page.locator('#members-q-status');
	const rows = page.locator('section.members tbody tr');
	await expect(rows).toHaveCount(2);
	await words.fill('member@hel');
	await words.press('Enter');
	await expect(page).toHaveURL(/[?&]members-q=member%40hel/);
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText('Minna Member');
	await expect(status).not.toBeEmpty();
	await words.fill('zzz nobody');
	await words.press('Enter');
	await expect(rows).toHaveCount(0);
	await expect(words).toBeFocused();
	await expectAccessible(page);
});

test('the question queue of a challenge: a page past the last shows the last', async ({ page }) => {
	await signIn(page, 'owner@hel.example');
	await page.goto(
		'/manage/challenges/20000000-0000-4000-8000-000000000001?questions-page=99&answered-page=99'
	);
	await hydrated(page);
	await expect(page.locator('#questions-heading')).toBeVisible();
	// The demo's one answered question, on the last (the only) page of the answered.
	await expect(page.locator('dl.answered dt')).toHaveText([
		'May a team include members from several companies?'
	]);
	await expectAccessible(page);
});
