import {
	test,
	expect,
	expectAccessible,
	fieldError,
	finnishDayFromNow,
	hydrated,
	latestMailTo,
	linkIn,
	scheduleWorkshop,
	screenshot,
	signIn,
	tabTo
} from './helpers';

test('a facilitator schedules and runs a workshop; participants add notes and vote live', async ({
	browser
}) => {
	// Four people, three sockets, mail and several accessibility checks: 1.7 min on a quiet
	// machine, more beside other work.
	test.setTimeout(240_000);
	const fiia = await (await browser.newContext()).newPage();
	await signIn(fiia, 'facilitator@talkoot.example');
	await fiia.goto('/workshops');
	await fiia.getByRole('link', { name: 'Schedule a workshop' }).click();
	await expect(fiia).toHaveURL(/\/workshops\/new$/);
	// Named, not the newest: other tests publish challenges of their own.
	await fiia.getByLabel('Challenge', { exact: true }).selectOption({ label: 'AI Goes to Work' });
	await fiia.getByRole('button', { name: 'Choose challenge' }).click();
	await fiia.getByRole('textbox', { name: 'Title', exact: true }).fill('Co-creation day');
	await fiia.locator('#field-startsAt').fill(`${finnishDayFromNow(7)} 9.00`);
	await fiia.getByLabel('Invited experts').fill('nobody@nowhere.example');
	await expectAccessible(fiia);
	await fiia.getByRole('button', { name: 'Schedule workshop' }).click();
	await expect(fieldError(fiia, /No Talkoot account uses these addresses/)).toBeVisible();
	await fiia.getByLabel('Invited experts').fill('solver@team.example, designer@team.example');
	await fiia.getByRole('button', { name: 'Schedule workshop' }).click();
	await expect(fiia.getByText('The workshop was scheduled')).toBeVisible();
	const url = new URL(fiia.url()).pathname;
	await expect(fiia.getByText('Present now (1)')).toBeVisible();

	const sanna = await (await browser.newContext()).newPage();
	await signIn(sanna, 'solver@team.example');
	// Everyone put in the workshop was mailed an invitation; its link opens the board.
	const invitation = await latestMailTo('solver@team.example', /^Invitation: Co-creation day$/);
	expect(linkIn(invitation)).toBe(url);
	await sanna.goto(linkIn(invitation));
	await expect(sanna.getByText('Present now (2)')).toBeVisible();

	// Keyboard only: to the text, type, to the button, Enter.
	await tabTo(sanna, '#note-text');
	await sanna.keyboard.type('Skills before keywords');
	await tabTo(sanna, 'form:has(#note-text) button[type=submit]');
	await sanna.keyboard.press('Enter');
	await expect(fiia.getByText('Skills before keywords')).toBeVisible();
	await expect(fiia.getByText('By Sanna Solver', { exact: true })).toBeVisible();

	const daniel = await (await browser.newContext()).newPage();
	await signIn(daniel, 'designer@team.example');
	await daniel.goto(url);
	await expect(daniel.getByText('Skills before keywords')).toBeVisible();
	await daniel.getByLabel('Note text').fill('A coach in every chat');
	await daniel.getByLabel('Colour').selectOption('green');
	await daniel.getByRole('button', { name: 'Add note' }).click();
	await expect(sanna.getByText('A coach in every chat')).toBeVisible();

	// The challenge owner's staff (Helsinki's), not invited, watch: every note, no way to add one.
	const olli = await (await browser.newContext()).newPage();
	await signIn(olli, 'owner@hel.example');
	await olli.goto(url);
	await expect(olli.getByText('You are observing')).toBeVisible();
	await expect(olli.getByText('A coach in every chat')).toBeVisible();
	await expect(olli.getByLabel('Note text')).toHaveCount(0);
	await expectAccessible(olli);
	await screenshot(olli, 'workshop-observer');
	await olli.context().close();

	// The timer runs on the server's clock: both show the same minutes.
	await fiia.getByLabel('Timer minutes').fill('5');
	await fiia.getByRole('button', { name: 'Start timer' }).click();
	await expect(sanna.locator('.clock time')).toHaveText(/^0[45]:\d\d$/);
	await expect(fiia.locator('.clock time')).toHaveText(/^0[45]:\d\d$/);

	for (let i = 0; i < 3; i++) await fiia.getByRole('button', { name: /Next phase/ }).click();
	await expect(sanna.getByText('Dot-vote: put your dots')).toBeVisible();
	// (The live region says the same words: the status line is the one looked at here.)
	const used = sanna.locator('.status .votes');
	await expect(used).toHaveText('0 of 3 dots used');
	// Each vote button is named with its note (WCAG 2.4.6).
	const add = sanna.getByRole('button', { name: /^Add dot to “/ });
	await expect(
		sanna.getByRole('button', { name: 'Add dot to “Skills before keywords”' })
	).toBeVisible();
	for (let i = 0; i < 3; i++) {
		await add.first().click();
		await expect(used).toHaveText(`${i + 1} of 3 dots used`);
	}
	await expect(add.first()).toBeDisabled();
	await expect(add.last()).toBeDisabled();

	await fiia.getByRole('button', { name: 'Reveal results' }).click();
	await expect(sanna.getByRole('heading', { name: 'Results' })).toBeVisible();
	await expect(sanna.getByText('3 dots').first()).toBeVisible();

	await expectAccessible(sanna);
	await expectAccessible(fiia);
	await screenshot(fiia, 'workshop-facilitator');
	await screenshot(sanna, 'workshop-participant');

	const csv = await sanna.request.get(`${url}/outcome.csv`);
	expect(csv.status()).toBe(200);
	expect(await csv.text()).toContain('Skills before keywords');
	const md = await fiia.request.get(`${url}/outcome.md`);
	expect(await md.text()).toMatch(/1\. Skills before keywords \(3 dots\) — Sanna Solver/);

	// The outcome stays with the challenge: its page lists the workshop for those in it.
	await sanna.getByRole('link', { name: /^Challenge: / }).click();
	const listed = sanna.getByRole('region', { name: 'Workshops' });
	await expect(listed.getByRole('link', { name: 'Co-creation day' })).toBeVisible();
	const ours = listed.getByRole('listitem').filter({ hasText: 'Co-creation day' });
	await expect(ours.getByRole('link', { name: 'CSV' })).toBeVisible();
});

test('a facilitator starts and ends a workshop with a demo team; the ended board is read-only', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const fiia = await (await browser.newContext()).newPage();
	await signIn(fiia, 'facilitator@talkoot.example');
	// The demo teams submitted applications to AI Goes to Work, so they can be invited.
	const url = await scheduleWorkshop(fiia, 'Matching sprint', {
		teams: [/Kohtaamo Collective/],
		before: (page) => expect(page.getByRole('checkbox', { name: /Osaamissilta/ })).toBeVisible()
	});
	await expect(fiia.getByText('Status: Scheduled')).toBeVisible();

	// A team member finds it scheduled, and adds a note while the board is open.
	const sanna = await (await browser.newContext()).newPage();
	await signIn(sanna, 'solver@team.example');
	await sanna.goto('/workshops');
	const card = sanna.getByRole('listitem').filter({ hasText: 'Matching sprint' });
	await expect(card.getByText('Status: Scheduled')).toBeVisible();
	await card.getByRole('link', { name: 'Matching sprint' }).click();
	await sanna.getByLabel('Note text').fill('Skills before titles');
	await sanna.getByRole('button', { name: 'Add note' }).click();
	await expect(fiia.getByText('Skills before titles')).toBeVisible();

	// Without JavaScript: starting is a plain form; ending unconfirmed is refused and asks.
	const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await signIn(plain, 'facilitator@talkoot.example');
	await plain.goto(url);
	await plain.getByRole('button', { name: 'Start the workshop' }).click();
	await expect(plain.getByText('The workshop is live. Its start is on record.')).toBeVisible();
	await expect(plain.getByText('Status: Live now')).toBeVisible();
	await expect(plain.getByText(/^Started .+ by Fiia Fasilitaattori$/)).toBeVisible();
	await plain.getByRole('button', { name: 'End the workshop…' }).click();
	const asked = plain.getByRole('dialog', { name: 'End the workshop?' });
	await expect(asked).toBeVisible();
	await expect(asked.getByText('Confirm that you want to end the workshop')).toBeVisible();
	// (axe needs JavaScript: the same dialog is checked modal below.)
	await screenshot(plain, 'workshop-end-confirm-without-js');
	await plain.getByRole('button', { name: 'Keep it running' }).click();
	await expect(asked).toBeHidden();
	await expect(plain.getByText('Status: Live now')).toBeVisible();
	await plain.context().close();

	// Refused with a reason, never a 500: a participant, a step out of order, no confirmation.
	const post = async (page: typeof fiia, form: Record<string, string>) => {
		const response = await page.request.post(`${url}?/advance`, {
			form,
			headers: { origin: new URL(page.url()).origin, accept: 'application/json' }
		});
		return (await response.json()) as { type: string; status?: number; data?: string };
	};
	const forged = await post(sanna, { to: 'ended', confirm: 'yes' });
	expect(forged).toMatchObject({ type: 'failure', status: 403 });
	expect(forged.data).toContain('Only the workshop');
	const again = await post(fiia, { to: 'live' });
	expect(again).toMatchObject({ type: 'failure', status: 409 });
	expect(again.data).toContain('had already been started or ended');
	const back = await post(fiia, { to: 'scheduled' });
	expect(back).toMatchObject({ type: 'failure', status: 400 });
	expect(back.data).toContain('can only be started, and then ended');
	const unconfirmed = await post(fiia, { to: 'ended' });
	expect(unconfirmed).toMatchObject({ type: 'failure', status: 400 });
	expect(unconfirmed.data).toContain('Confirm that you want to end the workshop');

	// With JavaScript: a modal dialog that Escape closes, returning focus; then by keyboard.
	await fiia.reload();
	await expect(fiia.getByText('Status: Live now')).toBeVisible();
	// Before the page hydrates the button posts and the question comes back in the page,
	// not modal: it would take no focus and no Escape.
	await hydrated(fiia);
	const end = fiia.getByRole('button', { name: 'End the workshop…' });
	await end.click();
	const dialog = fiia.getByRole('dialog', { name: 'End the workshop?' });
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('button', { name: 'Keep it running' })).toBeFocused();
	await expectAccessible(fiia);
	await screenshot(fiia, 'workshop-end-dialog');
	await fiia.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(end).toBeFocused();
	await fiia.keyboard.press('Enter');
	await expect(dialog).toBeVisible();
	await fiia.keyboard.press('Shift+Tab');
	await expect(dialog.getByRole('button', { name: 'End the workshop', exact: true })).toBeFocused();
	await fiia.keyboard.press('Enter');
	await expect(fiia.getByText('The workshop has ended. Its end is on record.')).toBeVisible();
	await expect(fiia.getByText('Status: Ended')).toBeVisible();
	await expect(fiia.getByText(/^Ended .+ by Fiia Fasilitaattori$/)).toBeVisible();

	// The participant's open page learns of the end at once, without a reload.
	await expect(sanna.getByText('This workshop has ended: its boards are read-only.')).toBeVisible();
	await expect(sanna.getByRole('heading', { name: 'Add a note' })).toHaveCount(0);

	// Ended: no controls, no forms on the board; the outcome is offered first.
	for (const page of [fiia, sanna]) {
		await page.reload();
		await expect(
			page.getByText('This workshop has ended: its boards are read-only.')
		).toBeVisible();
		await expect(page.getByText('Skills before titles')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Download CSV' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Add a note' })).toHaveCount(0);
		await expect(page.getByRole('heading', { name: 'Facilitator controls' })).toHaveCount(0);
		await expect(
			page.getByRole('button', { name: /Start the workshop|End the workshop/ })
		).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Spotlight' })).toHaveCount(0);
		await expectAccessible(page);
	}
	await screenshot(fiia, 'workshop-ended-facilitator');
	await screenshot(sanna, 'workshop-ended-participant');
	const csv = await sanna.request.get(`${url}/outcome.csv`);
	expect(await csv.text()).toContain('Skills before titles');

	// The status shows in the list and on the challenge's workshop panel.
	await sanna.goto('/workshops');
	await expect(card.getByText('Status: Ended')).toBeVisible();
	await expectAccessible(sanna);
	await screenshot(sanna, 'workshops-list-status');
	await sanna.goto('/challenges/ai-goes-to-work');
	const panel = sanna.getByRole('region', { name: 'Workshops' });
	await expect(
		panel.getByRole('listitem').filter({ hasText: 'Matching sprint' }).getByText('Status: Ended')
	).toBeVisible();
});

test('negotiation boards keep teams apart; notes clustered without dragging, authors hidden, dots by keyboard', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const fiia = await (await browser.newContext()).newPage();
	await signIn(fiia, 'facilitator@talkoot.example');
	const url = await scheduleWorkshop(fiia, 'Negotiation round', {
		teams: [/Kohtaamo Collective/, /Osaamissilta/],
		negotiation: true
	});
	const boards = fiia.getByRole('navigation', { name: 'Show board' });
	await expect(boards.getByRole('link')).toHaveCount(2);
	const kohtaamoBoard = await boards
		.getByRole('link', { name: 'Kohtaamo Collective' })
		.getAttribute('href');

	// Each team works on its own board and never sees the other's, not even by address.
	const sanna = await (await browser.newContext()).newPage();
	await signIn(sanna, 'solver@team.example');
	await sanna.goto(url);
	await expect(sanna.getByRole('heading', { name: 'Board: Kohtaamo Collective' })).toBeVisible();
	await sanna.getByLabel('Note text').fill('Price by placements made');
	await sanna.getByRole('button', { name: 'Add note' }).click();
	const oona = await (await browser.newContext()).newPage();
	await signIn(oona, 'lead@osaamissilta.example');
	await oona.goto(`${url}${kohtaamoBoard}`);
	await expect(oona.getByRole('heading', { name: 'Board: Osaamissilta' })).toBeVisible();
	await oona.getByLabel('Note text').fill('A roadmap in three releases');
	await oona.getByRole('button', { name: 'Add note' }).click();
	await expect(oona.getByText('A roadmap in three releases')).toBeVisible();
	await expect(oona.getByText('Price by placements made')).toHaveCount(0);
	await expect(sanna.getByText('A roadmap in three releases')).toHaveCount(0);
	await boards.getByRole('link', { name: 'Kohtaamo Collective' }).click();
	await expect(fiia.getByText('Price by placements made')).toBeVisible();
	await expect(fiia.getByText('A roadmap in three releases')).toHaveCount(0);

	// Anonymous mode: a teammate no longer sees who wrote what; the facilitator still does.
	const daniel = await (await browser.newContext()).newPage();
	await signIn(daniel, 'designer@team.example');
	await daniel.goto(url);
	await expect(daniel.getByText('By Sanna Solver', { exact: true })).toBeVisible();
	await fiia.getByRole('button', { name: 'Hide authors' }).click();
	await expect(daniel.getByText('Author hidden')).toBeVisible();
	await expect(daniel.getByText('By Sanna Solver', { exact: true })).toHaveCount(0);
	await daniel.reload();
	await expect(daniel.getByText('Author hidden')).toBeVisible();
	await expect(fiia.getByText('By Sanna Solver', { exact: true })).toBeVisible();

	// Cluster phase: a cluster, and the note moved into it with a select, not a drag.
	const next = fiia.getByRole('button', { name: /Next phase/ });
	await next.click();
	await next.click();
	await daniel.getByLabel('Cluster name').fill('Pricing');
	await daniel.getByRole('button', { name: 'Add cluster' }).click();
	await daniel
		.getByRole('combobox', { name: 'Move to cluster' })
		.selectOption({ label: 'Pricing' });
	await daniel.getByRole('button', { name: 'Move to cluster' }).click();
	const pricing = sanna.getByRole('region', { name: /^Pricing/ });
	await expect(pricing.getByText('Price by placements made')).toBeVisible();

	// Dot-vote phase, by keyboard only: Tab to the note's "Add a dot", Enter.
	await next.click();
	const used = daniel.locator('.status .votes');
	await expect(used).toHaveText('0 of 3 dots used');
	await tabTo(daniel, 'li.note .vote button:last-of-type');
	await daniel.keyboard.press('Enter');
	await expect(used).toHaveText('1 of 3 dots used');
	await daniel.keyboard.press('Enter');
	await expect(used).toHaveText('2 of 3 dots used');
	await expectAccessible(daniel);
	await expectAccessible(oona);
	await screenshot(daniel, 'workshop-team-board-anonymous');

	// Showing the names again says what it does and asks first: it cannot be undone.
	await fiia.getByRole('button', { name: 'Reveal authors' }).click();
	const ask = fiia.getByRole('dialog', { name: 'Reveal who wrote each note?' });
	await expect(ask).toContainText('also the notes written while it was on');
	await ask.getByRole('button', { name: 'Keep authors hidden' }).click();
	await expect(ask).toBeHidden();
	await expect(daniel.getByText('Author hidden')).toBeVisible();
	await fiia.getByRole('button', { name: 'Reveal authors' }).click();
	await expectAccessible(fiia);
	await ask.getByRole('button', { name: 'Yes, reveal authors' }).click();
	await expect(daniel.getByText('By Sanna Solver', { exact: true })).toBeVisible();
	await expect(fiia.getByRole('button', { name: 'Hide authors' })).toBeVisible();
});
