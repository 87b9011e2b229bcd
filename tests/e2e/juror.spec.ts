import { expect, expectAccessible, screenshot, signIn, test } from './helpers';

// The juror's side of issue 13 ("Jurors can") beyond the whole walk of jury-flow.spec.ts:
// what a non-juror meets, and a seeded juror reading the others' scores. The jurors'
// scores and their visibility rules in detail are tests/integration/juror.test.ts.

/** The demo challenge whose applications are submitted and screened eligible. */
const CHALLENGE = '20000000-0000-4000-8000-000000000001';

test.describe('juror pages without a jury', () => {
	test('a non-juror is told in words, and the routes refuse what they do not know', async ({
		page
	}) => {
		await signIn(page, 'solver@team.example');
		await page.goto('/jury');
		await expect(page.getByRole('heading', { level: 1, name: 'Juries' })).toBeVisible();
		await expect(page.getByText('You are not on any jury yet.')).toBeVisible();
		await expectAccessible(page);

		const stage = await page.goto(`/jury/${CHALLENGE}/shortlisting`);
		expect(stage?.status()).toBe(403);
		await expect(page.getByText('You are not a juror of this stage.')).toBeVisible();

		expect((await page.goto(`/jury/${CHALLENGE}/screening`))?.status()).toBe(404);
		const item = await page.goto(`/jury/${CHALLENGE}/shortlisting/${CHALLENGE}`);
		expect(item?.status()).toBe(404);

		const unknown = await page.goto('/jury/invitations/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
		expect(unknown?.status()).toBe(404);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Invitation to a jury' })
		).toBeVisible();
		await expectAccessible(page);
	});
});

/** The worked example, whose jurors have all submitted (src/lib/server/seed-jury.ts). */
const SCORED = '20000000-0000-4000-8000-000000000007';

test('a juror who submitted reads the others’ scores, never the conflicted item', async ({
	page
}) => {
	await signIn(page, 'juror@talkoot.example');
	await page.goto('/jury');
	await page
		.getByRole('link', { name: /Shortlisting/ })
		.first()
		.click();
	await expect(page.getByRole('heading', { name: 'Conflicts of interest' })).toBeVisible();
	await expectAccessible(page);
	await page.goto(`/jury/${SCORED}/shortlisting`);
	const items = page.getByRole('region', { name: 'Items assigned to you' });
	await items.getByRole('link').first().click();
	await expect(page.getByText('You submitted your scores; they are locked.')).toBeVisible();
	await expect(page.getByText(/Juror 1: /).first()).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'juror-item-scored');
});
