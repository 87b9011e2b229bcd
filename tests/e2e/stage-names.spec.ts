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
