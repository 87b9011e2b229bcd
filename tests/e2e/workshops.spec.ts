import { test, expect, expectAccessible, screenshot, signIn, tabTo } from './helpers';

test('a facilitator schedules and runs a workshop; participants add notes and vote live', async ({
	browser
}) => {
	const fiia = await (await browser.newContext()).newPage();
	await signIn(fiia, 'facilitator@talkoot.example');
	await fiia.goto('/workshops');
	await fiia.getByRole('link', { name: 'Schedule a workshop' }).click();
	await fiia.getByRole('button', { name: 'Choose challenge' }).click();
	await fiia.getByRole('textbox', { name: 'Title', exact: true }).fill('Co-creation day');
	await fiia.locator('#field-startsAt').fill('2026-12-01T09:00');
	await fiia.getByLabel('Invited experts').fill('nobody@nowhere.example');
	await expectAccessible(fiia);
	await fiia.getByRole('button', { name: 'Schedule workshop' }).click();
	await expect(fiia.getByText('No Talkoot account uses these addresses')).toBeVisible();
	await fiia.getByLabel('Invited experts').fill('solver@team.example, designer@team.example');
	await fiia.getByRole('button', { name: 'Schedule workshop' }).click();
	await expect(fiia.getByText('The workshop was scheduled')).toBeVisible();
	const url = new URL(fiia.url()).pathname;
	await expect(fiia.getByText('Present now (1)')).toBeVisible();

	const sanna = await (await browser.newContext()).newPage();
	await signIn(sanna, 'solver@team.example');
	await sanna.goto('/workshops');
	await sanna.getByRole('link', { name: 'Co-creation day' }).first().click();
	await expect(sanna.getByText('Present now (2)')).toBeVisible();

	// Keyboard only: to the text, type, to the button, Enter.
	await tabTo(sanna, '#note-text');
	await sanna.keyboard.type('Skills before keywords');
	await tabTo(sanna, 'form:has(#note-text) button[type=submit]');
	await sanna.keyboard.press('Enter');
	await expect(fiia.getByText('Skills before keywords')).toBeVisible();
	await expect(fiia.getByText('By Sanna Solver')).toBeVisible();

	const daniel = await (await browser.newContext()).newPage();
	await signIn(daniel, 'designer@team.example');
	await daniel.goto(url);
	await expect(daniel.getByText('Skills before keywords')).toBeVisible();
	await daniel.getByLabel('Note text').fill('A coach in every chat');
	await daniel.getByLabel('Colour').selectOption('green');
	await daniel.getByRole('button', { name: 'Add note' }).click();
	await expect(sanna.getByText('A coach in every chat')).toBeVisible();

	// The timer runs on the server's clock: both show the same minutes.
	await fiia.getByLabel('Timer minutes').fill('5');
	await fiia.getByRole('button', { name: 'Start timer' }).click();
	await expect(sanna.locator('.clock time')).toHaveText(/^0[45]:\d\d$/);
	await expect(fiia.locator('.clock time')).toHaveText(/^0[45]:\d\d$/);

	for (let i = 0; i < 3; i++) await fiia.getByRole('button', { name: /Next phase/ }).click();
	await expect(sanna.getByText('Dot-vote: put your dots')).toBeVisible();
	await expect(sanna.getByText('0 of 3 dots used')).toBeVisible();
	const add = sanna.getByRole('button', { name: 'Add a dot' });
	for (let i = 0; i < 3; i++) {
		await add.first().click();
		await expect(sanna.getByText(`${i + 1} of 3 dots used`)).toBeVisible();
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
	await expect(listed.getByRole('link', { name: 'CSV' })).toBeVisible();
});
