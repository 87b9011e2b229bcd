import { expect, expectAccessible, signIn, test } from './helpers';

test('a platform admin creates an organisation and adds members', async ({ page }) => {
	await signIn(page, 'admin@talkoot.example');
	await page.getByRole('link', { name: 'Administration' }).click();
	await expect(page.getByRole('heading', { name: 'Administration', level: 1 })).toBeVisible();

	const name = `Tampereen kaupunki ${Date.now()}`;
	await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
	await page.getByLabel('Business ID').fill('0211675-3');
	await page.getByRole('button', { name: 'Create organisation' }).click();
	await expect(page.getByText('This is not a valid Finnish business ID')).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(name);
	await expectAccessible(page);

	await page.getByLabel('Business ID').fill('0211675-2');
	await page.getByLabel('Website').fill('https://www.tampere.fi');
	await page.getByRole('button', { name: 'Create organisation' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	await expect(page).toHaveURL(/\/organisations\/tampereen-kaupunki-\d+$/);

	await page.getByLabel('Email address').fill('nobody-here@e2e.example');
	await page.getByRole('button', { name: 'Add member' }).click();
	await expect(page.getByText('No Talkoot account uses this email address.')).toBeVisible();

	await page.getByLabel('Email address').fill('juror@talkoot.example');
	await page.getByLabel('Role').selectOption('owner');
	await page.getByRole('button', { name: 'Add member' }).click();
	await expect(page.getByRole('status')).toHaveText('juror@talkoot.example is now a member.');
	const row = page.getByRole('row', { name: /Juho Juror/ });
	await expect(row).toContainText('Owner');
	await expectAccessible(page);
});

test('owners manage their members; outsiders see no member list and no administration', async ({
	browser
}) => {
	const owner = await (await browser.newContext()).newPage();
	await signIn(owner, 'owner@aalto.example');
	await owner.goto('/organisations/aalto-university');
	await owner.getByLabel('Email address').fill('facilitator@talkoot.example');
	await owner.getByRole('button', { name: 'Add member' }).click();
	await expect(owner.getByRole('row', { name: /Fiia Fasilitaattori/ })).toContainText('Member');
	await owner
		.getByRole('row', { name: /Fiia Fasilitaattori/ })
		.getByRole('button', { name: /Remove/ })
		.click();
	await expect(owner.getByRole('status')).toHaveText('The member was removed.');
	await expect(owner.getByRole('row', { name: /Fiia Fasilitaattori/ })).toHaveCount(0);

	const outsider = await (await browser.newContext()).newPage();
	await signIn(outsider, 'solver@team.example');
	await outsider.goto('/organisations/aalto-university');
	await expect(outsider.getByRole('heading', { name: 'Members' })).toHaveCount(0);
	const response = await outsider.goto('/admin');
	expect(response?.status()).toBe(403);
	await expect(outsider.getByRole('heading', { level: 1 })).toHaveText(
		'You do not have permission to do this.'
	);
});

test('accessibility feedback lands in the database and admins read it', async ({ page }) => {
	await page.goto('/accessibility');
	await page.getByRole('button', { name: 'Send feedback' }).click();
	await expect(page.getByText('This field is required.')).toBeVisible();
	const message = `The focus ring is hard to see on the blue bar (${Date.now()})`;
	await page.getByLabel('Your feedback').fill(message);
	await page.getByLabel('Page or feature').fill('/organisations');
	await page.getByRole('button', { name: 'Send feedback' }).click();
	await expect(page.getByRole('status')).toHaveText('Thank you. Your feedback was received.');

	await signIn(page, 'admin@talkoot.example');
	await page.goto('/admin');
	await expect(page.getByText(message)).toBeVisible();
});
