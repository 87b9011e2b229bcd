import type { Page } from '@playwright/test';
import { helsinkiDay } from '../../src/lib/domain/helsinki-time';
import {
	expect,
	expectAccessible,
	fieldError,
	hydrated,
	latestMailTo,
	linkIn,
	screenshot,
	signIn,
	signUpVerified,
	test
} from './helpers';
import { compareFirstWithLatest, linkIdeaAndNote, submitTender } from './concept-steps';
import { monthFromNow, monthName, reportByKeyboard } from './production-steps';

/**
 * Issue 14 in one run, on Digital Job Coaching (src/lib/server/seed-chain.ts: Mentori and
 * Uraverkko shortlisted, Uraverkko's final tender in, the concepts deadline a few minutes
 * after the server seeded it, DEMO_CHAIN_CONCEPTS_MINUTES in playwright.config.ts).
 * Mentori builds a concept on an idea and a workshop note, edits it twice, compares the
 * versions and submits it as a final tender; the chair appoints a juror; once the deadline
 * passes by the database's clock the juror scores both tenders and the selection decision
 * picks Mentori; Mentori plans two milestones, the owner accepts one and rejects the
 * other; the go decision continues Mentori into production; the owner sets outcome
 * categories and targets; Mentori reports two months; the owner confirms one and disputes
 * the other; Mentori corrects it; the bonus, the progress and the charts show.
 *
 * Runs as its own Playwright project, first (playwright.config.ts), so that the concept is
 * in before the seeded deadline; it then waits for the deadline as a team would.
 */
const CHALLENGE = '20000000-0000-4000-8000-0000000000d1';
const OWNER = 'owner@hel.example';
const MENTORI = 'lead@mentori.example';
const PUBLISHED = /Päätös julkaistu|Beslut publicerat|Decision published/;
const JUROR_PASSWORD = 'Chain-juror-pass-2026';

/** The Helsinki day `days` from today, as a date field takes it. */
const dayFromNow = (days: number) => helsinkiDay(new Date(Date.now() + days * 86_400_000));

/** Publishes the draft decision open on the page, asked first. */
async function publish(page: Page) {
	await page.getByRole('button', { name: 'Publish the decision…' }).click();
	await page
		.getByRole('dialog', { name: 'Publish the decision?' })
		.getByRole('button', { name: 'Publish', exact: true })
		.click();
	await expect(page.getByRole('status')).toContainText('The decision was published');
}

// A long test: a step that cannot find its element fails within this, not at the end.
test.use({ actionTimeout: 20_000, navigationTimeout: 30_000 });

test('one run from a shortlisted team’s concept to a bonus paid by results', async ({ page }) => {
	test.setTimeout(900_000);

	// A juror with an account of their own, appointed by the chair while the tenders are sealed.
	const juror = await signUpVerified(page, 'Chain Juror', JUROR_PASSWORD);
	await signIn(page, OWNER);
	await page.goto(`/manage/challenges/${CHALLENGE}/jury`);
	const selection = page.getByRole('region', { name: 'Selection', exact: true });
	await selection.getByLabel('Invite a juror by email').fill(juror);
	await selection.getByRole('button', { name: 'Send invitation' }).click();
	await expect(selection.getByRole('status').first()).toContainText(
		`An invitation was sent to ${juror}.`
	);
	const invitation = linkIn(await latestMailTo(juror, /jury|raati|juryn/i));
	await signIn(page, juror, JUROR_PASSWORD);
	await page.goto(invitation);
	await page.getByRole('button', { name: 'Accept and join the jury' }).click();
	await expect(page).toHaveURL(new RegExp(`/jury/${CHALLENGE}/selection`));

	// Mentori starts its concept from the application.
	await signIn(page, MENTORI);
	await page.goto('/dashboard');
	await page.getByRole('link', { name: /Open.*Digital Job Coaching/ }).click();
	await page
		.getByRole('region', { name: 'Concept' })
		.getByRole('button', { name: 'Start the concept' })
		.click();
	await expect(page).toHaveURL(/\/concepts\/[0-9a-f-]{36}$/);
	// Save now reports "Saved" and Add a row adds one only once the page has hydrated.
	await hydrated(page);
	const conceptUrl = new URL(page.url()).pathname;
	const deadline = await page.getByTestId('concept-deadline').getAttribute('datetime');

	await page.getByLabel('Title').fill('Iltamentorit verkossa');
	await page.getByLabel('Summary').fill('Mentorit vastaavat työnhakijoille chatissa iltaisin.');
	await page.getByLabel('Description').fill('Itse työllistyneet mentorit vastaavat kysymyksiin.');
	await page.getByLabel('Row 1: item').fill('Mentorichat');
	await page.getByLabel('Row 1: euros').fill('80 000');
	await page.getByRole('button', { name: 'Save now' }).click();
	await expect(page.getByRole('status').filter({ hasText: /Saved/ })).toBeVisible();
	// Two edits: a sharper summary, then the pilot in the budget.
	await page
		.getByLabel('Summary')
		.fill('Mentorit vastaavat työnhakijoille chatissa joka ilta, heidän omalla kielellään.');
	await page.getByRole('button', { name: 'Save now' }).click();
	await expect(page.getByRole('status').filter({ hasText: /Saved/ })).toBeVisible();
	await page.getByRole('button', { name: 'Add a row' }).click();
	await page.getByLabel('Row 2: item').fill('Kokeilu 20 työnhakijan kanssa');
	await page.getByLabel('Row 2: euros').fill('25 000');
	await page.getByRole('button', { name: 'Save now' }).click();
	await expect(page.getByRole('status').filter({ hasText: /Saved/ })).toBeVisible();

	// Lineage: its first idea and a note of the workshop board.
	await page.reload();
	await linkIdeaAndNote(
		page,
		'Idea 1: Vertaismentorit verkossa',
		'Note: Iltaisin kysymyksiin ei vastaa kukaan'
	);

	// The versions: the first against the latest shows both edits.
	const { diff } = await compareFirstWithLatest(page);
	await expect(diff.locator('ins', { hasText: 'joka ilta' })).toBeVisible();
	await expect(diff).toContainText('Kokeilu 20 työnhakijan kanssa');

	// The final tender, with its price, asked first; the receipt carries the digest.
	await page.goto(conceptUrl);
	const digest = await submitTender(page, '105 000');
	expect((await latestMailTo(MENTORI, /final tender|lopullise|slutligt anbud/i)).text).toContain(
		digest
	);

	// The deadline passes by the database's clock; the page then says the stage is closed.
	expect(deadline, 'the concept page gives the deadline').toBeTruthy();
	const wait = new Date(deadline!).getTime() - Date.now();
	test.info().annotations.push({ type: 'waited for the deadline', description: `${wait} ms` });
	if (wait > 0) await page.waitForTimeout(wait + 2_000);
	await page.goto(conceptUrl);
	await expect(page.getByTestId('deadline-countdown')).toHaveText('The deadline has passed.');
	await expect(page.getByRole('button', { name: 'Withdraw final tender' })).toHaveCount(0);

	// Unsealed for the owner: both tenders as frozen, no longer only their count.
	await signIn(page, OWNER);
	await page.goto(`/manage/challenges/${CHALLENGE}/concepts`);
	await expect(page.getByTestId('sealed-tenders')).toHaveCount(0);
	for (const team of ['Mentori', 'Uraverkko'])
		await expect(page.getByRole('link', { name: team })).toBeVisible();

	// The juror declares, the chair assigns, the juror scores both tenders.
	await page.goto(`/manage/challenges/${CHALLENGE}/jury`);
	await selection.getByLabel('Every juror scores every item (default)').check();
	await selection.getByRole('button', { name: 'Assign' }).click();
	await expect(selection.getByRole('status').first()).toContainText('The items were assigned.');
	await signIn(page, juror, JUROR_PASSWORD);
	await page.goto(`/jury/${CHALLENGE}/selection`);
	await page.getByRole('button', { name: 'Declare no conflict for all remaining' }).click();
	await expect(page.getByText('Your declarations are on record.')).toBeVisible();
	const items = page.getByRole('region', { name: 'Items assigned to you' });
	await expect(items.getByRole('link')).toHaveCount(2);
	for (const [team, points] of [
		['Mentori', [36, 26]],
		['Uraverkko', [28, 20]]
	] as const) {
		await page.goto(`/jury/${CHALLENGE}/selection`);
		await items.getByRole('link', { name: new RegExp(team) }).click();
		await expect(page.getByTestId('tender-digest')).toHaveText(/^[0-9a-f]{64}$/);
		const fields = page.getByLabel(/^Points \(0–/);
		await expect(fields).toHaveCount(2);
		for (const [i, field] of (await fields.all()).entries()) await field.fill(String(points[i]));
		for (const field of await page.getByRole('textbox', { name: /Justification/ }).all())
			await field.fill(`${team}: as the tender shows against the criterion.`);
		await page.getByRole('button', { name: 'Submit scores' }).click();
		await page
			.getByRole('dialog', { name: 'Submit your scores?' })
			.getByRole('button', { name: 'Yes, submit' })
			.click();
		await expect(page.getByText('Your scores are submitted and locked.')).toBeVisible();
	}

	// The chair reads the results with price points and publishes the selection of one.
	await signIn(page, OWNER);
	await page.goto(`/manage/challenges/${CHALLENGE}/jury/selection/results`);
	const ranking = page.getByRole('table', { name: /Selection/ });
	await expect(ranking.getByRole('row').nth(1).getByRole('rowheader')).toContainText('Mentori');
	await expect(ranking.getByRole('columnheader', { name: 'Price points' })).toBeVisible();
	await page.getByRole('link', { name: 'Record the decision' }).click();
	await expect(page.getByRole('checkbox', { name: 'Chosen', checked: true })).toHaveCount(1);
	for (const team of ['Mentori', 'Uraverkko'])
		await page
			.getByRole('group', { name: new RegExp(team) })
			.getByLabel('Reason')
			.fill(`${team}: as the jury's points and the price show.`);
	await page.getByLabel('Rationale').fill('The best ratio of quality and price.');
	await page.getByRole('button', { name: 'Save the draft and open the document' }).click();
	await expect(page).toHaveURL(/\/decisions\//);
	await publish(page);

	// Mentori reads that it was chosen, and plans two milestones.
	await signIn(page, MENTORI);
	await page.goto(
		// The second decision mail of the challenge: the shortlisting's came at seeding.
		linkIn(
			await latestMailTo(
				MENTORI,
				new RegExp(`(?:${PUBLISHED.source}): (?:Digital Job|Digitaalinen|Digital jobb)`),
				2
			)
		)
	);
	await expect(page.getByRole('region', { name: 'Result: Selection', exact: true })).toContainText(
		'Your team was chosen.'
	);
	await signIn(page, OWNER);
	await page.goto(`/manage/challenges/${CHALLENGE}/proofs`);
	const partner = page.getByRole('region', { name: 'Mentori' });
	await partner.getByRole('button', { name: /Start the stage/ }).click();
	await expect(partner.getByText('No milestones yet.')).toBeVisible();
	await signIn(page, MENTORI);
	await page.goto(`${conceptUrl}/standing`);
	const plan = page.locator('form.plan');
	// A due day that is no day: refused at its field, with a summary that links there,
	// and what was typed kept; the section above says nothing.
	await plan.getByLabel('Title').fill('Evening chat open');
	await plan.getByLabel('Due date').fill('31.2.2027');
	await plan.getByRole('button', { name: 'Add milestone' }).click();
	await expect(fieldError(plan, 'Give the due date as a calendar day')).toBeVisible();
	await expect(plan.getByRole('alert').getByRole('link', { name: /^Due date/ })).toBeVisible();
	await expect(plan.getByLabel('Title')).toHaveValue('Evening chat open');
	await expect(page.getByRole('alert')).toHaveCount(1);
	for (const [title, due] of [
		['Evening chat open', dayFromNow(30)],
		['Twenty job seekers coached', dayFromNow(60)]
	]) {
		await plan.getByLabel('Title').fill(title);
		await plan.getByLabel('Due date').fill(due);
		await plan.getByRole('button', { name: 'Add milestone' }).click();
		await expect(page.getByText('The milestone was added.')).toBeVisible();
	}
	for (const title of ['Evening chat open', 'Twenty job seekers coached']) {
		const milestone = page.getByRole('article', { name: new RegExp(title) });
		await milestone
			.getByRole('button', { name: new RegExp(`^Mark in progress\\W+${title}$`) })
			.click();
		await expect(page.getByText('The milestone is now: In progress.')).toBeVisible();
		await milestone
			.locator('summary')
			.filter({ hasText: /^Deliver$/ })
			.click();
		await milestone
			.getByLabel('Evidence', { exact: true })
			.fill(`${title}: the report of the pilot.`);
		await milestone.getByLabel('Links', { exact: true }).fill('https://example.org/report');
		await milestone.getByRole('button', { name: 'Deliver', exact: true }).click();
		await expect(page.getByText('The milestone is now: Delivered.')).toBeVisible();
	}
	// A file for the evidence, through the upload checks.
	const chat = page.getByRole('article', { name: /Evening chat open/ });
	await chat.getByLabel('Attach a file to the evidence').setInputFiles({
		name: 'chat-report.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('%PDF-1.4\n% evening chat report\n%%EOF\n')
	});
	await chat.getByRole('button', { name: 'Attach the file' }).click();
	await expect(page.getByText("The file was attached to the milestone's evidence.")).toBeVisible();
	await expect(chat.getByRole('link', { name: 'chat-report.pdf' })).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'chain-milestones');

	// The owner accepts one and rejects the other, each asked first, with a reason.
	await signIn(page, OWNER);
	await page.goto(`/manage/challenges/${CHALLENGE}/proofs`);
	for (const [verdict, title, reason] of [
		['Accept', 'Evening chat open', 'The chat is open every evening.'],
		['Reject', 'Twenty job seekers coached', 'Only twelve were coached; the report counts 20.']
	] as const) {
		const item = partner.getByRole('listitem').filter({ hasText: title });
		await item.getByRole('button', { name: verdict, exact: true }).click();
		const dialog = page.getByRole('dialog', { name: new RegExp(title) });
		if (verdict === 'Reject') {
			// A reason of spaces is no reason: refused at its field, the question open again.
			await dialog.getByRole('textbox', { name: 'Reason' }).fill('   ');
			await dialog.getByRole('button', { name: verdict, exact: true }).click();
			await expect(fieldError(dialog, 'Write the reason')).toBeVisible();
			await expect(item).not.toContainText('Rejected');
		}
		await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
		await dialog.getByRole('button', { name: verdict, exact: true }).click();
		await expect(item).toContainText(verdict === 'Accept' ? 'Accepted' : 'Rejected');
	}
	await expect(partner.getByText('1 of 2 milestones accepted.')).toBeVisible();
	// The owner opens the partner's evidence file.
	const file = await page.request.get(
		(await partner.getByRole('link', { name: 'chat-report.pdf' }).getAttribute('href'))!
	);
	expect(file.status()).toBe(200);
	expect(file.headers()['content-type']).toContain('application/pdf');

	// The go decision: Mentori continues into production.
	await page
		.getByRole('group', { name: 'Decision on Mentori' })
		.getByLabel('Continue into production')
		.check();
	await page.getByLabel('Reason for Mentori').fill('The chat works; the coaching goal moves on.');
	await page.getByLabel('Rationale').fill('The pilot showed the service reaches job seekers.');
	// Saving opens the draft decision document, to read before publishing.
	await page.getByRole('button', { name: 'Save the draft' }).click();
	await expect(page).toHaveURL(/\/decisions\//);
	await publish(page);
	await signIn(page, MENTORI);
	await page.goto(`${conceptUrl}/standing`);
	await expect(page.getByText('Continued into production.')).toBeVisible();
	// Both decisions are dated the day they were published, not the timetable's later plan.
	const today = new Intl.DateTimeFormat('en-GB', {
		dateStyle: 'long',
		timeZone: 'Europe/Helsinki'
	}).format(new Date());
	for (const step of ['Selected as a partner', 'Go / no-go'])
		await expect(page.getByRole('listitem').filter({ hasText: step })).toContainText(today);
	await expectAccessible(page);
	await screenshot(page, 'chain-standing');

	// Production: two outcome categories with their bonus, and targets.
	await signIn(page, OWNER);
	await page.goto(`/manage/challenges/${CHALLENGE}/production`);
	for (const [fi, sv, en, bonus] of [
		['Toistaiseksi voimassa oleva työsuhde', 'Tillsvidareanställning', 'Permanent job', '2000'],
		['Ammatillisen koulutuksen aloitus', 'Yrkesutbildning påbörjad', 'Vocational studies', '800']
	]) {
		// The form's fold stays open after an addition; it is opened when closed.
		const add = page.locator('details.add');
		if ((await add.getAttribute('open')) === null) await add.locator('summary').click();
		await page.locator('#field-new-fi').fill(fi);
		await page.locator('#field-new-sv').fill(sv);
		await page.locator('#field-new-en').fill(en);
		await page.locator('#field-new-bonus').fill(bonus);
		await page.getByRole('button', { name: 'Add an outcome category' }).click();
		await expect(page.getByText('Outcome category saved.')).toBeVisible();
		// The message stays from the first pass: the page's new data is there once the list
		// shows this category (a field typed in before would be reset by that data).
		await expect(page.locator('ul.categories summary', { hasText: en })).toBeVisible();
	}
	await page.getByLabel('Clients to start').fill('40');
	await page.getByLabel('Results to reach').fill('12');
	await page.getByRole('button', { name: 'Save targets' }).click();
	await expect(page.getByText('Targets saved.')).toBeVisible();
	const href = (await page.getByRole('link', { name: 'Results and charts' }).getAttribute('href'))!;

	// Mentori reports the two last months, keyboard only.
	const [older, old] = [monthFromNow(-2), monthFromNow(-1)];
	await signIn(page, MENTORI);
	for (const [month, numbers] of [
		[older, [9, 3, 1, 2]],
		[old, [11, 5, 3, 2]]
	] as const) {
		await page.goto(`${href}/report?month=${month}`);
		await expect(page.getByRole('heading', { name: monthName(month) })).toBeVisible();
		await reportByKeyboard(page, [...numbers]);
		await expect(page.getByText(`Report sent for ${monthName(month)}.`)).toBeVisible();
	}

	// The owner confirms one month and disputes the other.
	await signIn(page, OWNER);
	await page.goto(`/manage/challenges/${CHALLENGE}/production`);
	await page.getByRole('button', { name: `Confirm ${monthName(older)}` }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
	await expect(page.getByText('The month is confirmed and locked.')).toBeVisible();
	await page.getByText(`Dispute ${monthName(old)}`).click();
	const row = page.locator('tr', { hasText: monthName(old) });
	await row.getByLabel('What is wrong in the report').fill('One permanent job is a trial period.');
	await row.getByRole('button', { name: 'Send dispute' }).click();
	await expect(page.getByText('The report is disputed; the partner can correct it.')).toBeVisible();

	// Mentori corrects the disputed month as version 2.
	await signIn(page, MENTORI);
	await page.goto(href);
	await page.getByRole('link', { name: `Correct ${monthName(old)}` }).click();
	await expect(page.getByText('One permanent job is a trial period.')).toBeVisible();
	await reportByKeyboard(page, [11, 5, 2, 3]);
	await expect(page).toHaveURL(new RegExp(`${href}\\?sent=`));

	// The bonus, the progress and the charts: 3 + 5 = 8 results of 12, 20 of 40 clients.
	// Bonus: 1 × 2 000 + 2 × 800 = 3 600 €, then 2 × 2 000 + 3 × 800 = 6 400 €; 10 000 € in all.
	await page.goto(href);
	await expect(page.getByRole('heading', { name: 'Key figures' })).toBeVisible();
	await expect(page.getByText('€10,000.00').first()).toBeVisible();
	await expect(page.locator('figure svg[role="img"]')).toHaveCount(3);
	await expect(page.locator('figure table')).toHaveCount(3);
	await expect(page.locator('progress')).toHaveCount(2);
	await expectAccessible(page);
	await screenshot(page, 'chain-results');
});
