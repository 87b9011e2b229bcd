// Issue 12, facilitator: the live board by keyboard alone, and what it says. Focus lands on
// a sensible control after adding a note, at the dot-vote limit and after deleting (WCAG
// 2.4.3); every status change is said once, in words (4.1.3); the timer's expiry is
// announced; an ended board is a record; on a phone the board and the timer come first.
import { io as connect } from 'socket.io-client';
import type { Page } from '@playwright/test';
import { BoardClient } from '../../src/lib/realtime/board-client';
import {
	test,
	expect,
	expectAccessible,
	scheduleWorkshop,
	screenshot,
	signIn,
	tabTo
} from './helpers';

const focused = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement;
		return el ? `${el.tagName.toLowerCase()}#${el.id}|${el.textContent?.trim() ?? ''}` : '';
	});

test('keyboard only: focus stays put after adding, at the vote limit and after deleting; each said', async ({
	browser
}) => {
	test.setTimeout(300_000);
	const fiia = await (await browser.newContext()).newPage();
	await signIn(fiia, 'facilitator@talkoot.example');
	const url = await scheduleWorkshop(fiia, 'Focus workshop', { experts: 'solver@team.example' });
	const sanna = await (await browser.newContext()).newPage();
	await signIn(sanna, 'solver@team.example');
	await sanna.goto(url);
	// Both sockets joined (connecting takes a while on a busy machine).
	await expect(sanna.getByText('Present now (2)')).toBeVisible({ timeout: 15_000 });
	const said = sanna.locator('#board-live');

	// The shortcut is told next to the field.
	await expect(sanna.getByText('Ctrl+Enter (⌘+Enter on a Mac) adds the note.')).toBeVisible();
	// Add by Ctrl+Enter: focus stays in the field, which is empty for the next note.
	await tabTo(sanna, '#note-text');
	await sanna.keyboard.type('First idea');
	await sanna.keyboard.press('Control+Enter');
	await expect(sanna.locator('#note-text')).toBeFocused();
	await expect(sanna.locator('#note-text')).toHaveValue('');
	await expect(said).toHaveText(/Your note was added/);
	// Add by the button: focus returns to the field, never to <body>.
	await sanna.keyboard.type('Second idea');
	await tabTo(sanna, 'form:has(#note-text) button[type=submit]');
	await sanna.keyboard.press('Enter');
	await expect(sanna.locator('#note-text')).toBeFocused();
	await sanna.keyboard.type('Third idea');
	await sanna.keyboard.press('Control+Enter');
	await expect(sanna.getByText('Third idea', { exact: true })).toBeVisible();
	// The facilitator hears who added, in words, not "3 changes on the board".
	await expect(fiia.locator('#board-live')).toHaveText(/new notes by Sanna Solver|New note by/);
	await expect(fiia.locator('#board-live')).not.toHaveText(/changes on the board/);

	// Escape cancels editing and returns focus to the note, unchanged.
	const second = sanna.locator('li.note article').filter({ hasText: 'Second idea' });
	await second.focus();
	await tabTo(sanna, `li.note:has-text("Second idea") button:has-text("Edit")`);
	await sanna.keyboard.press('Enter');
	await expect(sanna.locator('li.note textarea')).toBeFocused();
	await sanna.keyboard.type(' changed');
	await sanna.keyboard.press('Escape');
	await expect(second).toBeFocused();
	await expect(second.getByText('Second idea', { exact: true })).toBeVisible();
	await expect(said).toHaveText('Editing cancelled, nothing changed.');

	// Deleting asks first, the safer choice focused; confirmed, focus goes to the next note.
	await tabTo(sanna, `li.note:has-text("Second idea") button:has-text("Delete")`);
	await sanna.keyboard.press('Enter');
	const keep = sanna.getByRole('button', { name: 'Keep note' });
	await expect(keep).toBeFocused();
	await expect(sanna.getByText('Delete this note? It cannot be undone.')).toBeVisible();
	await expectAccessible(sanna);
	await screenshot(sanna, 'board-delete-confirm');
	await sanna.keyboard.press('Enter');
	await expect(keep).toHaveCount(0);
	await expect(
		sanna.locator('li.note:has-text("Second idea") button:has-text("Delete")')
	).toBeFocused();
	await sanna.keyboard.press('Enter');
	await sanna.keyboard.press('Shift+Tab');
	await expect(sanna.getByRole('button', { name: 'Delete note' })).toBeFocused();
	const order = await sanna.locator('li.note article').allTextContents();
	const at = order.findIndex((t) => t.includes('Second idea'));
	const expected = order[at + 1] ?? order[at - 1];
	await sanna.keyboard.press('Enter');
	await expect(sanna.getByText('Second idea', { exact: true })).toHaveCount(0);
	await expect(said).toHaveText('Note “Second idea” deleted.');
	const after = await focused(sanna);
	expect(after).toMatch(/^article#note-/);
	expect(expected).toContain(after.split('|')[1].slice(0, 10));

	// Dot-vote: the button named with its note keeps focus at the limit, and says so.
	const next = fiia.getByRole('button', { name: /Next phase/ });
	for (let i = 0; i < 3; i++) await next.click();
	const used = sanna.locator('.status .votes');
	await expect(used).toHaveText('0 of 3 dots used');
	// The phase change is said first (gathered for two seconds), then her own dots.
	await expect(said).toHaveText(/Phase: Dot-vote/);
	const dot = sanna.getByRole('button', { name: 'Add dot to “First idea”' });
	// From the heading above the notes (focus is on the later note now), Tab to the button.
	await sanna.locator('#notes-heading').focus();
	await tabTo(sanna, 'li.note:has-text("First idea") .vote button:last-of-type');
	await expect(dot).toBeFocused();
	for (let i = 1; i <= 3; i++) {
		await sanna.keyboard.press('Enter');
		await expect(used).toHaveText(`${i} of 3 dots used`);
	}
	await expect(dot).toBeFocused();
	await expect(dot).toHaveAttribute('aria-disabled', 'true');
	await expect(said).toHaveText(
		'Dot added to “First idea”. 3 of 3 dots used. You have used all your dots. Remove one to move it.'
	);
	// Pressing it again keeps focus and says why nothing happened.
	await sanna.keyboard.press('Enter');
	await expect(dot).toBeFocused();
	await expect(used).toHaveText('3 of 3 dots used');
	await expect(said).toHaveText('You have used all your dots. Remove one to move it.');
	await expectAccessible(sanna);
	await screenshot(sanna, 'board-vote-limit');
});

test('status changes are said once, in words; the timer announces its expiry; an ended board is a record', async ({
	browser
}) => {
	test.setTimeout(300_000);
	const fiia = await (await browser.newContext()).newPage();
	await signIn(fiia, 'facilitator@talkoot.example');
	const url = await scheduleWorkshop(fiia, 'Timer workshop', { experts: 'solver@team.example' });
	const sanna = await (await browser.newContext()).newPage();
	await signIn(sanna, 'solver@team.example');
	await sanna.goto(url);
	// Both sockets joined (connecting takes a while on a busy machine).
	await expect(sanna.getByText('Present now (2)')).toBeVisible({ timeout: 15_000 });
	const said = sanna.locator('#board-live');
	const fiiaSaid = fiia.locator('#board-live');

	// Lock and anonymity, said in words, once each (also to the one who did it).
	await fiia.getByRole('button', { name: 'Lock board' }).click();
	await expect(said).toHaveText('The board was locked');
	await expect(fiiaSaid).toHaveText('The board was locked');
	await fiia.getByRole('button', { name: 'Unlock board' }).click();
	await fiia.getByRole('button', { name: 'Hide authors' }).click();
	await expect(said).toHaveText('The board was unlocked. Authors are now hidden');

	// The phase's planned time, one press; said once with its length, never twice.
	const planned = fiia.getByRole('button', { name: 'Start 10 minutes for “Warm-up”' });
	await planned.click();
	await expect(fiiaSaid).toHaveText('The timer started: 10 minutes');
	await expect(said).toHaveText('The timer started: 10 minutes');
	await expect(sanna.locator('.timer time')).toHaveText(/^(10:00|09:\d\d)$/);
	// Two seconds later nothing more was said (no "Timer started. Timer started").
	await fiia.waitForTimeout(2500);
	await expect(fiiaSaid).toHaveText('The timer started: 10 minutes');

	// A short timer, started over the socket as the page would (the form takes minutes).
	const origin = new URL(fiia.url()).origin;
	const action = await fiia.locator('form[action*="advance"]').first().getAttribute('action');
	const boardId = new URLSearchParams(action!.split('?')[1]).get('board')!;
	const cookie = (await fiia.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	const socket = connect(origin, {
		transports: ['websocket'],
		extraHeaders: { cookie, origin },
		reconnection: false
	});
	const client = new BoardClient(socket, boardId, 'facilitator');
	await expect.poll(() => client.role).toBe('facilitator');
	await expect(await client.send({ type: 'timer.start', seconds: 6 })).toMatchObject({ ok: true });
	await expect(said).toHaveText(/^The timer started: [5-7] seconds$/);
	// Expiry: said once in the live region, shown in words at the timer.
	await expect(said).toHaveText('Time is up: Warm-up.', { timeout: 10_000 });
	await expect(fiiaSaid).toHaveText('Time is up: Warm-up.');
	await expect(sanna.locator('.timer')).toContainText('Time is up');
	socket.close();
	await expectAccessible(sanna);
	await screenshot(sanna, 'board-time-up');

	// At 375 px the timer stays in sight while writing, and the note form is near the top.
	await sanna.setViewportSize({ width: 375, height: 740 });
	await fiia.getByRole('button', { name: 'Start 10 minutes for “Warm-up”' }).click();
	// Before: the form started about 2,100 px down, below timer, agenda, people and news.
	const top = await sanna.evaluate(
		() => document.querySelector('#note-text')!.getBoundingClientRect().top + window.scrollY
	);
	expect(top).toBeLessThan(1000);
	await sanna.locator('#note-text').focus();
	// Scrolled down to write: the timer sticks to the top, above the field, not over it.
	await sanna.evaluate((y) => window.scrollTo(0, y - 150), top);
	const timer = (await sanna.locator('.timer').boundingBox())!;
	const field = (await sanna.locator('#note-text').boundingBox())!;
	expect(Math.abs(timer.y)).toBeLessThan(2);
	expect(field.y).toBeGreaterThanOrEqual(timer.y + timer.height);
	await expect(sanna.locator('.timer time')).toBeInViewport();
	await sanna.screenshot({ path: 'test-results/screenshots/board-writing-375.png' });
	await sanna.setViewportSize({ width: 1280, height: 720 });

	// Spotlight a note, then end the workshop.
	await sanna.keyboard.type('Kept as a record');
	await sanna.keyboard.press('Control+Enter');
	await fiia.getByRole('button', { name: 'Spotlight' }).first().click();
	await expect(sanna.getByRole('region', { name: 'Spotlight' })).toBeVisible();
	await fiia.getByRole('button', { name: 'Lock board' }).click();
	await fiia.getByRole('button', { name: 'Start the workshop' }).click();
	await expect(fiia.getByText('Status: Live now')).toBeVisible();
	await fiia.getByRole('button', { name: 'End the workshop…' }).click();
	await fiia
		.getByRole('dialog', { name: 'End the workshop?' })
		.getByRole('button', { name: 'End the workshop', exact: true })
		.click();
	await expect(fiia.getByText('Status: Ended')).toBeVisible();

	for (const page of [fiia, sanna]) {
		await page.reload();
		await expect(page.getByText('Kept as a record')).toBeVisible();
		// No timer (no 09:58 after the end), no badges, no spotlight, no votes, no "Starts".
		await expect(page.locator('.timer')).toHaveCount(0);
		await expect(page.getByText(/^\d\d:\d\d$/)).toHaveCount(0);
		await expect(page.getByText('Board locked')).toHaveCount(0);
		await expect(page.locator('.status .badge')).toHaveCount(0);
		await expect(page.getByRole('region', { name: 'Spotlight' })).toHaveCount(0);
		await expect(page.getByRole('button', { name: /dot/i })).toHaveCount(0);
		await expect(page.getByText(/^Starts /)).toHaveCount(0);
		await expectAccessible(page);
	}
	await screenshot(sanna, 'board-ended-record');
});
