import { expect, expectAccessible, screenshot, signIn, test } from './helpers';

/**
 * Issue 14's development phase on the demo's worked example (src/lib/server/seed-poc.ts):
 * the two partners the selection chose (Taitotalo Consortium, Työote) planned milestones;
 * the city accepted one of each, rejected one of Taitotalo's (re-planned, then accepted)
 * and one of Työote's; the go / no-go decision continued Taitotalo and dropped Työote.
 * The owner reads the phase, each team reads where its concept stands and why.
 */
const WORKED_EXAMPLE = '20000000-0000-4000-8000-000000000007';

/** The team pages of the two partners, as the owner's page links them. */
async function teamPages(page: import('@playwright/test').Page) {
	await page.goto(`/manage/challenges/${WORKED_EXAMPLE}/proofs`);
	const href = async (team: string) =>
		page
			.getByRole('region', { name: team })
			.getByRole('link', { name: "The team's page" })
			.getAttribute('href');
	return { taitotalo: (await href('Taitotalo Consortium'))!, tyoote: (await href('Työote'))! };
}

test('the owner reads the partners’ milestones and the published go / no-go', async ({ page }) => {
	await signIn(page, 'owner@hel.example');
	await page.goto(`/manage/challenges/${WORKED_EXAMPLE}/proofs`);
	await expect(page.getByRole('heading', { level: 2, name: 'Development phase' })).toBeVisible();
	const taitotalo = page.getByRole('region', { name: 'Taitotalo Consortium' });
	await expect(taitotalo.getByText('2 of 3 milestones accepted.')).toBeVisible();
	await expect(taitotalo.getByText(/Neljä allekirjoittajista/)).toHaveCount(0);
	const tyoote = page.getByRole('region', { name: 'Työote' });
	await expect(tyoote.getByText(/12 asiakasta 40:n tavoitteesta/)).toBeVisible();
	// Published: nothing left to accept, the decision is linked.
	await expect(page.getByRole('button', { name: 'Accept' })).toHaveCount(0);
	await expect(page.getByText('The go / no-go decision has been published.')).toBeVisible();
	// It says when and who signed it, and the draft form is not offered as if nothing were
	// published: correcting is a named choice, its button says it prepares a correction.
	await expect(page.getByText(/Published on .+, signed by .+\./)).toBeVisible();
	const save = page.getByRole('button', { name: 'Save the correction and open the document' });
	await expect(save).toBeHidden();
	await expect(page.getByRole('button', { name: 'Save the draft' })).toHaveCount(0);
	await expectAccessible(page);
	await screenshot(page, 'poc-owner');
	await page.getByText('Correct the published decision', { exact: true }).click();
	await expect(save).toBeVisible();
	await expect(page.getByText(/Saving here prepares a correction/)).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'poc-owner-correct');

	// The published decision is linked as on every decision page.
	await page.getByRole('link', { name: 'Open the decision document' }).click();
	// The document's labels follow the reader's language (English here), the record's own
	// texts stay as written.
	await expect(page.getByRole('heading', { name: 'Continued into production' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Dropped' })).toBeVisible();
	await expectAccessible(page);
});

test('the continued partner sees where its concept stands, the milestones and their record', async ({
	page
}) => {
	await signIn(page, 'owner@hel.example');
	const { taitotalo } = await teamPages(page);
	await signIn(page, 'lead@taitotalo.example');
	await page.goto(taitotalo);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Where our concept stands' })
	).toBeVisible();
	await expect(page.getByText('Continued into production.')).toBeVisible();
	const steps = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
	await expect(steps).toHaveCount(5);
	await expect(steps.last()).toContainText('Go / no-go');
	await expect(steps.last()).toContainText('Done');
	await expect(steps.last()).toContainText(/Kaikki välitavoitteet hyväksytty/);
	// The rejected and re-planned milestone, and its record.
	const network = page.getByRole('article', { name: /Työnantajaverkosto/ });
	await expect(network).toContainText('Accepted');
	await network.getByText(/Record of changes/).click();
	await expect(network.getByText(/Re-planned by/)).toBeVisible();
	await expect(network.getByText(/Rejected by/)).toBeVisible();
	await expect(network.getByText(/Neljä allekirjoittajista/)).toBeVisible();
	// Closed: no forms to plan or deliver any more.
	await expect(
		page.getByText('The go / no-go decision has been published: the milestones are closed.')
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Add milestone' })).toHaveCount(0);
	await expectAccessible(page);
	await screenshot(page, 'poc-standing-continued');

	// A text far over its limit, posted as a form without the page's own limits, is refused
	// as a 400 in words at its field with what was typed kept (it was a ZodError and a 500),
	// before anything reads the record (the form action's answer, as an enhanced form reads it).
	const origin = new URL(page.url()).origin;
	const refusal = async (action: string, data: string) => {
		const response = await page.request.post(`${taitotalo}?/${action}`, {
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
			data
		});
		expect(response.status()).toBe(200);
		const body = await response.json();
		return { ...body, data: JSON.parse(body.data) as unknown[] };
	};
	const long = 'x'.repeat(10_001);
	const title = await refusal('add', `title=${long}&dueOn=1.6.2027`);
	expect(title).toMatchObject({ type: 'failure', status: 400 });
	expect(title.data).toEqual(
		expect.arrayContaining(['The title can be at most 200 characters.', 'title', long])
	);
	const evidence = await refusal(
		'step',
		`milestone=${crypto.randomUUID()}&step=deliver&evidence=${'y'.repeat(100_001)}`
	);
	expect(evidence).toMatchObject({ type: 'failure', status: 400 });
	expect(evidence.data).toEqual(
		expect.arrayContaining(['The evidence can be at most 8000 characters.', 'evidence'])
	);
});

test('the dropped partner reads why, and nobody else reads its page', async ({ page }) => {
	await signIn(page, 'owner@hel.example');
	const { tyoote, taitotalo } = await teamPages(page);
	await signIn(page, 'lead@tyoote.example');
	await page.goto(tyoote);
	await expect(page.getByText('Dropped at the go / no-go decision.')).toBeVisible();
	await expect(page.getByText(/Kehitysvaiheen tulos jäi selvästi tavoitteesta/)).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'poc-standing-dropped');
	// Not in production: nothing to link to.
	await expect(page.getByRole('link', { name: 'Results in production' })).toHaveCount(0);
	// Another team's page is not found.
	const other = await page.goto(taitotalo);
	expect(other?.status()).toBe(404);
});

test('the partner walks from its application to the concept, where it stands and production', async ({
	page
}) => {
	await signIn(page, 'owner@hel.example');
	const { taitotalo } = await teamPages(page);
	await signIn(page, 'lead@taitotalo.example');
	await page.goto(taitotalo);
	await page.getByRole('link', { name: 'The concept' }).click();
	await expect(page).toHaveURL(/\/concepts\/[0-9a-f-]{36}$/);
	const concept = new URL(page.url()).pathname;
	await expect(page.getByRole('link', { name: 'Where the concept stands' })).toHaveAttribute(
		'href',
		`${concept}/standing`
	);
	await screenshot(page, 'lineage-concept');
	await page.getByRole('link', { name: /Back to the application/ }).click();
	await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
	await screenshot(page, 'lineage-application');
	await page.getByRole('link', { name: 'Where the concept stands' }).click();
	await expect(page).toHaveURL(`${concept}/standing`);
	await page.getByRole('link', { name: 'Results in production' }).click();
	await expect(page).toHaveURL(concept.replace('/concepts/', '/production/'));
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Taitotalo Consortium');
});

test('the partner’s evidence file: the owner opens it, the other partner cannot', async ({
	page
}) => {
	// The demo's pilot milestone carries its report (src/lib/server/seed-poc.ts, attached
	// through the upload checks before go / no-go closed the phase).
	await signIn(page, 'owner@hel.example');
	const { taitotalo } = await teamPages(page);
	const region = page.getByRole('region', { name: 'Taitotalo Consortium' });
	const file = region.getByRole('link', { name: 'pilottiraportti.pdf' });
	await expect(file).toBeVisible();
	const href = (await file.getAttribute('href'))!;
	expect(href).toMatch(/^\/concepts\/[0-9a-f-]{36}\/standing\/files\/[0-9a-f-]{36}$/);
	const [download] = await Promise.all([page.waitForEvent('download'), file.click()]);
	expect(download.suggestedFilename()).toBe('pilottiraportti.pdf');
	const opened = await page.request.get(href);
	expect(opened.status()).toBe(200);
	expect(opened.headers()['content-type']).toContain('application/pdf');
	expect((await opened.body()).subarray(0, 5).toString()).toBe('%PDF-');

	// The partner reads it on its page; closed, it can no longer attach or remove files.
	await signIn(page, 'lead@taitotalo.example');
	await page.goto(taitotalo);
	const pilot = page.getByRole('article', { name: /Pilotti/ });
	await expect(pilot.getByRole('link', { name: 'pilottiraportti.pdf' })).toBeVisible();
	await expect(page.getByLabel(/Attach a file to the evidence/)).toHaveCount(0);
	await expect(pilot.getByRole('button', { name: /Remove/ })).toHaveCount(0);
	await pilot.getByText(/Record of changes/).click();
	await expect(pilot.getByText('File: pilottiraportti.pdf')).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'poc-standing-files');
	expect((await page.request.get(href)).status()).toBe(200);

	// Another partner's team reads nothing of it.
	await signIn(page, 'lead@tyoote.example');
	expect((await page.request.get(href)).status()).toBe(404);
});
