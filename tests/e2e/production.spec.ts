import { DEMO_LEADS } from './demo-leads';
import { expect, expectAccessible, screenshot, signIn, test } from './helpers';
import { monthFromNow, monthName, reportByKeyboard } from './production-steps';

/**
 * The production phase's result-based bonus (issue 14) on the innovation partnership demo
 * (Employment training 2020): the partner the go/no-go decision continued (the poc seed)
 * reports two months before the seeded nine, keyboard only; the owner confirms one and
 * disputes the other; the partner corrects it; the bonus, the progress and the charts show.
 * The partner's lead is found by the team's name on the owner's page.
 */
const CHALLENGE = '20000000-0000-4000-8000-000000000007';
const OWNER = 'owner@hel.example';

test('a partner reports, the owner confirms and disputes, the partner corrects; the results show', async ({
	page
}) => {
	test.setTimeout(180_000);
	await signIn(page, OWNER);
	await page.goto(`/manage/challenges/${CHALLENGE}/production`);
	await expect(page.getByRole('heading', { name: 'Outcome categories' })).toBeVisible();
	const partnerLink = page.getByRole('link', { name: 'Results and charts' }).first();
	// The partner comes from the go/no-go decision of the poc seed (run before
	// src/lib/server/seed-production.ts); without it there is nobody to report.
	test.skip(
		(await partnerLink.count()) === 0,
		'no partner in production in the demo data: the go/no-go seed has not run'
	);
	await expect(page.getByText('Employment contract until further notice')).toBeVisible();
	const href = (await partnerLink.getAttribute('href'))!;
	const team = (await page.locator('article.partner h4').first().textContent())!.trim();
	const lead = DEMO_LEADS[team];
	expect(lead, `the lead of ${team}`).toBeTruthy();

	// The partner: two months before the seeded nine, keyboard only.
	const [older, old] = [monthFromNow(-11), monthFromNow(-10)];
	await signIn(page, lead);
	await page.goto(`${href}/report?month=${older}`);
	await expect(page.getByRole('heading', { name: monthName(older) })).toBeVisible();
	// 14 started, 5 progressed, then the six categories: 1 permanent, 2 vocational.
	await reportByKeyboard(page, [14, 5, 1, 0, 0, 0, 0, 2]);
	await expect(page).toHaveURL(new RegExp(`${href}\\?sent=`));
	await expect(page.getByText(`Report sent for ${monthName(older)}.`)).toBeVisible();

	// Bad input through the form: a negative count and a future month, refused in words.
	await page.goto(`${href}/report?month=${old}`);
	await reportByKeyboard(page, [10, -3]);
	await expect(page.getByText('A count cannot be negative.')).toBeVisible();
	await page.goto(`${href}/report?month=${monthFromNow(1)}`);
	await reportByKeyboard(page, [1, 0]);
	await expect(page.getByText('A future month cannot be reported')).toBeVisible();

	await page.goto(`${href}/report?month=${old}`);
	await expect(page.getByRole('heading', { name: monthName(old) })).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'production-report');
	await reportByKeyboard(page, [12, 4, 2, 1, 0, 0, 0, 0]);
	await expect(page).toHaveURL(new RegExp(`${href}\\?sent=`));

	// The owner confirms the older month (asked first) and disputes the other.
	await signIn(page, OWNER);
	await page.goto(`/manage/challenges/${CHALLENGE}/production`);
	await page.getByRole('button', { name: `Confirm ${monthName(older)}` }).click();
	const dialog = page.getByRole('dialog');
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Confirm' }).click();
	await expect(page.getByText('The month is confirmed and locked.')).toBeVisible();
	await page.getByText(`Dispute ${monthName(old)}`).click();
	const row = page.locator('tr', { hasText: monthName(old) });
	await row
		.getByLabel('What is wrong in the report')
		.fill('One of the permanent contracts is a trial period.');
	await row.getByRole('button', { name: 'Send dispute' }).click();
	await expect(page.getByText('The report is disputed; the partner can correct it.')).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'production-owner');

	// The partner reads the dispute and corrects the month as version 2.
	await signIn(page, lead);
	await page.goto(href);
	await page.getByRole('link', { name: `Correct ${monthName(old)}` }).click();
	await expect(page.getByText('One of the permanent contracts is a trial period.')).toBeVisible();
	await expect(page.getByText('Sending saves a correction as version 2.')).toBeVisible();
	await reportByKeyboard(page, [12, 4, 1, 2, 0, 0, 0, 0]);
	await expect(page).toHaveURL(new RegExp(`${href}\\?sent=`));
	// A confirmed month is locked: its form says so instead.
	await page.goto(`${href}/report?month=${older}`);
	await expect(page.getByText('This month is confirmed and locked')).toBeVisible();

	// The results: bonus, progress, share, three charts each with its table; the CSV.
	await page.goto(href);
	await expect(page.getByRole('heading', { name: 'Key figures' })).toBeVisible();
	await expect(page.locator('figure svg[role="img"]')).toHaveCount(3);
	await expect(page.locator('figure table')).toHaveCount(3);
	await expect(page.getByRole('figure', { name: 'Outcomes per month by category' })).toContainText(
		monthName(old)
	);
	await expect(page.locator('progress')).toHaveCount(2);
	await expect(page.getByText('version 2').first()).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'production-results');
	// Each chart with its table, close up, at both widths: to look at.
	for (const width of [375, 1440]) {
		await page.setViewportSize({ width, height: 900 });
		for (const [i, figure] of (await page.locator('figure.chart').all()).entries())
			await figure.screenshot({
				path: `test-results/screenshots/production-chart${i + 1}-${width}.png`
			});
	}
	const csv = await page.request.get(`${href}/results.csv`);
	expect(csv.status()).toBe(200);
	const text = await csv.text();
	expect(text).toContain(older);
	expect(text).toContain('Employment contract until further notice');
});

test('the report form and the owner page are closed to others', async ({ page }) => {
	await signIn(page, 'solver@team.example');
	const owner = await page.goto(`/manage/challenges/${CHALLENGE}/production`);
	expect(owner?.status()).toBe(404);
});
