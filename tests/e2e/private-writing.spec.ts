// Issue 12, facilitator: private writing. The facilitator turns it on by keyboard; each
// person then sees only their own notes and a badge saying so; the reveal asks first and
// then shows every note at once, said in the live region with its count.
import type { Page } from '@playwright/test';
import {
	test,
	expect,
	expectAccessible,
	scheduleWorkshop,
	screenshot,
	signIn,
	tabTo
} from './helpers';

async function addNote(page: Page, text: string) {
	await page.locator('#note-text').fill(text);
	await page.locator('#note-text').press('Control+Enter');
	await expect(page.getByText(text, { exact: true })).toBeVisible();
}

test('private writing: notes stay with their author until the facilitator reveals them', async ({
	browser
}) => {
	test.setTimeout(300_000);
	const fiia = await (await browser.newContext()).newPage();
	await signIn(fiia, 'facilitator@talkoot.example');
	const url = await scheduleWorkshop(fiia, 'Private writing workshop', {
		experts: 'solver@team.example'
	});
	const sanna = await (await browser.newContext()).newPage();
	await signIn(sanna, 'solver@team.example');
	await sanna.goto(url);
	await expect(sanna.getByText('Present now (2)')).toBeVisible();

	// By keyboard: the facilitator starts private writing.
	const start = fiia.getByRole('button', { name: 'Start private writing' });
	await start.focus();
	await fiia.keyboard.press('Enter');
	const badge = 'Private writing — only you see your notes';
	await expect(sanna.getByText(badge)).toBeVisible();
	await expect(sanna.locator('#board-live')).toHaveText(/Private writing started/);
	await expect(
		fiia.getByText('Private writing — each participant sees only their own notes')
	).toBeVisible();

	await addNote(sanna, 'Sanna private idea');
	await addNote(fiia, 'Fiia private idea');
	// The facilitator keeps the record and sees Sanna's; Sanna does not see Fiia's.
	await expect(fiia.getByText('Sanna private idea', { exact: true })).toBeVisible();
	await sanna.waitForTimeout(1500);
	await expect(sanna.getByText('Fiia private idea', { exact: true })).toHaveCount(0);
	await expectAccessible(sanna);
	await screenshot(sanna, 'private-writing-participant');

	// The reveal asks first, the safer choice focused; Escape keeps writing private.
	const reveal = fiia.getByRole('button', { name: 'End private writing and reveal' });
	await reveal.focus();
	await fiia.keyboard.press('Enter');
	const keep = fiia.getByRole('button', { name: 'Keep writing privately' });
	await expect(keep).toBeFocused();
	await expect(fiia.getByText('2 notes hidden', { exact: false })).toBeVisible();
	await expectAccessible(fiia);
	await screenshot(fiia, 'private-writing-reveal-confirm');
	await fiia.keyboard.press('Escape');
	await expect(keep).toBeHidden();
	await expect(sanna.getByText('Fiia private idea', { exact: true })).toHaveCount(0);

	await reveal.focus();
	await fiia.keyboard.press('Enter');
	await tabTo(fiia, 'dialog[open] button.danger');
	await fiia.keyboard.press('Enter');
	await expect(sanna.getByText('Fiia private idea', { exact: true })).toBeVisible();
	await expect(sanna.getByText(badge)).toHaveCount(0);
	await expect(sanna.locator('#board-live')).toHaveText(/Private writing ended: 2 notes revealed/);
	await expect(fiia.locator('#board-live')).toHaveText(/Private writing ended: 2 notes revealed/);
	await expectAccessible(sanna);
});
