import { expect, expectAccessible, hydrated, screenshot, signIn, test } from './helpers';

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
		.getByRole('link', { name: /Selection for negotiations/ })
		.first()
		.click();
	await expect(page.getByRole('heading', { name: 'Conflicts of interest' })).toBeVisible();
	await expectAccessible(page);
	await page.goto(`/jury/${SCORED}/shortlisting`);
	const items = page.getByRole('region', { name: 'Items assigned to you' });
	// Narrowed to one status, each counted (a GET form; with JavaScript it applies at once).
	await hydrated(page);
	const submitted = items.getByRole('radio', { name: /^Submitted \(\d+\)$/ });
	const label = await items
		.locator(`label[for="${await submitted.getAttribute('id')}"]`)
		.innerText();
	const n = Number(/\((\d+)\)/.exec(label)![1]);
	expect(n).toBeGreaterThan(0);
	await submitted.check();
	await expect(page).toHaveURL(/[?&]status=submitted/);
	await expect(items.getByRole('status')).toContainText(
		n === 1 ? 'One item has this status.' : `${n} items have this status.`
	);
	await expect(items.locator('ul.items > li')).toHaveCount(n);
	await expect(items.locator('ul.items .badge')).toHaveText(Array(n).fill('Submitted'));
	// An item opened from the narrowed list links back to it.
	await items.locator('ul.items a.name').first().click();
	await page.getByRole('link', { name: /^← / }).click();
	await expect(page).toHaveURL(/\/shortlisting\?status=submitted$/);
	await expect(items.locator('ul.items > li')).toHaveCount(n);
	await items.getByRole('radio', { name: /^Draft \(0\)$/ }).check();
	await expect(items.getByRole('status')).toContainText('No item has this status.');
	await expectAccessible(page);
	await screenshot(page, 'juror-items-narrowed');
	await items.getByRole('link', { name: 'Show all items' }).click();
	await expect(page).not.toHaveURL(/status=/);
	await expect(items.getByRole('radio', { name: /^All \(/ })).toBeChecked();
	await items.getByRole('link').first().click();
	await expect(page.getByText('You submitted your scores; they are locked.')).toBeVisible();
	await expect(page.getByText(/Juror 1: /).first()).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'juror-item-scored');
});
