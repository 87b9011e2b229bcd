import {
	DEMO_PASSWORD,
	expect,
	expectAccessible,
	latestMailTo,
	linkIn,
	screenshot,
	signIn,
	test
} from './helpers';
import type { Page } from '@playwright/test';

// The juror's side of issue 13 ("Jurors can"): invitation, conflicts, scoring, consensus.
// The chair's part (inviting, assigning, opening the consensus step) goes through the
// chair's jury page; the jurors' scores and their visibility rules in detail are
// tests/integration/juror.test.ts.

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

/** Winter Cycling: eligible applications, no jury yet (src/lib/server/seed-jury.ts). */
const OPEN_SHORTLISTING = '20000000-0000-4000-8000-000000000008';
/** The worked example, whose jurors have all submitted (src/lib/server/seed-jury.ts). */
const SCORED = '20000000-0000-4000-8000-000000000007';

/** The owner on the chair's jury page of `challenge`: the shortlisting stage's region. */
async function chairStage(page: Page, challenge: string) {
	await signIn(page, 'owner@hel.example');
	await page.goto(`/manage/challenges/${challenge}/jury`);
	return page.getByRole('region', { name: 'Shortlisting', exact: true });
}

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

test('a juror accepts, declares, scores and revises in the consensus step', async ({ page }) => {
	test.setTimeout(240_000);
	const juror = 'juror@talkoot.example';
	let stage = await chairStage(page, OPEN_SHORTLISTING);
	await stage.getByLabel('Invite a juror by email').fill(juror);
	await stage.getByRole('button', { name: 'Send invitation' }).click();
	await expect(stage.getByRole('status').first()).toContainText(
		`An invitation was sent to ${juror}.`
	);

	// The invitation: signed out it says what and asks to sign in as the invited address.
	// In the demo juror's language (Finnish): "Kutsu haasteen … arviointiraatiin".
	const link = linkIn(await latestMailTo(juror, /jury|raati/i));
	await page.context().clearCookies();
	await page.goto(link);
	await expect(
		page.getByText(`Sign in or create an account with the address ${juror}`)
	).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'juror-invitation');
	await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
	await page.getByLabel('Email address').fill(juror);
	await page.getByLabel('Password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(link);
	const english = page.getByRole('button', { name: 'English' });
	if ((await page.locator('html').getAttribute('lang')) !== 'en') await english.click();
	await page.getByRole('button', { name: 'Accept and join the jury' }).click();
	await expect(page).toHaveURL(
		new RegExp(`/jury/${OPEN_SHORTLISTING}/shortlisting\\?notice=accepted`)
	);

	// Conflicts first: a conflict asks, and is final; none for the rest.
	const choices = page.getByRole('group', { name: /Do you have a conflict of interest/ });
	const conflicted = (await page
		.getByRole('region', { name: 'Conflicts of interest' })
		.getByRole('heading', { level: 3 })
		.first()
		.textContent())!;
	await choices.first().getByLabel('Conflict of interest').check();
	await page.getByRole('button', { name: 'Save declarations' }).click();
	const ask = page.getByRole('dialog', { name: 'Declare a conflict of interest?' });
	await expect(ask).toBeVisible();
	await expectAccessible(page);
	await ask.getByRole('button', { name: 'Yes, declare the conflict' }).click();
	await expect(page.getByText('Conflict of interest declared.')).toBeVisible();
	await page.getByRole('button', { name: 'Declare no conflict for all remaining' }).click();
	await expect(page.getByText('Your declarations are on record.')).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'juror-conflicts');

	// The chair assigns every juror every item (never the conflicted pair).
	stage = await chairStage(page, OPEN_SHORTLISTING);
	await stage.getByLabel('Every juror scores every item (default)').check();
	await stage.getByRole('button', { name: 'Assign' }).click();
	await expect(stage.getByRole('status').first()).toContainText('The items were assigned.');

	await signIn(page, juror);
	await page.goto(`/jury/${OPEN_SHORTLISTING}/shortlisting`);
	const items = page.getByRole('region', { name: 'Items assigned to you' });
	// The conflicted item is never assigned, so never opened.
	await expect(items.getByRole('link').first()).toBeVisible();
	await expect(items.getByRole('link', { name: conflicted, exact: true })).toHaveCount(0);
	await items.getByRole('link').first().click();

	// Bad input is refused in the database's words; a draft saves; submit asks first.
	const points = page.getByRole('spinbutton');
	await points.first().fill('9999');
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(
		page.getByText("Points cannot be above the criterion's maximum.").first()
	).toBeVisible();
	for (const field of await points.all()) await field.fill('1');
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.getByText('Draft saved.')).toBeVisible();
	// Submitting asks first; the server then refuses what is missing, nothing locked.
	const submit = page.getByRole('dialog', { name: 'Submit your scores?' });
	await page.getByRole('button', { name: 'Submit scores' }).click();
	await submit.getByRole('button', { name: 'Yes, submit' }).click();
	await expect(page.getByText('Write a justification for every criterion.').first()).toBeVisible();
	for (const field of await page.getByRole('textbox', { name: /Justification/ }).all()) {
		await field.fill('Clear plan, grounded in the riders’ winter routes.');
	}
	await page.getByRole('button', { name: 'Submit scores' }).click();
	await expect(submit).toBeVisible();
	await submit.getByRole('button', { name: 'Yes, submit' }).click();
	await expect(page.getByText('Your scores are submitted and locked.')).toBeVisible();
	const item = page.url().split('?')[0];
	await expectAccessible(page);

	// The consensus step: a comment and a revision with its reason, old → new on record.
	stage = await chairStage(page, OPEN_SHORTLISTING);
	await stage.getByRole('button', { name: 'Open the consensus step' }).click();
	await page
		.getByRole('dialog', { name: 'Open the consensus step?' })
		.getByRole('button', { name: 'Open', exact: true })
		.click();
	await signIn(page, juror);
	await page.goto(item);
	await page.getByRole('textbox', { name: 'Comment' }).fill('Should we weigh the pilot more?');
	await page.getByRole('button', { name: 'Post comment' }).click();
	await expect(page.getByText('Comment added.')).toBeVisible();
	await page.getByText('Revise this score').first().click();
	await page
		.getByRole('spinbutton', { name: /New points/ })
		.first()
		.fill('2');
	await page.getByRole('textbox', { name: 'Reason for the revision' }).first().fill('Discussed.');
	await page.getByRole('button', { name: 'Save the revision' }).first().click();
	await expect(page.getByText(/1 → 2 of \d+ points/)).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'juror-consensus');
});
