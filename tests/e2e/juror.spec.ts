import {
	DEMO_PASSWORD,
	expect,
	expectAccessible,
	latestMailTo,
	linkIn,
	signIn,
	test
} from './helpers';
import type { Page } from '@playwright/test';

// The juror's side of issue 13 ("Jurors can"): invitation, conflicts, scoring, consensus.
// The chair's part (inviting, assigning, opening the consensus step) is the chair's page,
// built on another branch: the walk-through below waits for it (see `chair`), and the
// juror pages are covered meanwhile by tests/integration/juror.test.ts and the refusals
// that need no jury here.

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

/**
 * The chair's steps, through the chair's jury page once it exists (i13-chair): invite an
 * address to the shortlisting jury, assign every juror every item, open the consensus step.
 */
const chair = {
	async invite(_page: Page, _email: string): Promise<void> {
		throw new Error('the chair’s jury page is not on this branch yet');
	},
	async assignEveryone(_page: Page): Promise<void> {
		throw new Error('the chair’s jury page is not on this branch yet');
	},
	async openConsensus(_page: Page): Promise<void> {
		throw new Error('the chair’s jury page is not on this branch yet');
	}
};

test('a juror accepts, declares, scores and revises in the consensus step', async ({ page }) => {
	test.fixme(true, 'needs the chair’s jury page (issue 13, i13-chair) to invite and assign');
	test.setTimeout(180_000);
	const juror = 'juror@talkoot.example';
	await signIn(page, 'owner@hel.example');
	await chair.invite(page, juror);

	// The invitation: signed out it says what and asks to sign in as the invited address.
	const link = linkIn(await latestMailTo(juror, /jury/i));
	await page.context().clearCookies();
	await page.goto(link);
	await expect(
		page.getByText(`Sign in or create an account with the address ${juror}`)
	).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Sign in' }).click();
	await page.getByLabel('Email address').fill(juror);
	await page.getByLabel('Password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(link);
	await page.getByRole('button', { name: 'Accept and join the jury' }).click();
	await expect(page).toHaveURL(new RegExp(`/jury/${CHALLENGE}/shortlisting\\?notice=accepted`));

	// Conflicts first: a conflict asks, and is final.
	await page
		.getByRole('group', { name: /Osaamissilta/ })
		.getByLabel('Conflict of interest')
		.check();
	await page.getByRole('button', { name: 'Save declarations' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Yes, declare the conflict' }).click();
	await expect(page.getByText('Conflict of interest declared.')).toBeVisible();
	await page.getByRole('button', { name: 'Declare no conflict for all remaining' }).click();
	await expect(page.getByText('Your declarations are on record.')).toBeVisible();
	await expectAccessible(page);

	await signIn(page, 'owner@hel.example');
	await chair.assignEveryone(page);
	await signIn(page, juror);
	await page.goto(`/jury/${CHALLENGE}/shortlisting`);
	await page.getByRole('link', { name: 'Kohtaamo Collective' }).click();

	// Bad input is refused in the database's words; a draft saves; submit asks first.
	const points = page.getByRole('spinbutton');
	await points.first().fill('99');
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(
		page.getByText("Points cannot be above the criterion's maximum.").first()
	).toBeVisible();
	await points.first().fill('14.5');
	await points.nth(1).fill('7');
	for (const field of await page.getByRole('textbox', { name: /Justification/ }).all()) {
		await field.fill('Clear plan, grounded in the coaches’ work.');
	}
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.getByText('Draft saved.')).toBeVisible();
	await page.getByRole('button', { name: 'Submit scores' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Yes, submit' }).click();
	await expect(page.getByText('Your scores are submitted and locked.')).toBeVisible();
	await expectAccessible(page);

	await signIn(page, 'owner@hel.example');
	await chair.openConsensus(page);
	await signIn(page, juror);
	await page.goto(`/jury/${CHALLENGE}/shortlisting`);
	await page.getByRole('link', { name: 'Kohtaamo Collective' }).click();
	await page.getByRole('textbox', { name: 'Comment' }).fill('The pilot is convincing.');
	await page.getByRole('button', { name: 'Post comment' }).click();
	await expect(page.getByText('Comment added.')).toBeVisible();
	await page.getByText('Revise this score').first().click();
	await page
		.getByRole('spinbutton', { name: /New points/ })
		.first()
		.fill('16');
	await page.getByRole('textbox', { name: 'Reason for the revision' }).first().fill('Discussed.');
	await page.getByRole('button', { name: 'Save the revision' }).first().click();
	await expect(page.getByText(/14\.5 → 16 of 20 points/)).toBeVisible();
	await expectAccessible(page);
});
