import {
	expect,
	expectAccessible,
	fieldError,
	finnishDayFromNow,
	latestMailTo,
	linkIn,
	screenshot,
	signIn,
	test
} from './helpers';

/**
 * Issue 13, the published decision as the teams meet it, on the demo's worked example
 * (the Helsinki innovation partnership; src/lib/server/seed-decisions.ts publishes its
 * shortlist of five): a chosen team follows the mail to its own points and the jurors'
 * justifications, opens the decision document (the comparison table, since an innovation
 * partnership publishes it; never the other teams' reasons), which prints on A4; a team
 * not chosen reads why; anyone else gets 404.
 */
const PUBLISHED = /Päätös julkaistu|Beslut publicerat|Decision published/;

test('a chosen team reads its result and the decision document, which prints', async ({ page }) => {
	const mail = await latestMailTo('lead@duuni.example', PUBLISHED);
	await signIn(page, 'lead@duuni.example');
	await page.goto(linkIn(mail));
	const result = page.getByRole('region', { name: 'Result: Selection for negotiations' });
	await expect(result).toContainText('Your team was chosen.');
	await expect(result).toContainText('Your rank: 3.');
	await expect(result.getByRole('term').filter({ hasText: 'Juror 1:' }).first()).toBeVisible();
	await expect(result).toContainText('Duuni Valmennus:');
	await expect(
		result.getByRole('list', { name: 'Chosen teams' }).getByRole('listitem')
	).toHaveCount(5);
	await expectAccessible(page);
	await screenshot(page, 'decision-result-chosen');

	await result.getByRole('link', { name: 'Open the decision document' }).click();
	// Its fixed wording in the reader's language (English), the standard appeal
	// instructions too; the record's own texts as written (Finnish), marked so.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Decision: Selection for negotiations'
	);
	await expect(page.getByRole('term').filter({ hasText: 'Contracting entity' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'How to appeal' })).toContainText(
		'Anyone affected by this decision may request a procurement correction'
	);
	const comparison = page.getByRole('table', { name: /mean points/ });
	await expect(comparison.getByRole('row')).toHaveCount(10);
	// Its own reason, never another team's.
	await expect(page.getByText(/^Sijoittui viiden parhaan joukkoon/)).toHaveCount(1);
	await expect(page.getByText(/^Sijoittui viiden parhaan joukkoon/)).toHaveAttribute('lang', 'fi');
	await expect(page.getByText('Jäi viiden parhaan ulkopuolelle')).toHaveCount(0);
	await expectAccessible(page);
	await screenshot(page, 'decision-document-team');
	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ path: 'test-results/decision-document.pdf', format: 'A4' });
	expect(pdf.byteLength).toBeGreaterThan(10_000);
});

test('a team not chosen reads why; a stranger gets nothing', async ({ page, browser }) => {
	const mail = await latestMailTo('lead@askel.example', PUBLISHED);
	await signIn(page, 'lead@askel.example');
	await page.goto(linkIn(mail));
	const result = page.getByRole('region', { name: 'Result: Selection for negotiations' });
	await expect(result).toContainText('Your team was not chosen this time.');
	await expect(result).toContainText('Jäi viiden parhaan ulkopuolelle');
	const document = await result
		.getByRole('link', { name: 'Open the decision document' })
		.getAttribute('href');
	await screenshot(page, 'decision-result-not-chosen');

	const stranger = await (await browser.newContext()).newPage();
	await signIn(stranger, 'solver@team.example');
	const response = await stranger.goto(document!);
	expect(response?.status()).toBe(404);
	await stranger.context().close();
});

test('a result decided without the jury’s points for the team shows no empty points list', async ({
	page
}) => {
	// The demo's Digital Job Coaching was shortlisted by a decision made before this
	// platform scored it (src/lib/server/seed-shortlisted.ts): criteria, but no points.
	await signIn(page, 'lead@mentori.example');
	await page.goto('/dashboard');
	await page
		.getByRole('region', { name: 'Applications' })
		.getByRole('listitem')
		.filter({ hasText: 'Digital Job Coaching' })
		.getByRole('link', { name: /^Open the application: / })
		.click();
	const result = page.getByRole('region', { name: 'Result: Selection for negotiations' });
	await expect(result).toContainText('Your team was chosen.');
	await expect(result.getByRole('heading', { name: 'Your points per criterion' })).toHaveCount(0);
	await expect(result.getByRole('link', { name: 'Open the decision document' })).toBeVisible();
});

/**
 * An outside tester's report: the decision form took 1.1.1900 and published it, and
 * answered 16.12.2026 or 2026-02-31 with "The form was not sent as expected". The day is
 * typed as every day field (d.m.yyyy) and refused at its field, in words, saving nothing.
 */
test('the decision’s date is refused at its field when it is no date or out of its window', async ({
	page
}) => {
	const AI_GOES_TO_WORK = '20000000-0000-4000-8000-000000000001';
	await signIn(page, 'owner@hel.example');
	await page.goto(`/manage/challenges/${AI_GOES_TO_WORK}/jury/shortlisting/decision`);
	// Nobody scored this challenge's teams: each says so, never "total –".
	await expect(page.getByText('place 1, not scored')).toBeVisible();
	await expect(page.locator('legend').filter({ hasText: '–' })).toHaveCount(0);
	const day = page.getByLabel('Date of the decision');
	const save = page.getByRole('button', { name: 'Save the draft and open the document' });
	for (const [typed, message] of [
		['16/12/2026', /Write the date as d\.m\.yyyy/],
		['2026-02-31', /There is no such day in the calendar/],
		['1.1.1900', /at the earliest/],
		[finnishDayFromNow(400), /at the latest/]
	] as const) {
		await day.fill(typed);
		await save.click();
		await expect(fieldError(page, message)).toBeVisible();
		await expect(day).toHaveValue(typed);
		await expect(day).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByText('The form was not sent as expected')).toHaveCount(0);
	}
	await expectAccessible(page);
	await screenshot(page, 'decision-form-day-refused');
});
