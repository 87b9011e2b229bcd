import { formatFinnishDateTime } from '../../src/lib/domain/finnish-datetime';
import {
	expect,
	expectAccessible,
	fieldError,
	latestMailTo,
	screenshot,
	signIn,
	test
} from './helpers';

// AI Goes to Work (City of Helsinki): owner@hel.example chairs its team, two demo teams
// have submitted; it is an open challenge that opted out of sealing.
const AI_GOES_TO_WORK = '20000000-0000-4000-8000-000000000001';
// Two browsers signing in, three accessibility passes and mails: 30 s on a quiet machine,
// more than a minute beside the chain on CI's two cores.
test.describe.configure({ timeout: 150_000 });
const DAY = 86_400_000;
const helsinkiLocal = (ms: number) => formatFinnishDateTime(new Date(Date.now() + ms));

test('the applications deadline: shortening to "in two minutes" is refused, a valid shortening asks first and mails every applicant team', async ({
	page
}) => {
	await signIn(page, 'owner@hel.example');
	await page.goto(`/manage/challenges/${AI_GOES_TO_WORK}/timetable`);
	await expect(
		page.getByText('can be shortened only to a time at least 7 days from now')
	).toBeVisible();
	const stage = page.getByRole('group', { name: 'Applications (required)' });
	const reason = page.getByLabel('Reason for the change');

	// The Helsinki case: from the planned date to "in two minutes" (the market dialogue
	// closing too, so that the timetable itself is in order).
	const dialogueEnds = page.getByRole('group', { name: 'Market dialogue' }).getByLabel('Ends');
	const plannedDialogueEnd = await dialogueEnds.inputValue();
	await dialogueEnds.fill(helsinkiLocal(60_000));
	await stage.getByLabel('Ends').fill(helsinkiLocal(2 * 60_000));
	// The form says so as soon as it is typed, and the server refuses it on saving.
	await expect(page.getByTestId('deadline-live')).toContainText('can be shortened only');
	await reason.fill('Enough applications already.');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(stage.getByText('can be shortened only to a time at least')).toBeVisible();
	await expectAccessible(page);

	// Twenty days ahead: allowed, but the form warns and asks for a confirmation first.
	const newEnd = helsinkiLocal(20 * DAY);
	await dialogueEnds.fill(plannedDialogueEnd);
	await stage.getByLabel('Ends').fill(newEnd);
	await expect(page.getByTestId('deadline-live')).toContainText('This shortens');
	await reason.fill('The budget year ends earlier than planned.');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByTestId('shorten-warning')).toContainText(
		'You are shortening the applications deadline'
	);
	await expectAccessible(page);
	await screenshot(page, 'procurement-deadline-warning');
	await page.getByLabel('I have checked the new deadline: shorten it').check();
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('recorded as a public amendment');
	await expect(stage.getByLabel('Ends')).toHaveValue(newEnd);

	// Every member of both applicant teams is mailed, not only followers.
	for (const address of [
		'solver@team.example',
		'designer@team.example',
		'lead@osaamissilta.example',
		'coach@osaamissilta.example'
	]) {
		const mail = await latestMailTo(address, /^(Amendment|Muutos|Ändring): /);
		expect(mail.text, address).toContain('The budget year ends earlier than planned.');
	}

	// The amendment is public, in the owner's name.
	await page.goto('/challenges/ai-goes-to-work');
	await expect(page.getByText('The budget year ends earlier than planned.')).toBeVisible();
});

// Youth Guidance Online (src/lib/server/seed-concepts.ts), an innovation partnership:
// requests to participate closed 30 days ago and were opened; final tenders are due in 30.
const YOUTH_GUIDANCE = '20000000-0000-4000-8000-0000000000c1';

// Winter Cycling (src/lib/server/seed-jury.ts), an open challenge: its teams hand in
// concepts, no tenders, and its timetable's deadline rule says so.
test('an open challenge’s concepts deadline is never called a final tenders deadline', async ({
	page
}) => {
	await signIn(page, 'owner@hel.example');
	await page.goto('/manage/challenges/20000000-0000-4000-8000-000000000008/timetable');
	await expect(page.locator('#deadline-rule')).toContainText(
		'the concepts deadline (the end of the concepts stage)'
	);
	await expect(page.getByText(/final tender/i)).toHaveCount(0);
});

test('every submission deadline: final tenders not due in an hour, a passed deadline not moved; nothing changes', async ({
	page
}) => {
	await signIn(page, 'owner@hel.example');
	const timetable = `/manage/challenges/${YOUTH_GUIDANCE}/timetable`;
	await page.goto(timetable);
	const requests = page.getByRole('group', { name: 'Requests to participate (required)' });
	const tenders = page.getByRole('group', { name: 'Final tenders' });
	const plannedRequestsEnd = await requests.getByLabel('Ends').inputValue();
	const plannedTendersEnd = await tenders.getByLabel('Ends').inputValue();
	const reason = page.getByLabel('Reason for the change');
	const save = () => page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(
		page.getByText('the final tenders deadline (the end of the concepts stage)')
	).toBeVisible();

	// The final tenders deadline in an hour: said as it is typed, refused on saving.
	await tenders.getByLabel('Ends').fill(helsinkiLocal(3_600_000));
	await expect(page.getByTestId('deadline-live-concepts')).toContainText(
		'The final tenders deadline can be shortened only'
	);
	await reason.fill('Enough tenders already.');
	await save();
	await expect(
		fieldError(tenders, 'The final tenders deadline can be shortened only')
	).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'deadlines-final-tenders-too-soon');

	// The requests deadline has passed: moving it later is refused (the rest of this
	// timetable lies in the past too; reopening it into the future is refused the same way,
	// tests/integration/submission-deadlines.test.ts).
	await tenders.getByLabel('Ends').fill(plannedTendersEnd);
	await requests.getByLabel('Ends').fill(helsinkiLocal(-26 * DAY));
	await expect(page.getByTestId('deadline-live-applications')).toContainText('has already passed');
	await reason.fill('One more team asked to take part.');
	await save();
	await expect(
		fieldError(requests, 'The applications deadline has already passed and can no longer be moved')
	).toBeVisible();
	await expect(fieldError(tenders, /./)).toHaveCount(0);
	await expectAccessible(page);
	await screenshot(page, 'deadlines-passed-refused');

	// Nothing changed: the timetable as it was, and no amendment on the public page.
	await page.goto(timetable);
	await expect(requests.getByLabel('Ends')).toHaveValue(plannedRequestsEnd);
	await expect(tenders.getByLabel('Ends')).toHaveValue(plannedTendersEnd);
	await page.goto('/challenges/youth-guidance-online');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Youth Guidance Online');
	await expect(page.getByText('One more team asked to take part.')).toHaveCount(0);
	await expect(page.getByText('Enough tenders already.')).toHaveCount(0);
});

test('the challenge team: only its members see the applications; the chair adds and removes them', async ({
	browser
}) => {
	const memberContext = await browser.newContext();
	const member = await memberContext.newPage();
	await signIn(member, 'member@hel.example');
	const applications = `/manage/challenges/${AI_GOES_TO_WORK}/applications`;
	await member.goto(applications);
	await expect(member.getByText('No applications have been submitted yet.')).toBeVisible();
	await expect(member.getByText('Only the challenge team sees')).toBeVisible();
	// Exports are the team's too.
	const csv = await member.request.get(`${applications}/applications.csv`);
	expect(csv.status()).toBe(404);

	const ownerContext = await browser.newContext();
	const owner = await ownerContext.newPage();
	await signIn(owner, 'owner@hel.example');
	await owner.goto(`/manage/challenges/${AI_GOES_TO_WORK}/team`);
	await expect(owner.getByRole('heading', { name: 'Challenge team', level: 2 })).toBeVisible();
	const rows = owner.getByRole('row');
	await expect(rows.filter({ hasText: 'Olli Omistaja' })).toContainText('Chair');
	await expect(rows.filter({ hasText: 'Minna Member' })).toHaveCount(0);
	await expectAccessible(owner);
	await screenshot(owner, 'procurement-challenge-team');

	// By keyboard: choose the person and add.
	await owner.getByLabel('Person').selectOption({ label: 'Minna Member (member@hel.example)' });
	await owner.getByLabel('Person').press('Tab');
	await owner.getByRole('button', { name: 'Add to the team' }).focus();
	await owner.keyboard.press('Enter');
	await expect(owner.getByRole('status')).toHaveText('Minna Member was added to the team.');
	await expect(rows.filter({ hasText: 'Minna Member' })).toContainText('Member');

	await member.reload();
	await expect(member.getByRole('link', { name: 'Kohtaamo Collective' })).toBeVisible();

	// Removing asks first; cancelling keeps her.
	await owner.getByRole('button', { name: 'Remove Minna Member from the team' }).click();
	await expect(
		owner.getByRole('heading', { name: /Remove Minna Member from the challenge team/ })
	).toBeVisible();
	await expectAccessible(owner);
	await screenshot(owner, 'procurement-challenge-team-remove');
	await owner.getByRole('link', { name: 'Cancel' }).click();
	await expect(rows.filter({ hasText: 'Minna Member' })).toHaveCount(1);
	await owner.getByRole('button', { name: 'Remove Minna Member from the team' }).click();
	await owner.getByRole('button', { name: 'Yes, remove' }).click();
	await expect(owner.getByRole('status')).toHaveText('Minna Member was removed from the team.');
	await expect(rows.filter({ hasText: 'Minna Member' })).toHaveCount(0);

	await member.reload();
	await expect(member.getByText('No applications have been submitted yet.')).toBeVisible();
	// A member who is not the chair or an owner manages nothing.
	await member.goto(`/manage/challenges/${AI_GOES_TO_WORK}/team`);
	await expect(member.getByRole('button', { name: 'Add to the team' })).toHaveCount(0);
	await expect(
		member.getByText('Only the chair or an owner of the organisation manages the team.')
	).toBeVisible();
	await expectAccessible(member);
	await memberContext.close();
	await ownerContext.close();
});
