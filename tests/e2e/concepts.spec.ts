import {
	expect,
	expectAccessible,
	fieldError,
	hydrated,
	latestMailTo,
	screenshot,
	signIn,
	test
} from './helpers';
import { compareFirstWithLatest, linkIdeaAndNote, submitTender } from './concept-steps';

/**
 * Issue 14, "Concepts", on Youth Guidance Online (src/lib/server/seed-concepts.ts): the
 * published shortlist chose Osaamissilta (and Kohtaamo Collective, whose final tender is
 * seeded), the concepts stage is open and the workshop left notes on its board. The team builds a concept on an idea and a workshop
 * note, edits it twice, compares versions, submits it as a final tender with a price,
 * withdraws and submits again; the owner sees only the count while it is sealed.
 */
const CHALLENGE = '20000000-0000-4000-8000-0000000000c1';

test('a shortlisted team builds a concept, compares versions, submits, withdraws and resubmits', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, 'lead@osaamissilta.example');
	await page.goto('/dashboard');
	await page.getByRole('link', { name: /Open.*Youth Guidance Online/ }).click();
	const panel = page.getByRole('region', { name: 'Concept' });
	await expect(panel).toContainText('Your team was shortlisted');
	await panel.getByRole('button', { name: 'Start the concept' }).click();
	await expect(page).toHaveURL(/\/concepts\/[0-9a-f-]{36}$/);
	const conceptUrl = page.url();
	// The dashboard leads to it from now on.
	await page.goto('/dashboard');
	await page.getByRole('link', { name: /Open the concept.*Youth Guidance Online/ }).click();
	await expect(page).toHaveURL(conceptUrl);
	// Save now reports "Saved" and Add a row adds one only once the page has hydrated.
	await hydrated(page);

	// First version: typed and saved (autosave, then Save now to be sure).
	await page.getByLabel('Title').fill('Guidance chat with next steps');
	await page.getByLabel('Summary').fill('A chat with counsellors for young people.');
	await page.getByLabel('Description').fill('Young people chat with a counsellor the same day.');
	await page.getByLabel('Row 1: item').fill('Design and build');
	await page.getByLabel('Row 1: euros').fill('40 000');
	await page.getByRole('button', { name: 'Save now' }).click();
	await expect(page.getByRole('status').filter({ hasText: /Saved/ })).toBeVisible();

	// A budget amount that is not one is refused in words, nothing saved.
	await page.getByRole('button', { name: 'Add a row' }).click();
	await page.getByLabel('Row 2: item').fill('Pilot');
	await page.getByLabel('Row 2: euros').fill('-5');
	await page.getByRole('button', { name: 'Save now' }).click();
	await expect(page.getByRole('status')).toContainText('not an amount in euros');
	await page.getByLabel('Row 2: euros').fill('12 500,50');
	await page.getByRole('button', { name: 'Save now' }).click();
	await expect(page.getByRole('status').filter({ hasText: /Saved/ })).toBeVisible();

	// Second edit: a sharper summary.
	await page
		.getByLabel('Summary')
		.fill('A same-day chat with counsellors for young people, in their language.');
	await page.getByRole('button', { name: 'Save now' }).click();
	await expect(page.getByRole('status').filter({ hasText: /Saved/ })).toBeVisible();

	// Lineage: an idea of the application and a note of the workshop board.
	await page.reload();
	await linkIdeaAndNote(
		page,
		'Idea 2: Guidance in games',
		'Note: Nuoret haluavat valita keskustelun kielen'
	);
	const lineage = page.locator('#lineage');
	await expect(lineage).toContainText('Idea 2');
	await expect(lineage).toContainText('Nuoret haluavat valita keskustelun kielen');
	await expect(lineage).toContainText('Ohjauksen yhteiskehittämispäivä');
	await expectAccessible(page);
	await screenshot(page, 'concept-editor');

	// Versions: every save kept (autosave may add some); the first against the latest.
	const { diff, latest } = await compareFirstWithLatest(page);
	await expect(diff.locator('ins', { hasText: 'same-day' })).toBeVisible();
	await expect(diff).toContainText('Pilot');
	await expectAccessible(page);
	await screenshot(page, 'concept-versions');

	// The idea's end of the lineage: the application shows which concept builds on it.
	await page.goto(conceptUrl);
	await page.getByRole('link', { name: 'Back to the application' }).click();
	await expect(page.getByText('A concept builds on this idea:')).toHaveCount(1);
	await expect(
		page.locator('article', { hasText: 'Guidance in games' }).getByRole('link', {
			name: 'Guidance chat with next steps'
		})
	).toBeVisible();

	// An attachment through the upload checks: a PDF by its bytes.
	await page.goto(conceptUrl);
	await page.getByLabel('Add an attachment').setInputFiles({
		name: 'pilot-plan.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('%PDF-1.4\n% pilot plan\n%%EOF\n')
	});
	await page.getByRole('button', { name: 'Upload' }).click();
	await expect(page.getByText('Attachment added.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'pilot-plan.pdf' })).toBeVisible();

	// Final tender: a price of 0 is refused at the field; then submitted, asked first.
	const tender = page.getByRole('region', { name: 'Final tender' });
	await tender.getByLabel('Price (euros, excluding VAT)').fill('0');
	await tender.getByRole('button', { name: 'Review and submit' }).click();
	await expect(fieldError(page, 'above zero')).toBeVisible();
	await tender.getByLabel('Price (euros, excluding VAT)').fill('118 000');
	await tender.getByRole('button', { name: 'Review and submit' }).click();
	await expect(tender).toContainText(`Version ${latest}`);
	await tender.getByRole('button', { name: 'Submit final tender' }).click();
	await page
		.getByRole('dialog', { name: 'Submit the final tender?' })
		.getByRole('button', { name: 'Submit final tender' })
		.click();
	await expect(page.getByRole('heading', { name: 'Final tender receipt' })).toBeVisible();
	const digest = (await page.getByTestId('tender-digest').textContent())!.trim();
	expect(digest).toMatch(/^[0-9a-f]{64}$/);
	await expect(page.getByTestId('tender-price')).toContainText('118');
	await expect(page.getByText('pilot-plan.pdf')).toBeVisible();
	const receipt = await latestMailTo('lead@osaamissilta.example', /final tender/i);
	expect(receipt.text).toContain(digest);
	await expectAccessible(page);
	await screenshot(page, 'concept-receipt');

	// Withdrawn (asked first) and submitted again before the deadline.
	await page.goto(conceptUrl);
	await tender.getByRole('button', { name: 'Withdraw final tender' }).click();
	await page
		.getByRole('dialog', { name: 'Withdraw the final tender?' })
		.getByRole('button', { name: 'Withdraw final tender' })
		.click();
	await expect(page.getByText('Final tender withdrawn.')).toBeVisible();
	await expect(tender).toContainText('Withdrawn tenders');
	await submitTender(page, '115 000');
	await page.goto(conceptUrl);
	await expect(tender).toContainText('was submitted as your final tender');
	await screenshot(page, 'concept-submitted');

	// The owner: sealed until the deadline, only the count shows.
	await signIn(page, 'owner@hel.example');
	await page.goto(`/manage/challenges/${CHALLENGE}/concepts`);
	await expect(page.getByTestId('sealed-tenders')).toContainText(
		'2 final tenders have been submitted'
	);
	await expect(page.getByRole('table')).toHaveCount(0);
	await expectAccessible(page);
	await screenshot(page, 'concept-owner-sealed');
});
