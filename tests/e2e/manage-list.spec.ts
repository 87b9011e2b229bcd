import type { Browser, Page } from '@playwright/test';
import {
	expect,
	expectAccessible,
	hydrated,
	latestMailTo,
	linkIn,
	notice,
	screenshot,
	signIn,
	signUpVerified,
	test
} from './helpers';

/**
 * Long lists a chair or owner works through (issue 16): /manage of an owner of more than a
 * page of challenges, paged by the database and narrowed by status and words of a title;
 * a challenge opened from the narrowed list links back to it; and the chair's progress
 * table of a stage, narrowed by scores and a team's name.
 */

// An organisation, an account, an invitation and 55 drafts before the list is read.
test.describe.configure({ timeout: 180_000 });

const DRAFTS = 55;
/** Every fifth draft's title says Tekoäly ("AI"); the rest are numbered challenges. */
const titleOf = (i: number) => (i % 5 === 0 ? `Tekoäly ${i}` : `Haaste ${i}`);
const PASSWORD = 'Arkisto-omistaja-2026!';

/**
 * A new organisation (by the platform admin), whose new owner (signed up, invited, accepted)
 * creates DRAFTS drafts through the new-challenge form's post: the owner's page, signed in.
 */
async function ownerOfMany(browser: Browser): Promise<Page> {
	const admin = await (await browser.newContext()).newPage();
	await signIn(admin, 'admin@talkoot.example');
	await admin.goto('/admin');
	await admin
		.getByRole('group', { name: 'Name' })
		.getByLabel('suomi')
		.fill(`Arkisto ${Date.now()}`);
	await admin.getByRole('button', { name: 'Create organisation' }).click();
	await expect(admin).toHaveURL(/\/organisations\/arkisto-\d+$/);
	const slug = new URL(admin.url()).pathname.split('/').pop()!;

	const owner = await (await browser.newContext()).newPage();
	const email = await signUpVerified(owner, 'Arkisto Owner', PASSWORD);
	await admin.getByLabel('Email address').fill(email);
	await admin.getByLabel('Role', { exact: true }).selectOption('owner');
	await admin.getByRole('button', { name: 'Send invitation' }).click();
	await expect(notice(admin)).toHaveText(`An invitation was sent to ${email}.`);
	await admin.context().close();

	await signIn(owner, email, PASSWORD);
	await owner.goto(linkIn(await latestMailTo(email, /Invitation to/)));
	await owner.getByRole('button', { name: 'Accept and join the organisation' }).click();
	await expect(notice(owner)).toHaveText('You are now a member of the organisation.');
	const created = await owner.evaluate(
		async ({ slug, titles }) => {
			let ok = 0;
			for (const title of titles) {
				const body = new URLSearchParams({
					primaryLocale: 'fi',
					procedure: 'open_challenge',
					title_fi: title
				});
				const r = await fetch(`/manage/challenges/new?organisation=${slug}`, {
					method: 'POST',
					body
				});
				if (r.ok) ok++;
			}
			return ok;
		},
		{ slug, titles: Array.from({ length: DRAFTS }, (_, i) => titleOf(i + 1)) }
	);
	expect(created).toBe(DRAFTS);
	return owner;
}

/** The challenge titles in the rows of /manage, in order. */
const titles = (page: Page) =>
	page
		.locator('tbody tr td:first-child a')
		.allInnerTexts()
		.then((names) => names.map((n) => n.trim()));
const choice = (page: Page, name: string) =>
	page.getByRole('radio', { name: new RegExp(`^${name} \\(`) });

test('/manage of 55 challenges: two pages from the database, narrowed by status and title, kept on the way back', async ({
	browser
}) => {
	const page = await ownerOfMany(browser);
	await page.goto('/manage');
	const pagination = page.getByRole('navigation', { name: 'Pages' });
	await expect(pagination).toContainText('Challenges 1–50 of 55');
	const first = await titles(page);
	expect(first).toHaveLength(50);
	// The newest draft first.
	expect(first[0]).toBe(titleOf(DRAFTS));
	await pagination.getByRole('link', { name: /Next/ }).click();
	await expect(page).toHaveURL(/[?&]page=2/);
	await expect(pagination).toContainText('Challenges 51–55 of 55');
	const second = await titles(page);
	expect(second).toHaveLength(DRAFTS - 50);
	expect(new Set([...first, ...second]).size).toBe(DRAFTS);
	await expectAccessible(page);

	// Each status counted; by keyboard: the arrow keys choose, and it applies at once.
	await page.goto('/manage');
	await hydrated(page);
	await expect(choice(page, 'All')).toHaveAccessibleName(`All (${DRAFTS})`);
	await expect(choice(page, 'Draft')).toHaveAccessibleName(`Draft (${DRAFTS})`);
	await expect(choice(page, 'Published')).toHaveAccessibleName('Published (0)');
	await choice(page, 'All').focus();
	await page.keyboard.press('ArrowRight');
	await expect(page).toHaveURL(/[?&]state=draft/);
	await expect(choice(page, 'Draft')).toBeFocused();
	await expect(page.getByRole('status')).toContainText(`${DRAFTS} challenges match these choices.`);
	await page.keyboard.press('ArrowRight');
	await expect(page).toHaveURL(/[?&]state=published/);
	await expect(page.getByRole('status')).toContainText('No challenge matches these choices.');
	await expect(pagination).toHaveCount(0);

	// Words of a title, case and accents aside, counted per status.
	await choice(page, 'All').check();
	const search = page.getByRole('searchbox', { name: 'Title or summary' });
	await search.fill('TEKOALY');
	await search.press('Enter');
	await page.waitForURL((url) => url.searchParams.get('q') === 'TEKOALY');
	const tekoaly = Array.from({ length: DRAFTS / 5 }, (_, i) => titleOf(DRAFTS - i * 5));
	await expect(page.getByRole('status')).toContainText(
		`${tekoaly.length} challenges match these choices.`
	);
	await expect.poll(() => titles(page)).toEqual(tekoaly);
	await expect(choice(page, 'Draft')).toHaveAccessibleName(`Draft (${tekoaly.length})`);
	await expectAccessible(page);
	await screenshot(page, 'manage-search');

	// A challenge opened from the narrowed list, and one of its sections, link back to it.
	await page.getByRole('link', { name: titleOf(45) }).click();
	await expect(page.getByRole('heading', { level: 1, name: titleOf(45) })).toBeVisible();
	await page
		.getByRole('navigation', { name: 'Challenge sections' })
		.getByRole('link', { name: 'Timetable' })
		.click();
	await expect(page).toHaveURL(/\/timetable\?from=/);
	await page.getByRole('link', { name: '← My challenges' }).click();
	await expect(page).toHaveURL(/\/manage\?state=all&q=TEKOALY$/);
	await expect(search).toHaveValue('TEKOALY');
	await expect.poll(() => titles(page)).toEqual(tekoaly);

	await page.getByRole('link', { name: 'Show all challenges' }).click();
	await expect(pagination).toContainText('Challenges 1–50 of 55');
	await screenshot(page, 'manage-paged');
	await page.context().close();
});

test('/manage narrows without JavaScript, and a page past the last is the last', async ({
	browser
}) => {
	const owner = await ownerOfMany(browser);
	const cookies = await owner.context().cookies();
	await owner.context().close();
	const context = await browser.newContext({ javaScriptEnabled: false });
	await context.addCookies(cookies);
	const page = await context.newPage();
	await page.goto('/manage?page=99');
	await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText(
		'Challenges 51–55 of 55'
	);
	await choice(page, 'Draft').check();
	await page.getByRole('searchbox', { name: 'Title or summary' }).fill('haaste 1');
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL(/[?&]state=draft/);
	// "haaste 1": every word a part of the title (Haaste 1, 11, 21 …), drafts newest first.
	const expected = Array.from({ length: DRAFTS }, (_, i) => titleOf(DRAFTS - i)).filter(
		(t) => t.startsWith('Haaste') && t.includes('1')
	);
	expect(await titles(page)).toEqual(expected);
	await expectAccessible(page);
	await context.close();
});

/** The worked example, whose jurors have all submitted, one with a conflict (seed-jury.ts). */
const SCORED = '20000000-0000-4000-8000-000000000007';

test("the chair's progress table narrows by scores and a team's name, by keyboard too", async ({
	page
}) => {
	await signIn(page, 'owner@hel.example');
	await page.goto(`/manage/challenges/${SCORED}/jury`);
	const stage = page.getByRole('region', { name: 'Selection for negotiations', exact: true });
	const table = stage.getByRole('region', { name: /Items and missing scores/ });
	const rows = () =>
		table
			.locator('tbody th[scope="row"]')
			.allInnerTexts()
			.then((names) => names.map((n) => n.trim()));
	const all = await rows();
	expect(all.length).toBeGreaterThan(1);
	const teamChoice = (name: string) =>
		stage.getByRole('radio', { name: new RegExp(`^${name} \\(`) });
	await expect(teamChoice('All')).toHaveAccessibleName(`All (${all.length})`);
	await expect(teamChoice('Scores missing')).toHaveAccessibleName('Scores missing (0)');
	await expect(teamChoice('All scored')).toHaveAccessibleName(`All scored (${all.length})`);
	const conflicted = teamChoice('Conflict declared');
	const label = await stage
		.locator(`label[for="${await conflicted.getAttribute('id')}"]`)
		.innerText();
	const n = Number(/\((\d+)\)/.exec(label)![1]);
	expect(n).toBeGreaterThan(0);
	expect(n).toBeLessThan(all.length);

	// By keyboard: to the choices, an arrow to the next, applied at once.
	await hydrated(page);
	await teamChoice('All scored').focus();
	await page.keyboard.press('ArrowRight');
	await expect(page).toHaveURL(/[?&]shortlisting-state=conflicted/);
	await expect(conflicted).toBeFocused();
	await expect(stage.getByRole('status').last()).toContainText(
		n === 1 ? 'One team matches these choices.' : `${n} teams match these choices.`
	);
	await expect.poll(rows).toHaveLength(n);
	// Each has a juror in its conflict column.
	for (const cell of await table.locator('tbody tr td:last-child').allInnerTexts())
		expect(cell.trim()).not.toBe('–');

	// A team's name, case and accents aside; the search keeps the chosen scores.
	await teamChoice('All').check();
	const name = all[0];
	const search = stage.getByRole('searchbox', { name: 'Team name' });
	await search.fill(name.toUpperCase());
	await search.press('Enter');
	await expect(page).toHaveURL(/[?&]shortlisting-q=/);
	await expect(stage.getByRole('status').last()).toContainText('One team matches these choices.');
	await expect.poll(rows).toEqual([name]);
	await expectAccessible(page);
	await screenshot(page, 'jury-chair-narrowed');
	await stage.getByRole('link', { name: 'Show all teams' }).click();
	await expect(page).not.toHaveURL(/shortlisting-/);
	await expect.poll(rows).toEqual(all);
});
