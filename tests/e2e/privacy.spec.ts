import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, expectAccessible, screenshot, signIn, test } from './helpers';

// Issue 15, Privacy: "Download my data" (GDPR Art. 15 and 20) and the privacy notice.

const SOLVER = 'solver@team.example';

test('a solver reads what is kept about them and downloads it as a ZIP', async ({ page }) => {
	await signIn(page, SOLVER);
	await page.goto('/account');
	await page.getByRole('link', { name: 'Download my data' }).click();
	await expect(page).toHaveURL(/\/account\/data$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Download my data');
	const workHistory = page.getByRole('region', { name: 'Work history' });
	await expect(workHistory).toContainText('Why');
	await expect(workHistory).toContainText('work_history.json');
	await expect(page.getByRole('region', { name: 'Security log' })).toContainText('24 months');
	await expectAccessible(page);
	await screenshot(page, 'account-data');

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download my data (ZIP)' }).click();
	const archive = await download;
	expect(archive.suggestedFilename()).toMatch(/^talkoot-data-\d{4}-\d\d-\d\d\.zip$/);
	const files = unzipSync(readFileSync((await archive.path())!));
	const readme = strFromU8(files['README.txt']);
	expect(readme).toContain('Talkoot: your data');
	expect(readme).toContain(SOLVER);
	expect(readme).toContain('- work_history.json:');
	const profile = JSON.parse(strFromU8(files['profile.json']));
	expect(profile.profiles[0].email).toBe(SOLVER);
	const teams = JSON.parse(strFromU8(files['teams.json']));
	expect(teams.teams_i_belong_to.length).toBeGreaterThan(0);
	// The log's entries about them (a sign-in is recorded once the audit helper's wiring lands).
	expect(Array.isArray(JSON.parse(strFromU8(files['security.json'])).audit_log)).toBe(true);
	// Their uploads are in files/, each named as their rows name it.
	const work = JSON.parse(strFromU8(files['work_history.json']));
	for (const entry of work.work_entries as { evidence_file: string | null }[])
		if (entry.evidence_file)
			expect(files[`files/${entry.evidence_file}`]?.byteLength).toBeGreaterThan(0);
	// The page is still there, the download was a file, not a navigation.
	await expect(page).toHaveURL(/\/account\/data$/);
});

test('without JavaScript the download works too', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
	const page = await context.newPage();
	await signIn(page, 'juror2@hel.example');
	await page.goto('/account/data');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download my data (ZIP)' }).click();
	const files = unzipSync(readFileSync((await (await download).path())!));
	expect(Object.keys(files)).toContain('README.txt');
	expect(JSON.parse(strFromU8(files['jury.json'])).category).toBe('jury');
	await context.close();
});

const NOTICE = {
	fi: { title: 'Tietosuojaseloste', ombudsman: 'tietosuojavaltuutetun', footer: 'Tietosuoja' },
	sv: { title: 'Dataskyddsbeskrivning', ombudsman: 'dataombudsmannens', footer: 'Dataskydd' },
	en: { title: 'Privacy notice', ombudsman: 'Data Protection Ombudsman', footer: 'Privacy' }
} as const;

for (const [locale, words] of Object.entries(NOTICE)) {
	test(`the privacy notice reads in ${locale}`, async ({ page, context, baseURL }) => {
		await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL! }]);
		await page.goto('/');
		await page.getByRole('contentinfo').getByRole('link', { name: words.footer }).click();
		await expect(page).toHaveURL(/\/privacy$/);
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(words.title);
		await expect(page.getByText(words.ombudsman, { exact: false })).toBeVisible();
		await expect(page.locator('a[href="/account/data"]')).toBeVisible();
		await expect(page.locator('a[href="/account/erase"]')).toBeVisible();
		await expect(page.locator('a[href^="mailto:"]')).toHaveCount(2);
		await expectAccessible(page);
		await screenshot(page, `privacy-${locale}`);
	});
}

test('sign-up links the privacy notice', async ({ page }) => {
	await page.goto('/auth/sign-up');
	await page.getByRole('main').getByRole('link', { name: 'Privacy notice' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy notice');
});
