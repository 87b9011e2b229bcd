import { writeFileSync } from 'node:fs';
import { XSS_PAYLOADS } from '../../src/lib/server/markdown.xss-corpus';
import {
	expect,
	expectAccessible,
	hydrated,
	latestMailTo,
	localizedText,
	screenshot,
	signIn,
	test,
	fieldError,
	finnishDayFromNow,
	finnishTimeFromNow
} from './helpers';

const HELSINKI_CRITERIA: [string, number][] = [
	['Compliance of the solution with the objectives and innovativeness', 30],
	['Integrability of the solution', 10],
	['Professional expertise of team members', 10],
	['Project management in a multi-producer environment', 10],
	['Product development expertise and social responsibility', 10]
];

test('an owner publishes a challenge; a solver finds, follows and asks; the answer is public and anonymous', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const unique = Date.now().toString(36);
	const title = `Lumenkäsittelyn kokeilu ${unique}`;
	const owner = await (await browser.newContext()).newPage();
	owner.on('dialog', () => {
		throw new Error('a dialog opened: script ran');
	});
	await signIn(owner, 'owner@hel.example');

	// A draft, with bad input refused along the way.
	await owner.goto('/manage');
	await expectAccessible(owner);
	await owner.getByRole('link', { name: 'New challenge for City of Helsinki' }).click();
	await owner.getByLabel('Primary language').selectOption('fi');
	await owner.getByRole('group', { name: 'Title' }).getByLabel('English').fill('Only in English');
	await owner.getByRole('button', { name: 'Create draft' }).click();
	await expect(fieldError(owner, 'Give the title in the primary language.')).toBeVisible();
	await owner.getByRole('group', { name: 'Title' }).getByLabel('English').fill('');
	await owner.getByRole('group', { name: 'Title' }).getByLabel('suomi').fill(title);
	await owner
		.getByRole('group', { name: 'One-line summary' })
		.getByLabel('suomi')
		.fill('Etsimme älykkäämpää tapaa käsitellä lunta.');
	await (
		await localizedText(owner, 'Description', 'suomi')
	).fill(
		'## Tavoite\nVähemmän **päästöjä**.\n\n<script>alert(1)</script><img src=x onerror=alert(1)>\n[klikkaa](javascript:alert(1))'
	);
	await owner.getByLabel('Contact email').fill('owner@hel.example');
	await expectAccessible(owner);
	await screenshot(owner, 'challenge-new');
	await owner.getByRole('button', { name: 'Create draft' }).click();
	await expect(owner.getByText('The draft was created.')).toBeVisible();

	// Timetable: an end before its start is refused, then fixed.
	const stage = (name: string) => owner.getByRole('group', { name });
	await stage('Market dialogue').getByLabel('Starts').fill(finnishTimeFromNow(-1, 9));
	await stage('Market dialogue').getByLabel('Ends').fill(finnishTimeFromNow(10, 16));
	await stage('Applications (required)').getByLabel('Starts').fill(finnishTimeFromNow(30, 9));
	await stage('Applications (required)').getByLabel('Ends').fill(finnishTimeFromNow(2, 16));
	await stage('Selection').getByLabel('Starts').fill(finnishTimeFromNow(60, 9));
	await stage('Selection').getByLabel('Ends').fill(finnishTimeFromNow(70, 16));
	await stage('Selection').getByLabel('Decision date').fill(finnishDayFromNow(72));
	await owner.getByRole('button', { name: 'Save' }).click();
	await expect(fieldError(owner, 'The end must be after the start.')).toBeVisible();
	await expect(fieldError(owner, 'Give both the decision date and who signs it.')).toBeVisible();
	await expect(stage('Market dialogue').getByLabel('Ends')).toHaveValue(finnishTimeFromNow(10, 16));
	await expectAccessible(owner);
	await stage('Applications (required)').getByLabel('Ends').fill(finnishTimeFromNow(40, 16));
	await stage('Selection').getByLabel('Signed by').fill('Deputy Mayor');
	await owner.getByRole('button', { name: 'Save' }).click();
	await expect(owner.getByRole('status')).toHaveText('Saved.');
	await screenshot(owner, 'challenge-timetable');

	// Criteria: the five Helsinki criteria, 70 points; zero points are refused first.
	await owner.getByRole('link', { name: 'Criteria' }).click();
	await owner
		.getByRole('group', { name: 'Criterion 1' })
		.getByRole('group', { name: 'Name' })
		.getByLabel('English')
		.fill('Nothing');
	await owner.getByRole('group', { name: 'Criterion 1' }).getByLabel('Points').fill('0');
	await owner.getByRole('button', { name: 'Save' }).click();
	await expect(fieldError(owner, 'Points must be a whole number from 1 to 1000.')).toBeVisible();
	// One blank row; "Add a criterion" adds the next, and one save keeps all five (issue 12).
	for (let i = 0; i < HELSINKI_CRITERIA.length; i++) {
		if (i > 0) await owner.getByRole('button', { name: 'Add a criterion' }).click();
		const row = owner.getByRole('group', { name: `Criterion ${i + 1}` });
		await row.getByLabel('Stage').selectOption('selection');
		await row
			.getByRole('group', { name: 'Name' })
			.getByLabel('English')
			.fill(HELSINKI_CRITERIA[i][0]);
		await row.getByLabel('Points').fill(String(HELSINKI_CRITERIA[i][1]));
	}
	await owner.getByLabel('Price share in selection (%)').fill('30');
	await owner.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(owner.getByRole('status')).toHaveText('Saved.');
	await expect(owner.getByText('70 points')).toBeVisible();
	await expectAccessible(owner);
	await screenshot(owner, 'challenge-criteria');

	// Publish from the overview.
	await owner.getByRole('link', { name: 'Overview' }).click();
	await expect(owner.getByText('Everything needed is in place.')).toBeVisible();
	await expectAccessible(owner);
	// Publishing shows what the public will read first, then asks (issue 12).
	await owner.getByRole('link', { name: 'Preview and publish…' }).click();
	await expect(owner.getByRole('heading', { name: 'What the public will read' })).toBeVisible();
	await owner.getByRole('button', { name: 'Publish the challenge now' }).click();
	await expect(owner.getByRole('heading', { level: 1 })).toHaveText(title);
	const challengeUrl = owner.url();
	const table = owner.getByRole('table', { name: 'Selection' });
	await expect(table.getByRole('row', { name: /Total/ })).toContainText('70');
	await expect(owner.getByText('Price counts for 30 % and quality for 70 %')).toBeVisible();
	// The description is rendered, its script is not.
	await expect(owner.locator('.prose strong')).toHaveText('päästöjä');
	await expect(
		owner.locator('.prose script, .prose img, .prose a[href^="javascript"]')
	).toHaveCount(0);
	await expectAccessible(owner);
	await screenshot(owner, 'challenge-published');

	// An edit after publishing needs a reason and shows as an amendment.
	await owner.getByRole('link', { name: 'Manage' }).click();
	await owner.getByRole('link', { name: 'Description' }).click();
	await owner
		.getByRole('group', { name: 'One-line summary' })
		.getByLabel('suomi')
		.fill('Etsimme älykkäämpää ja turvallisempaa tapaa käsitellä lunta.');
	await owner.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(
		fieldError(owner, 'The challenge is published: give the reason for this change.')
	).toBeVisible();
	await owner
		.getByLabel('Reason for the change')
		.first()
		.fill('Safety added to the goal after market dialogue.');
	await owner.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(owner.getByRole('status')).toContainText('recorded as a public amendment');

	// A cover image that is really a script is refused.
	const fake = 'test-results/fake-cover.png';
	writeFileSync(fake, `#!/bin/sh\necho pwned\n${'x'.repeat(5 * 1024 * 1024 - 30)}`);
	await owner.getByLabel('Image file').setInputFiles(fake);
	await owner.getByRole('button', { name: 'Save cover image' }).click();
	await expect(fieldError(owner, /too large|not a PNG/)).toBeVisible();

	// A solver finds it by a Finnish word, follows it and asks.
	const solver = await (await browser.newContext()).newPage();
	await signIn(solver, 'solver@team.example');
	await solver.goto('/challenges');
	await solver
		.getByRole('searchbox', { name: 'Search challenges' })
		.fill(`lumenkäsittely ${unique}`);
	await solver.getByRole('button', { name: 'Search' }).click();
	await expect(solver.getByText('Challenges found: 1')).toBeVisible();
	await expectAccessible(solver);
	await solver.getByRole('link', { name: title }).click();
	await expect(solver.getByText('Safety added to the goal after market dialogue.')).toBeVisible();
	// The change itself, as a word diff worded by the server (issue 16: no diff code in the page).
	await expect(solver.locator('ins', { hasText: 'ja turvallisempaa' })).toBeVisible();
	await solver.getByRole('button', { name: 'Follow' }).click();
	await expect(solver.getByRole('status')).toContainText('You follow this challenge');
	// Followed challenges come to the solver's personal calendar feed.
	await solver.goto('/account');
	await solver.getByRole('button', { name: 'Create a feed address' }).click();
	const feedUrl = await solver.getByLabel('Your feed address').inputValue();
	const feed = await (await solver.request.get(feedUrl)).text();
	expect(feed).toContain(`SUMMARY:${title}: Market dialogue`);
	await solver.goBack();
	await solver.goBack();
	await solver.getByRole('button', { name: 'Send question' }).click();
	await expect(fieldError(solver, 'This field is required.')).toBeVisible();
	await solver.getByLabel('Your question').fill('Can the pilot run on city streets in winter?');
	await solver.getByRole('button', { name: 'Send question' }).click();
	await expect(solver.getByRole('status')).toContainText('Your question was sent');
	await expect(solver.getByText('Waiting for an answer')).toBeVisible();

	// An anonymous visitor's view is kept in the page cache, but never shown to the
	// signed-in solver, and the answer below empties it.
	const visitor = await (await browser.newContext()).newPage();
	await visitor.goto(challengeUrl);
	await visitor.reload();
	await expect(visitor.getByText('No questions have been answered yet.')).toBeVisible();
	await solver.reload();
	await expect(solver.getByText('Waiting for an answer')).toBeVisible();

	// The owner answers; followers are mailed; an anonymous visitor sees it without the asker.
	await owner.goto(challengeUrl.replace(/\/challenges\/.*/, '/manage'));
	await expect(owner.getByRole('row', { name: new RegExp(title) })).toContainText('1');
	await owner.getByRole('link', { name: title }).click();
	await owner
		.getByRole('textbox', { name: 'Answer', exact: true })
		.fill('Yes: Stara will provide two streets in Kalasatama.');
	await owner.getByRole('button', { name: 'Publish answer' }).click();
	await expect(owner.getByRole('status')).toHaveText('The answer was published.');
	const mail = await latestMailTo('solver@team.example', /New answer/);
	expect(mail.text).toContain('Stara will provide two streets');

	await visitor.goto(challengeUrl);
	const qa = visitor.locator('#questions');
	await expect(qa.getByText('Can the pilot run on city streets in winter?')).toBeVisible();
	await expect(qa.getByText('Yes: Stara will provide two streets in Kalasatama.')).toBeVisible();
	await expect(qa).not.toContainText('Sanna');
	await expect(qa).not.toContainText('solver@team.example');

	// The calendar feed parses and has the stages: three all-day spans, the decision day and
	// the two deadlines (questions, applications) with a reminder a day and an hour before.
	const ics = await (await visitor.request.get(`${challengeUrl}/calendar.ics`)).text();
	expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
	expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(6);
	expect(ics.match(/END:VEVENT/g)).toHaveLength(6);
	expect(ics.match(/BEGIN:VALARM/g)).toHaveLength(4);
	expect(ics).toContain('Market dialogue');
	expect(ics).toContain('Selection');
	expect(ics).toContain('Signed by Deputy Mayor');
});

test('a question after the deadline is refused with a clear message, and nothing is stored', async ({
	page
}) => {
	await signIn(page, 'solver@team.example');
	// Address fix up's market dialogue and applications are over.
	await page.goto('/challenges/address-fix-up');
	await expect(page.getByText('The question period has ended.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Send question' })).toHaveCount(0);
	// Even a hand-made post is refused by the database's own clock.
	const response = await page.request.post('/challenges/address-fix-up?/ask', {
		form: { question: 'Is it too late to ask?' },
		headers: { origin: new URL(page.url()).origin, accept: 'application/json' }
	});
	// An action posted as fetch answers 200 with the failure inside, as SvelteKit's forms expect.
	const result = await response.json();
	expect(result).toMatchObject({ type: 'failure', status: 409 });
	expect(result.data).toContain('The question period has ended; the question was not sent.');
	await page.reload();
	await expect(page.getByText('Is it too late to ask?')).toHaveCount(0);
});

test('the XSS corpus in a challenge description renders in Chromium without running anything', async ({
	page
}) => {
	const dialogs: string[] = [];
	page.on('dialog', async (d) => {
		dialogs.push(d.message());
		await d.dismiss();
	});
	await signIn(page, 'owner@hel.example');
	await page.goto('/manage/challenges/new?organisation=city-of-helsinki');
	await page.getByRole('group', { name: 'Title' }).getByLabel('English').fill('XSS corpus');
	await page.getByLabel('Primary language').selectOption('en');
	await (
		await localizedText(page, 'Description', 'English')
	).fill(XSS_PAYLOADS.join('\n\n').slice(0, 20_000));
	await page.getByRole('button', { name: 'Create draft' }).click();
	await expect(page.getByText('The draft was created.')).toBeVisible();
	// A draft is seen through its preview (its slug is not unique until published).
	await page.getByRole('link', { name: 'Preview and publish', exact: true }).click();
	await expect(page.getByRole('heading', { level: 3, name: 'XSS corpus' })).toBeVisible();
	await page.waitForTimeout(500);
	expect(dialogs).toEqual([]);
	const prose = page.locator('.prose');
	await expect(
		prose.locator('script, iframe, object, embed, svg, img, style, form, base, meta')
	).toHaveCount(0);
	const attributes = await prose.evaluate((el) =>
		[...el.querySelectorAll('*')].flatMap((n) =>
			[...n.attributes].map((a) => `${a.name}=${a.value}`)
		)
	);
	expect(attributes.filter((a) => /^on|javascript:|vbscript:|data:/i.test(a))).toEqual([]);
});

/**
 * An outside tester's report: after a search, the link to all challenges showed the whole
 * list under the words searched last. The box shows the address's search. (The filter
 * form replaces its history entry, so back leaves the list.)
 */
test('the search box shows the search of the list below it', async ({ page }) => {
	await page.goto('/challenges');
	await hydrated(page);
	const box = page.getByRole('searchbox', { name: 'Search challenges' });
	await box.fill('no challenge is called this');
	await box.press('Enter');
	await expect(page).toHaveURL(/[?&]q=no\+challenge/);
	// The focus stays in the box after searching with Enter (the box is not made anew).
	await expect(box).toBeFocused();
	await expect(box).toHaveValue('no challenge is called this');
	await page.getByRole('link', { name: /^Clear the filters/ }).click();
	await expect(page).not.toHaveURL(/q=/);
	await expect(page.getByTestId('no-match')).toHaveCount(0);
	await expect(box).toHaveValue('');
});
