import {
	expect,
	expectAccessible,
	hydrated,
	latestMailTo,
	screenshot,
	signIn,
	tabTo,
	test
} from './helpers';

// Issue 12, Owner and Accessibility: what the owner decides is previewed and confirmed,
// questions are edited on the record and answered in Markdown, the amendment log says
// what changed, and the applications table works at every width and by keyboard.
const AI_GOES_TO_WORK = '20000000-0000-4000-8000-000000000001';
const SNOW_PROBLEM = '20000000-0000-4000-8000-000000000002';
const WIDTHS = [375, 1440];

test('the applications table shows the decision at every width and scrolls by keyboard', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, 'owner@hel.example');
	for (const width of WIDTHS) {
		await page.setViewportSize({ width, height: 900 });
		await page.goto(`/manage/challenges/${AI_GOES_TO_WORK}/applications`);
		const region = page.getByRole('region', { name: 'Submitted applications' });
		await expect(region).toBeVisible();
		await expect(region).toHaveAttribute('tabindex', '0');
		// Every row's decision is on screen, not cut off to the right.
		const decisions = region.getByText('Eligible');
		await expect(decisions.first()).toBeVisible();
		for (const decision of await decisions.all()) {
			const box = (await decision.boundingBox())!;
			expect(box.x + box.width, `decision within ${width} px`).toBeLessThanOrEqual(width);
		}
		// Reachable by Tab, so a keyboard can scroll it (WCAG 2.1.1).
		await page.locator('body').focus();
		await tabTo(page, 'div.table-wrap.applications');
		await expect(region).toBeFocused();
		await expectAccessible(page);
	}
	await screenshot(page, 'owner-applications-list');
});

test('a screening decision is previewed as the team will read it, then confirmed without JavaScript', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const context = await browser.newContext({ javaScriptEnabled: false });
	const owner = await context.newPage();
	await signIn(owner, 'owner@hel.example');
	await owner.goto(`/manage/challenges/${AI_GOES_TO_WORK}/applications`);
	const first = owner.getByRole('region', { name: 'Submitted applications' }).getByRole('link');
	const team = (await first.first().innerText()).trim();
	await first.first().click();
	await expect(owner.getByRole('heading', { name: `Application of ${team}` })).toBeVisible();
	// The documents the team sent beyond the requirements have their own section.
	await expect(owner.getByRole('heading', { name: 'Other documents' })).toBeVisible();
	await expect(owner.getByText(/The team sent \d+ documents? in all\./)).toBeVisible();

	// Saving a decision shows what the team will read, and records nothing yet.
	await owner.getByRole('radio', { name: 'Eligible', exact: true }).check();
	const justification = owner.getByLabel('Justification of the decision');
	await justification.fill('Every requirement is met; confirmed after a second reading.');
	await owner.getByRole('button', { name: 'Save', exact: true }).click();
	const preview = owner.getByRole('region', { name: 'Check before sending' });
	await expect(preview).toBeVisible();
	await expect(preview).toContainText(
		`Subject: Your application to AI Goes to Work has been screened`
	);
	await expect(preview).toContainText(
		`The application of the team "${team}" to "AI Goes to Work" was found eligible.`
	);
	await expect(preview).toContainText(await justification.inputValue());
	await expect(preview).toContainText('✓ Met');
	await expect(owner.getByText('The decision was recorded')).toHaveCount(0);
	await expectAccessible(owner);
	await screenshot(owner, 'owner-screening-preview');

	// Confirmed: recorded and mailed; every application is screened, so no next one.
	await preview.getByRole('button', { name: 'Confirm and send the decision' }).click();
	await expect(
		owner.getByText('The decision was recorded and the team was notified by email.')
	).toBeVisible();
	await expect(owner.getByText('Every application has been screened.')).toBeVisible();
	await expect(owner.getByRole('region', { name: 'Check before sending' })).toHaveCount(0);
	await expectAccessible(owner);
	await screenshot(owner, 'owner-screening-decided');
	const mail = await latestMailTo(
		team.includes('Kohtaamo') ? 'solver@team.example' : 'lead@osaamissilta.example',
		/has been screened/
	);
	expect(mail.text).toContain('was found eligible');
	await context.close();
});

test('the owner edits a question’s wording on the record and answers in Markdown', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const unique = Date.now().toString(36);
	const asked = `Can Matti Virtanen of Salainen ${unique} Oy join the pilot?`;
	const edited = `Can a company (${unique}) join the pilot?`;

	const solver = await (await browser.newContext()).newPage();
	await signIn(solver, 'solver@team.example');
	await solver.goto('/challenges/ai-goes-to-work');
	await solver.getByLabel('Your question').fill(asked);
	await solver.getByRole('button', { name: 'Send question' }).click();
	await expect(solver.getByRole('status')).toContainText('Your question was sent');

	const owner = await (await browser.newContext()).newPage();
	await signIn(owner, 'owner@hel.example');
	await owner.goto(`/manage/challenges/${AI_GOES_TO_WORK}`);
	const question = owner.getByRole('article', { name: asked });
	await question.getByText("Edit the question's wording").click();
	await question.getByLabel('The question as published').fill(edited);
	await question.getByRole('button', { name: 'Save the wording' }).click();
	await expect(owner.getByRole('status')).toContainText("The question's wording was saved.");
	const reworded = owner.getByRole('article', { name: edited });
	await expect(reworded).toContainText(`Original: ${asked}`);
	await expect(reworded).toContainText('Wording edited by Olli Omistaja');

	// An empty answer marks its own field with the message, not only a summary.
	await reworded.getByRole('button', { name: 'Publish answer' }).click();
	const answer = owner
		.getByRole('article', { name: edited })
		.getByRole('textbox', { name: 'Answer', exact: true });
	await expect(answer).toHaveAttribute('aria-invalid', 'true');
	await expect(answer).toHaveAccessibleDescription(/This field is required\./);
	await expectAccessible(owner);
	await screenshot(owner, 'owner-questions');

	// Words find the questions to merge into, past the first few the choice offers (issue 16);
	// a search keeps its words in the address, and one that finds none takes the choice away.
	await owner.goto(
		`/manage/challenges/${AI_GOES_TO_WORK}?${new URLSearchParams({ 'merge-q': 'several COMPANIES' })}`
	);
	await hydrated(owner);
	const mergeSearch = owner.getByRole('search', {
		name: 'Find questions to merge into by their words'
	});
	await expect(mergeSearch.getByRole('status')).toHaveText(/^One /);
	const into = owner.getByRole('article', { name: edited }).getByLabel('Or merge into');
	await expect(into.getByRole('option')).toHaveText([
		'May a team include members from several companies?'
	]);
	await mergeSearch.getByRole('searchbox').fill('zzz no such question');
	await mergeSearch.getByRole('button', { name: 'Find' }).click();
	await expect(owner).toHaveURL(/[?&]merge-q=zzz/);
	await expect(mergeSearch.getByRole('status')).toHaveText('Nothing matches these choices.');
	await expect(into).toHaveCount(0);
	await expectAccessible(owner);
	await screenshot(owner, 'owner-questions-merge-search');

	await answer.fill(`Yes. See [the pilot rules](https://example.org/rules-${unique}) first.`);
	await owner
		.getByRole('article', { name: edited })
		.getByRole('button', { name: 'Publish answer' })
		.click();
	await expect(owner.getByRole('status')).toHaveText('The answer was published.');

	// The public reads the edited wording and a link, never the original.
	const visitor = await (await browser.newContext()).newPage();
	await visitor.goto('/challenges/ai-goes-to-work');
	const qa = visitor.locator('#questions');
	await expect(qa.getByText(edited)).toBeVisible();
	await expect(qa).not.toContainText('Matti Virtanen');
	await expect(qa.getByRole('link', { name: 'the pilot rules' })).toHaveAttribute(
		'href',
		`https://example.org/rules-${unique}`
	);
	await expect(qa).not.toContainText('](https://');
	for (const width of WIDTHS) {
		await visitor.setViewportSize({ width, height: 900 });
		await expectAccessible(visitor);
	}
	await screenshot(visitor, 'public-answer-markdown');
});

test('the amendment log shows old and new, text as a word diff', async ({ page, browser }) => {
	test.setTimeout(240_000);
	const unique = Date.now().toString(36);
	await signIn(page, 'owner@hel.example');
	await page.goto(`/manage/challenges/${SNOW_PROBLEM}/basics`);
	const summary = page.getByRole('group', { name: 'One-line summary' }).getByLabel('English');
	const old = await summary.inputValue();
	await summary.fill(`${old} Winter ${unique}.`);
	await page.getByLabel('Reason for the change').first().fill(`Season named ${unique}.`);
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('recorded as a public amendment');

	const visitor = await (await browser.newContext()).newPage();
	await visitor.goto('/challenges/snow-problem');
	const amendment = visitor
		.getByRole('region', { name: 'Amendments' })
		.getByRole('listitem')
		.filter({ hasText: `Season named ${unique}.` });
	await expect(amendment.locator('dt').getByText('summary', { exact: true })).toBeVisible();
	// Only the added words are marked; the rest reads as it was.
	await expect(amendment.locator('ins', { hasText: `Winter ${unique}.` })).toBeVisible();
	// The log is rendered on the server, with no script (issue 16): its styles come with the
	// page, the added words on their green.
	await expect(amendment.locator('ins', { hasText: `Winter ${unique}.` })).toHaveCSS(
		'background-color',
		'rgb(226, 245, 243)'
	);
	await expect(amendment.locator('del', { hasText: 'Winter' })).toHaveCount(0);
	await expect(amendment).not.toContainText('Changed:');
	for (const width of WIDTHS) {
		await visitor.setViewportSize({ width, height: 900 });
		await expectAccessible(visitor);
	}
	await amendment.scrollIntoViewIfNeeded();
	await screenshot(visitor, 'public-amendment-diff');
});
