import type { Page } from '@playwright/test';
import {
	expect,
	expectAccessible,
	latestMailTo,
	linkIn,
	screenshot,
	signIn,
	test
} from './helpers';

/**
 * Issue 16: one name for each stage, everywhere. The worked example (Employment training
 * 2020) is an innovation partnership, whose shortlisting is its selection for
 * negotiations: the juror's page, the chair's jury page, the team's result and the
 * decision document all give the stage that one name, in Finnish and in Swedish.
 */
const WORKED_EXAMPLE = '20000000-0000-4000-8000-000000000007';

const NAMES = {
	fi: { stage: 'Valinta neuvotteluihin', jury: 'Raati', result: 'Tulos', decision: 'Päätös' },
	sv: { stage: 'Urval till förhandlingar', jury: 'Jury', result: 'Resultat', decision: 'Beslut' }
} as const;

/** Signs in and reads the pages in `locale` (sign-in switches the page to English). */
async function signInReading(page: Page, email: string, locale: string, baseURL: string) {
	await signIn(page, email);
	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL }]);
}

for (const [locale, words] of Object.entries(NAMES)) {
	test(`a stage has one name on the jury and decision pages (${locale})`, async ({
		page,
		baseURL
	}) => {
		await signInReading(page, 'juror@talkoot.example', locale, baseURL!);
		await page.goto(`/jury/${WORKED_EXAMPLE}/shortlisting`);
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		await expect(page.getByRole('heading', { level: 1 })).toContainText(
			`${words.jury}: ${words.stage}`
		);
		await expectAccessible(page);
		await screenshot(page, `stage-names-juror-${locale}`);

		await signInReading(page, 'owner@hel.example', locale, baseURL!);
		await page.goto(`/manage/challenges/${WORKED_EXAMPLE}/jury`);
		await expect(page.getByRole('region', { name: words.stage, exact: true })).toBeVisible();
		await expectAccessible(page);
		await screenshot(page, `stage-names-chair-${locale}`);

		// The team's own result on its application (the decision mail's link), then the
		// decision document it links to.
		// Of the worked example (2020): other specs publish Winter Cycling's decisions too.
		const mail = await latestMailTo(
			'lead@duuni.example',
			/(Päätös julkaistu|Beslut publicerat|Decision published).*2020/
		);
		await signInReading(page, 'lead@duuni.example', locale, baseURL!);
		await page.goto(linkIn(mail));
		const result = page.getByRole('region', { name: `${words.result}: ${words.stage}` });
		await expect(result).toBeVisible();
		await page.goto((await result.locator('a[href^="/decisions/"]').getAttribute('href'))!);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			`${words.decision}: ${words.stage}`
		);
		await expectAccessible(page);
		await screenshot(page, `stage-names-decision-${locale}`);
	});
}

/** An open challenge of the demo's city (supabase/seed.sql), before any proof of concept. */
const OPEN_CHALLENGE = '20000000-0000-4000-8000-000000000001';

// The stage after selection by its procedure's one name on its pages: "Kokeilu" in an open
// challenge, "Kehitysvaihe" in an innovation partnership, never a third ("konseptin
// todentaminen"), and an open challenge's words never speak of negotiations.
test('the stage after selection is named by the procedure on its pages (fi)', async ({
	page,
	baseURL
}) => {
	await signInReading(page, 'owner@hel.example', 'fi', baseURL!);
	for (const [challenge, name, shot] of [
		[OPEN_CHALLENGE, 'Kokeilu', 'open'],
		[WORKED_EXAMPLE, 'Kehitysvaihe', 'partnership']
	] as const) {
		await page.goto(`/manage/challenges/${challenge}/proofs`);
		await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
		await expect(page.getByRole('link', { name, exact: true })).toHaveAttribute(
			'aria-current',
			'page'
		);
		await expect(page).toHaveTitle(new RegExp(`^${name} – `));
		await expect(page.locator('main')).not.toContainText(/todentami/i);
		if (shot === 'open') await expect(page.locator('main')).not.toContainText(/neuvottel/i);
		await expectAccessible(page);
		await screenshot(page, `stage-names-poc-${shot}-fi`);
	}

	// The partner's own page (read below): the steps by the partnership's stage names.
	const team = await page
		.getByRole('region', { name: 'Taitotalo Consortium' })
		.getByRole('link', { name: 'Tiimin sivu' })
		.getAttribute('href');
	// The chair's jury page of the open challenge: its selection scores concepts, never the
	// partnership's final tenders (an outside tester's report: "lopulliset tarjoukset").
	await page.goto(`/manage/challenges/${OPEN_CHALLENGE}/jury`);
	const selection = page.getByRole('region', { name: 'Valinta', exact: true });
	await expect(selection).toBeVisible();
	await expect(page.locator('main')).not.toContainText(/lopulli|tarjou|neuvottel/i);

	await signInReading(page, 'lead@taitotalo.example', 'fi', baseURL!);
	await page.goto(team!);
	await expect(
		page.getByRole('heading', { level: 2, name: 'Valinta neuvotteluihin' })
	).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Kehitysvaihe' })).toBeVisible();
	await expect(page.locator('main')).not.toContainText(/todentami/i);
	await expectAccessible(page);
	await screenshot(page, 'stage-names-poc-standing-fi');
});
