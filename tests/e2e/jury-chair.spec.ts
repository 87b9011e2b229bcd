import {
	expect,
	expectAccessible,
	latestMailTo,
	screenshot,
	signIn,
	test,
	uniqueEmail
} from './helpers';

// Issue 13, the chair's side of the jury: appoint jurors by email (the invitation mail goes
// out through the outbox), assign, follow progress, send reminders (asks first), and the
// results page, which says what is missing until jurors submit. Jurors accepting and
// scoring go through the jurors' own pages (/jury), which the scoring story will drive;
// results on submitted scores are covered by tests/integration/jury-chair.test.ts.
const AI_GOES_TO_WORK = '20000000-0000-4000-8000-000000000001';

test('the chair appoints jurors, assigns, reminds and reads the results page', async ({ page }) => {
	test.setTimeout(180_000);
	await signIn(page, 'owner@hel.example');
	await page.goto(`/manage/challenges/${AI_GOES_TO_WORK}`);
	await page.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Jury' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Jury' })).toBeVisible();
	const stage = page.getByRole('region', { name: 'Shortlisting', exact: true });
	await expect(stage).toBeVisible();

	const jurors = [uniqueEmail('juror-a'), uniqueEmail('juror-b'), uniqueEmail('juror-c')];
	for (const email of jurors) {
		await stage.getByLabel('Invite a juror by email').fill(email);
		await stage.getByRole('button', { name: 'Send invitation' }).click();
		await expect(stage.getByRole('status').first()).toContainText(
			`An invitation was sent to ${email}.`
		);
	}
	for (const email of jurors) {
		const mail = await latestMailTo(email);
		expect(mail.text).toMatch(/\/jury\/invitations\/[A-Za-z0-9_-]+/);
	}
	const roster = stage.getByRole('region', { name: /Jurors and their progress/ });
	for (const email of jurors) {
		await expect(roster.getByRole('rowheader', { name: email })).toBeVisible();
	}
	await expect(roster).toContainText('Invited, link valid until');

	// Nobody has accepted yet: assigning stores no pairs, and reminders skip open invitations.
	await stage.getByLabel('Every juror scores every item (default)').check();
	await stage.getByRole('button', { name: 'Assign' }).click();
	await expect(stage.getByRole('status').first()).toContainText('The items were assigned.');

	await stage.getByRole('button', { name: 'Send reminders' }).click();
	const dialog = page.getByRole('dialog', { name: 'Send reminders?' });
	await expect(dialog).toBeVisible();
	await expectAccessible(page);
	await dialog.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(stage.getByRole('status').first()).toContainText('A reminder was sent to 0 jurors.');
	await expect(stage.getByRole('status').first()).toContainText('invitations are not accepted yet');

	await expectAccessible(page);
	await screenshot(page, 'jury-chair');

	await stage.getByRole('link', { name: 'Results: Shortlisting' }).click();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Results: Shortlisting' })
	).toBeVisible();
	await expect(page.getByText('No submitted scores yet.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Record the decision' })).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'jury-chair-results-empty');
});

test('the chair withdraws an invitation; a link opened by another account says whom it is for', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, 'owner@hel.example');
	await page.goto(`/manage/challenges/${AI_GOES_TO_WORK}/jury`);
	const stage = page.getByRole('region', { name: 'Shortlisting', exact: true });

	// Jurors per item only matters when each item gets k jurors.
	const perItem = stage.getByLabel('Jurors per item', { exact: true });
	await stage.getByLabel('Every juror scores every item (default)').check();
	await expect(perItem).toBeHidden();
	await stage.getByLabel('A set number of jurors per item').check();
	await expect(perItem).toBeVisible();
	await stage.getByLabel('Every juror scores every item (default)').check();

	const email = uniqueEmail('wrong-juror');
	await stage.getByLabel('Invite a juror by email').fill(email);
	await stage.getByRole('button', { name: 'Send invitation' }).click();
	await expect(stage.getByRole('status').first()).toContainText(email);
	const link = (await latestMailTo(email)).text.match(/\/jury\/invitations\/[A-Za-z0-9_-]+/)![0];

	// Opened while signed in as someone else: no Accept, but whom it is for.
	await page.goto(link);
	await expect(page.getByText(`This invitation is for ${email}`)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Accept and join the jury' })).toHaveCount(0);
	await expect(page.locator('#main').getByRole('button', { name: 'Sign out' })).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'jury-invitation-other-account');

	await page.goto(`/manage/challenges/${AI_GOES_TO_WORK}/jury`);
	const row = stage.getByRole('row').filter({ has: page.getByRole('rowheader', { name: email }) });
	await row.getByRole('button', { name: 'Withdraw invitation' }).click();
	const dialog = page.getByRole('dialog', { name: 'Withdraw the invitation?' });
	await expect(dialog).toContainText(email);
	await dialog.getByRole('button', { name: 'Withdraw', exact: true }).click();
	await expect(stage.getByRole('status').first()).toContainText(
		`The invitation to ${email} was withdrawn.`
	);
	await expect(stage.getByRole('rowheader', { name: email })).toHaveCount(0);
	await stage.getByText(/Withdrawn invitations/).click();
	await expect(stage.getByText(new RegExp(`${email}: invited .*, withdrawn`))).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'jury-chair-withdrawn');

	await page.goto(link);
	await expect(page.getByText("The challenge's team has withdrawn this invitation.")).toBeVisible();
});

// Issue 16, items 1 and 2: a second address the browser would have refused in its own
// words left "invitation sent" on screen, and the chair could appoint herself.
test('a new entry clears the last notice; the server says why an address or the chair is refused', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, 'owner@hel.example');
	await page.goto(`/manage/challenges/${AI_GOES_TO_WORK}/jury`);
	const stage = page.getByRole('region', { name: 'Selection', exact: true });
	const field = stage.getByLabel('Invite a juror by email');
	const send = stage.getByRole('button', { name: 'Send invitation' });
	const email = uniqueEmail('first-juror');
	await field.fill(email);
	await send.click();
	const sent = stage.getByRole('status').filter({ hasText: 'An invitation was sent' });
	await expect(sent).toContainText(email);

	// Typing the next address is a new entry: the last one's notice goes.
	await field.fill('jürgen@example.fi');
	await expect(sent).toHaveCount(0);
	// The browser does not stop it in its own words: the server says why, in the page's.
	await send.click();
	await expect(stage.getByRole('alert')).toContainText('The part before the @');
	await expect(sent).toHaveCount(0);

	await field.fill('owner@hel.example');
	await send.click();
	await expect(stage.getByRole('alert')).toContainText('This person chairs the challenge');
	await expect(stage.getByRole('row', { name: /owner@hel\.example/ })).toHaveCount(0);
	await screenshot(page, 'jury-invite-refused');
});
