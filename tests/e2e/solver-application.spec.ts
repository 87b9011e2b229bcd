// Issue 12, Solver: the team's application page tells the truth in every state.
// Readiness warns of team shortfalls; documents upload on choose and never vanish; a
// decision is one clear state with its reasons and how to appeal; the team can download
// and read what it submitted and check the digest; the coverage matrix says it scrolls.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import {
	DEMO_PASSWORD,
	expect,
	expectAccessible,
	hydrated,
	screenshot,
	signIn,
	signUpVerified,
	test
} from './helpers';

// Each test walks several pages at two widths with axe: slow on a shared machine.
test.describe.configure({ timeout: 600_000 });

const PASSWORD = 'Solver pages 2026!';
const AI_GOES_TO_WORK = '20000000-0000-4000-8000-000000000001';
const PDF = 'test-results/solver-evidence.pdf';
const TEXT = 'test-results/solver-notes.txt';
/** The demo's late draft: Osaamissilta to Address fix up, its deadline passed (seed). */
const LATE_DRAFT = '/applications/40000000-0000-4000-8000-000000000001';

async function personPage(browser: Browser, serverErrors: string[], javaScriptEnabled = true) {
	const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
	page.on('response', (response) => {
		if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`);
	});
	return page;
}

async function fillIdea(page: Page, n: number) {
	const idea = page.getByRole('group', { name: `Idea ${n}` });
	await idea.getByRole('textbox', { name: 'Title', exact: true }).fill(`Mentor match ${n}`);
	await idea.getByLabel('The problem').fill(`Problem ${n}: people wait for a coach.`);
	await idea.getByRole('textbox', { name: 'The idea', exact: true }).fill(`Idea ${n}: match them.`);
	await idea.getByLabel('Value to the end users').fill(`Value ${n}: work sooner.`);
}

const saved = (page: Page) => expect(page.locator('.save-status')).toContainText(/Saved at/);
const phase = (page: Page) => page.getByTestId('application-phase');

/** Both widths: what is asserted holds on a phone and on a desktop. */
async function atBothWidths(page: Page, check: () => Promise<void>) {
	for (const width of [375, 1440]) {
		await page.setViewportSize({ width, height: 900 });
		await check();
	}
	await page.setViewportSize({ width: 1280, height: 720 });
}

test.describe.serial('a one-person team applies, is screened out and sees why', () => {
	const serverErrors: string[] = [];
	let lead: Page;
	let applicationUrl: string;
	let teamName: string;

	test.beforeAll(async ({ browser }) => {
		lead = await personPage(browser, serverErrors);
		writeFileSync(PDF, '%PDF-1.4\n%âãÏÓ\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
		writeFileSync(TEXT, 'not a document type the application takes');
	});
	test.afterEach(() => expect(serverErrors, 'server errors').toEqual([]));
	test.afterAll(async () => {
		await lead?.context().close();
	});

	test('readiness warns of every team shortfall before submitting', async () => {
		const email = await signUpVerified(lead, 'Sanna Solo', PASSWORD);
		await signIn(lead, email, PASSWORD);
		teamName = `Yksin ${Date.now().toString(36)}`;
		await lead.goto('/teams');
		await lead.getByLabel('Team name').fill(teamName);
		await lead.getByRole('button', { name: 'Create team' }).click();
		await expect(lead.getByText('The team was created.')).toBeVisible();

		await lead.goto('/challenges/ai-goes-to-work');
		const apply = lead.getByRole('region', { name: 'Apply', exact: true });
		await apply.getByLabel('Team that applies').selectOption({ label: teamName });
		await apply.getByRole('button', { name: 'Start the application' }).click();
		await expect(lead.getByRole('heading', { level: 1 })).toHaveText('AI Goes to Work');
		applicationUrl = lead.url().replace(/[?#].*$/, '');
		await expect(phase(lead)).toHaveText('Draft');

		for (const n of [1, 2, 3]) await fillIdea(lead, n);
		const answers = lead.getByRole('radio', { name: 'Meets', exact: true });
		for (let i = 0; i < (await answers.count()); i++) await answers.nth(i).check();
		await saved(lead);

		// Everything is filled in, but one member covers nothing and worked with nobody: the
		// box no longer says ✓ ready; it warns, and each warning says how to remedy it.
		const box = lead.getByRole('region', { name: 'Ready to submit?' });
		await expect(box).toContainText(
			'Everything needed is filled in, but the team does not meet every team requirement yet.'
		);
		await expect(box.getByText('✓ Everything needed is filled in.')).toHaveCount(0);
		const warnings = lead.getByTestId('readiness-warnings');
		await expect(warnings).toContainText('Warnings: the team requirements are not met');
		await expect(warnings).toContainText(/Nobody in the team has experience in Service design/);
		await expect(warnings).toContainText('No common project with at least two members');
		await expect(warnings.getByRole('link', { name: 'Add work history' }).first()).toBeVisible();
		// Warnings never block: the team may still submit.
		await expect(lead.getByRole('button', { name: 'Submit the application…' })).toBeEnabled();
		await atBothWidths(lead, async () => {
			await expect(warnings).toBeVisible();
			await expectAccessible(lead);
		});
		await warnings.scrollIntoViewIfNeeded();
		await screenshot(lead, 'solver-readiness-warnings');
	});

	test('a document uploads on choosing, keeps typed text and never raises a dialog', async () => {
		const dialogs: string[] = [];
		lead.on('dialog', (d) => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		await lead.goto(applicationUrl);
		// Text typed and not yet saved, then a document chosen: it uploads with the page staying.
		const title = lead
			.getByRole('group', { name: 'Idea 1' })
			.getByRole('textbox', { name: 'Title', exact: true });
		await title.fill('Mentor match, revised');
		const field = lead.getByLabel('Attach a document', { exact: true });
		await expect(lead.locator('#file-general-hint')).toContainText(
			'The document is uploaded as soon as you choose it.'
		);
		await field.setInputFiles(PDF);
		await expect(
			lead.getByText('✓ solver-evidence.pdf was attached to the application.')
		).toBeVisible();
		await expect(
			lead.locator('#documents').getByRole('link', { name: 'solver-evidence.pdf' })
		).toBeVisible();
		await expect(title).toHaveValue('Mentor match, revised');
		await saved(lead);

		// A file the server refuses stays chosen and pending: Submit is off, readiness says why.
		await field.setInputFiles(TEXT);
		await expect(lead.locator('#file-general-error')).toContainText(
			'solver-notes.txt was not attached:'
		);
		const submit = lead.getByRole('button', { name: 'Submit the application…' });
		await expect(submit).toBeDisabled();
		await expect(lead.getByRole('region', { name: 'Ready to submit?' })).toContainText(
			'The document solver-notes.txt is chosen but not uploaded'
		);
		await atBothWidths(lead, () => expectAccessible(lead));
		await lead.locator('#documents').scrollIntoViewIfNeeded();
		await screenshot(lead, 'solver-upload-pending');
		await lead.getByRole('button', { name: 'Clear the choice' }).click();
		await expect(submit).toBeEnabled();

		// Removing a document keeps the page (and unsaved text) too.
		await title.fill('Mentor match, revised again');
		await lead
			.locator('#documents')
			.getByRole('button', { name: /^Remove\s*: solver-evidence\.pdf$/ })
			.click();
		await expect(
			lead.locator('#documents').getByRole('link', { name: 'solver-evidence.pdf' })
		).toHaveCount(0);
		await expect(title).toHaveValue('Mentor match, revised again');
		await saved(lead);
		expect(dialogs, 'leave-page dialogs').toEqual([]);
	});

	test('without JavaScript, Upload saves the typed text and Submit refuses a pending file', async ({
		browser
	}) => {
		const plain = await personPage(browser, serverErrors, false);
		// The session cookie of the lead, in a context without JavaScript.
		await plain.context().addCookies(await lead.context().cookies());
		await plain.goto(applicationUrl);
		const title = plain.locator('#field-idea2_title');
		await title.fill('Typed without scripts');
		await plain.getByLabel('Attach a document', { exact: true }).setInputFiles(PDF);
		await plain.locator('#documents').getByRole('button', { name: 'Upload' }).click();
		await expect(
			plain.locator('#documents').getByRole('link', { name: 'solver-evidence.pdf' })
		).toBeVisible();
		await expect(title).toHaveValue('Typed without scripts');

		// A file chosen and Submit pressed instead of Upload: refused in words, nothing lost.
		await plain.getByLabel('Attach a document', { exact: true }).setInputFiles(PDF);
		await title.fill('Typed again without scripts');
		await plain.getByRole('button', { name: 'Submit now' }).click();
		await expect(plain.getByText('A document is chosen but not uploaded.')).toBeVisible();
		await expect(plain.locator('#field-idea2_title')).toHaveValue('Typed again without scripts');
		await expect(phase(plain)).toHaveText('Draft');
		await plain.context().close();
	});

	test('the team downloads what it submitted; its SHA-256 is the digest on record', async () => {
		await lead.goto(applicationUrl);
		// Submit the application… only opens the question once the page has hydrated.
		await hydrated(lead);
		await lead.getByRole('button', { name: 'Submit the application…' }).click();
		await lead.getByRole('button', { name: 'Submit now' }).click();
		await expect(phase(lead)).toHaveText('Submitted');
		const digest = await lead.locator('.record dd code').innerText();
		expect(digest).toMatch(/^[0-9a-f]{64}$/);
		await expect(lead.locator('#digest-how')).toContainText('sha256sum');

		// What `sha256sum application.json` prints for the file the page offers.
		const download = lead.waitForEvent('download');
		await lead.getByRole('link', { name: 'Download the submitted content (JSON)' }).click();
		const path = await (await download).path();
		const { readFileSync } = await import('node:fs');
		const bytes = readFileSync(path!);
		expect(createHash('sha256').update(bytes).digest('hex')).toBe(digest);
		expect(JSON.parse(bytes.toString('utf8')).ideas).toHaveLength(3);

		// The same content as a page a person reads.
		await lead.getByRole('link', { name: 'Open the submitted content as a readable page' }).click();
		await expect(lead.getByRole('heading', { level: 1 })).toContainText('AI Goes to Work');
		await expect(lead.getByTestId('receipt-digest')).toHaveText(digest);
		await expect(
			lead.getByRole('heading', { name: /^Idea 2: Typed again without scripts/ })
		).toHaveCount(0);
		await expect(lead.getByText(`This is what the team ${teamName} submitted`)).toBeVisible();
		await expect(lead.getByRole('heading', { name: 'Idea 3: Mentor match 3' })).toBeVisible();
		await atBothWidths(lead, () => expectAccessible(lead));
		await screenshot(lead, 'solver-receipt-page');

		// Nobody else reads it: another team's member gets a 404.
		const other = await lead.context().browser()!.newContext();
		const outsider = await other.newPage();
		await signIn(outsider, 'solver@team.example', DEMO_PASSWORD);
		const id = applicationUrl.split('/').at(-1);
		expect((await outsider.goto(`/applications/${id}/submitted`))?.status()).toBe(404);
		expect((await outsider.request.get(`/applications/${id}/snapshot.json`)).status()).toBe(404);
		await other.close();
	});

	test('an ineligible decision is one clear state with reasons and how to appeal', async ({
		browser
	}) => {
		const owner = await personPage(browser, serverErrors);
		await signIn(owner, 'owner@hel.example', DEMO_PASSWORD);
		await owner.goto(`/manage/challenges/${AI_GOES_TO_WORK}/applications`);
		await owner
			.getByRole('row', { name: new RegExp(teamName) })
			.getByRole('link', { name: teamName })
			.click();
		await owner.getByRole('radio', { name: 'Not met', exact: true }).check();
		await owner.getByLabel('Reason', { exact: true }).fill('No data protection officer is named.');
		await owner.getByRole('radio', { name: 'Not eligible', exact: true }).check();
		await owner
			.getByLabel('Justification of the decision')
			.fill('The team misses three competence areas and the GDPR requirement.');
		await owner.getByRole('button', { name: 'Save', exact: true }).click();
		// The team's letter is previewed first; the decision is sent only when confirmed.
		await owner
			.getByRole('region', { name: 'Check before sending' })
			.getByRole('button', { name: 'Confirm and send the decision' })
			.click();
		await expect(owner.getByText('The decision was recorded')).toBeVisible();
		await owner.context().close();

		await lead.goto(applicationUrl);
		const state = lead.getByRole('region', { name: 'Where the application stands' });
		await expect(phase(lead)).toHaveText('Not eligible');
		await expect(lead.locator('.meta')).toContainText('Not eligible');
		await expect(lead.locator('.meta')).not.toContainText('Submitted');
		await expect(state).toContainText('The team misses three competence areas');
		await expect(state).toContainText('✗ not met – No data protection officer is named.');
		// No countdown beside a decision, no stray ".:" after a requirement's statement.
		await expect(lead.getByTestId('deadline-countdown')).toHaveCount(0);
		expect(await lead.locator('main').innerText()).not.toContain('.:');
		// How to appeal: the Market Court, 14 days, the last day.
		const appeal = lead.getByRole('region', { name: 'How to appeal' });
		await expect(appeal).toContainText('Market Court (markkinaoikeus) within 14 days');
		await expect(appeal).toContainText(/the last day is \d{1,2} \w+ \d{4}/);
		// The database still allows withdrawing until the deadline: said once, with its cost.
		await expect(state).toContainText('withdrawing voids this decision');
		await expect(
			lead.getByText('Until the deadline you can withdraw the application, change it')
		).toHaveCount(0);
		await atBothWidths(lead, () => expectAccessible(lead));
		await state.scrollIntoViewIfNeeded();
		await screenshot(lead, 'solver-ineligible');

		// The appeal instructions in Finnish and Swedish.
		await lead.getByRole('button', { name: 'suomi' }).click();
		await expect(lead.getByRole('region', { name: 'Muutoksenhaku' })).toContainText(
			'markkinaoikeuteen 14 päivän kuluessa'
		);
		await expect(phase(lead)).toHaveText('Ei kelpoinen');
		await lead.getByRole('button', { name: 'svenska' }).click();
		await expect(lead.getByRole('region', { name: 'Besvär' })).toContainText(
			'marknadsdomstolen inom 14 dagar'
		);
		await expectAccessible(lead);
		await lead.getByRole('button', { name: 'English' }).click();
		await expect(lead.locator('html')).toHaveAttribute('lang', 'en');
	});

	test('withdrawing voids the decision and the page says it is a draft again', async () => {
		await lead.goto(applicationUrl);
		await lead.getByRole('button', { name: 'Withdraw the application' }).click();
		await expect(phase(lead)).toHaveText('Withdrawn – a draft again');
		await expect(lead.getByRole('region', { name: 'Screening result' })).toHaveCount(0);
		await expect(lead.getByTestId('deadline-countdown')).toBeVisible();
		await expect(lead.getByRole('button', { name: 'Submit the application…' })).toBeVisible();
		await expectAccessible(lead);
	});
});

test('eligible and submitted: no countdown or resubmit promise beside the decision', async ({
	page
}) => {
	// Kohtaamo Collective's demo application, found eligible by the owner (read only here).
	await signIn(page, 'solver@team.example');
	await page.goto('/teams');
	await page.getByRole('link', { name: 'Kohtaamo Collective' }).first().click();
	await page
		.locator('#applications')
		.getByRole('link', { name: /AI Goes to Work/ })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('AI Goes to Work');
	await expect(phase(page)).toHaveText('Eligible');
	await expect(page.getByTestId('deadline-countdown')).toHaveCount(0);
	await expect(page.getByRole('region', { name: 'How to appeal' })).toHaveCount(0);
	await expect(
		page.getByText('Until the deadline you can withdraw the application, change it')
	).toHaveCount(0);
	await expectAccessible(page);
});

test('after the deadline an unsubmitted draft says so once, with nothing to do', async ({
	page
}) => {
	await signIn(page, 'lead@osaamissilta.example');
	await page.goto(LATE_DRAFT);
	await expect(phase(page)).toHaveText('Not submitted');
	await expect(page.locator('.meta')).toContainText('Not submitted');
	await expect(page.getByText('The application period has ended; this draft')).toHaveCount(1);
	await expect(page.getByTestId('deadline-countdown')).toHaveText('The deadline has passed.');
	await expect(page.getByRole('button', { name: 'Submit the application…' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Withdraw the application' })).toHaveCount(0);
	await expectAccessible(page);
});

test('the coverage matrix says it scrolls on a phone and is a named, focusable region', async ({
	page
}) => {
	await signIn(page, 'lead@osaamissilta.example');
	await page.goto(LATE_DRAFT);
	const region = page.getByRole('region', { name: 'Months of experience' });
	const hint = page.getByTestId('matrix-scroll-hint');
	await page.setViewportSize({ width: 375, height: 900 });
	await expect(region).toHaveAttribute('tabindex', '0');
	const overflows = await region.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
	expect(overflows, 'the matrix is wider than a phone').toBe(true);
	await expect(hint).toBeVisible();
	await expect(hint).toContainText('scroll it sideways');
	await expect(region).toHaveAttribute('aria-describedby', /hint/);
	// A keyboard scrolls it.
	await region.focus();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
	await expectAccessible(page);
	await region.scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'test-results/screenshots/solver-matrix-375.png' });
	await page.setViewportSize({ width: 1440, height: 900 });
	await expect(hint).toBeHidden();
	await expectAccessible(page);
	await page.screenshot({
		path: 'test-results/screenshots/solver-matrix-1440.png',
		fullPage: true
	});
});
