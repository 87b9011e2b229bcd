import type { Page } from '@playwright/test';
import {
	expect,
	expectAccessible,
	finnishDayFromNow,
	holdScripts,
	localizedText,
	screenshot,
	signIn,
	test
} from './helpers';

// Issue 12, the owner's long forms: Finnish dates in the timetable, and language tabs
// with a Markdown preview for long multilingual text.

/** A new English-only draft of the owner's; the page is then its timetable. */
async function newDraft(owner: Page, title: string) {
	await owner.goto('/manage/challenges/new?organisation=city-of-helsinki');
	await owner.getByLabel('Primary language').selectOption('en');
	await owner.getByRole('group', { name: 'Title' }).getByLabel('English').fill(title);
	await (await localizedText(owner, 'Description', 'English')).fill('## Aim\nLess **snow**.');
	await owner.getByLabel('Contact email').fill('owner@hel.example');
	await owner.getByRole('button', { name: 'Create draft' }).click();
	await expect(owner.getByText('The draft was created.')).toBeVisible();
	return new URL(owner.url()).pathname.replace(/\/timetable$/, '');
}

/** Nothing on the page reaches past the viewport's right edge (names any that do). */
async function noHorizontalScroll(page: Page) {
	const wide = await page.evaluate(() =>
		[...document.querySelectorAll('body *')]
			.filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
			// Inside a box that scrolls sideways itself (the section tabs): not the page.
			.filter((e) => {
				for (let p = e.parentElement; p; p = p.parentElement)
					if (/auto|scroll|hidden|clip/.test(getComputedStyle(p).overflowX)) return false;
				return true;
			})
			.map((e) => `${e.tagName.toLowerCase()}.${e.className} ${e.getAttribute('name') ?? ''}`)
			.slice(0, 5)
	);
	expect(wide).toEqual([]);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
		page.viewportSize()!.width
	);
}

for (const width of [375, 1440]) {
	test(`timetable dates are typed and shown as Finns write them (${width} px)`, async ({
		page
	}) => {
		test.setTimeout(120_000);
		await page.setViewportSize({ width, height: 900 });
		await signIn(page, 'owner@hel.example');
		await newDraft(page, `Finnish dates ${width} ${Date.now().toString(36)}`);
		const applications = page.getByRole('group', { name: 'Applications (required)' });
		const starts = applications.getByRole('textbox', { name: 'Starts' });
		const ends = applications.getByRole('textbox', { name: 'Ends' });
		// A text field with the format said in words, never the browser's mm/dd/yyyy picker.
		await expect(starts).toHaveAttribute('type', 'text');
		await expect(starts).toHaveAccessibleDescription('d.m.yyyy hh.mm, e.g. 15.1.2027 16.00');

		// 31 February is refused with a message that says why, linked from the summary.
		await starts.fill('31.2.2027 9.00');
		await ends.fill('03/31/2027 04:00 PM');
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		await expect(page.getByRole('alert').getByRole('link', { name: /no such day/ })).toBeVisible();
		await expect(starts).toHaveAttribute('aria-invalid', 'true');
		await expect(starts).toHaveAccessibleDescription(/There is no such day in the calendar/);
		await expect(ends).toHaveAccessibleDescription(/Write the date and time as d\.m\.yyyy hh\.mm/);
		await expect(starts).toHaveValue('31.2.2027 9.00');
		await expectAccessible(page);

		// The Finnish way, "klo" included, is saved and shown back in one form.
		await starts.fill(`${finnishDayFromNow(3)} 9.00`);
		await ends.fill(`${finnishDayFromNow(40)} klo 16.00`);
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		await expect(page.getByRole('status')).toHaveText('Saved.');
		await page.reload();
		await expect(starts).toHaveValue(`${finnishDayFromNow(3)} 9.00`);
		await expect(ends).toHaveValue(`${finnishDayFromNow(40)} 16.00`);
		await noHorizontalScroll(page);
		await expectAccessible(page);
		await screenshot(page, 'forms-timetable');

		// And at 320 px nothing scrolls sideways.
		await page.setViewportSize({ width: 320, height: 640 });
		await noHorizontalScroll(page);
	});

	test(`long multilingual text has language tabs, a missing marker and a preview (${width} px)`, async ({
		page
	}) => {
		test.setTimeout(120_000);
		await page.setViewportSize({ width, height: 900 });
		await signIn(page, 'owner@hel.example');
		const base = await newDraft(page, `Tabs ${width} ${Date.now().toString(36)}`);
		await page.goto(`${base}/basics`);
		const description = page.getByRole('group', { name: 'Description' });
		const tabs = description.getByRole('tab');
		await expect(tabs).toHaveText([/suomi/, /svenska/, /English/]);
		// Finnish and Swedish are empty: their tabs say so (a marker, and in words).
		await expect(description.getByTestId('translation-missing')).toHaveCount(2);
		await expect(tabs.nth(0)).toHaveAccessibleName('suomi (translation missing)');
		await expect(tabs.nth(2)).toHaveAccessibleName('English');

		// Keyboard: arrows move and select, Home and End jump; one tab stop.
		await tabs.nth(0).click();
		await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
		await page.keyboard.press('ArrowRight');
		await expect(tabs.nth(1)).toBeFocused();
		await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
		await expect(description.getByRole('textbox', { name: 'svenska' })).toBeVisible();
		await expect(description.getByRole('textbox', { name: 'suomi' })).toBeHidden();
		await page.keyboard.press('ArrowLeft');
		await page.keyboard.press('ArrowLeft');
		await expect(tabs.nth(2)).toBeFocused();
		await page.keyboard.press('Home');
		await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
		await page.keyboard.press('End');
		await expect(tabs.nth(2)).toHaveAttribute('aria-selected', 'true');
		await expect(tabs.nth(0)).toHaveAttribute('tabindex', '-1');
		await page.keyboard.press('Tab');
		await expect(description.getByRole('textbox', { name: 'English' })).toBeFocused();

		// Typing Finnish clears its marker; the preview is the server's sanitised HTML.
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Home');
		const fi = description.getByRole('textbox', { name: 'suomi' });
		await fi.fill('## Tavoite\nVähemmän **lunta**.\n\n<script>window.hacked = 1</script>');
		await expect(description.getByTestId('translation-missing')).toHaveCount(1);
		await description.getByRole('button', { name: 'Preview' }).first().click();
		const preview = description.getByRole('region', { name: 'Preview' }).first();
		await expect(preview.getByRole('heading', { level: 3, name: 'Tavoite' })).toBeVisible();
		await expect(preview.locator('strong')).toHaveText('lunta');
		await expect(preview.locator('script')).toHaveCount(0);
		await expect(preview.locator('.prose')).toHaveAttribute('lang', 'fi');
		await noHorizontalScroll(page);
		await expectAccessible(page);
		await screenshot(page, 'forms-tabs-preview');

		// A too-long Swedish text: the summary's link opens the Swedish tab at its field.
		await description
			.getByRole('textbox', { name: 'svenska', includeHidden: true })
			.evaluate((el: HTMLTextAreaElement) => {
				el.value = 'å'.repeat(20_001);
				el.dispatchEvent(new Event('input', { bubbles: true }));
			});
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		const sv = description.getByRole('textbox', { name: 'svenska' });
		await expect(sv).toHaveAttribute('aria-invalid', 'true');
		// A refused form opens on the tab with the error; move away, then follow the link.
		await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
		await expect(tabs.nth(1)).toHaveClass(/has-error/);
		await tabs.nth(0).click();
		await expect(sv).toBeHidden();
		await page
			.getByRole('alert')
			.getByRole('link', { name: /svenska/ })
			.click();
		await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
		await expect(sv).toBeVisible();
		await expect(sv).toBeFocused();
		await expectAccessible(page);
		await screenshot(page, 'forms-tabs-error');
	});
}

test('without JavaScript the three languages stand stacked and all are submitted', async ({
	page: live,
	browser
}) => {
	test.setTimeout(240_000);
	// The draft is made with scripts (tabs), then edited without them.
	await signIn(live, 'owner@hel.example');
	const base = await newDraft(live, `No script ${Date.now().toString(36)}`);
	const context = await browser.newContext({ javaScriptEnabled: false });
	await context.addCookies(await live.context().cookies());
	const page = await context.newPage();

	await page.goto(`${base}/basics`);
	const description = page.getByRole('group', { name: 'Description' });
	await expect(description.getByRole('tab')).toHaveCount(0);
	await expect(description.getByRole('button', { name: 'Preview' })).toHaveCount(0);
	for (const language of ['suomi', 'svenska', 'English'])
		await expect(description.getByRole('textbox', { name: language })).toBeVisible();
	await description.getByRole('textbox', { name: 'suomi' }).fill('Suomeksi.');
	await description.getByRole('textbox', { name: 'svenska' }).fill('På svenska.');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');
	await page.goto(`${base}/basics`);
	await expect(description.getByRole('textbox', { name: 'suomi' })).toHaveValue('Suomeksi.');
	await expect(description.getByRole('textbox', { name: 'svenska' })).toHaveValue('På svenska.');
	await expect(description.getByRole('textbox', { name: 'English' })).toHaveValue(
		'## Aim\nLess **snow**.'
	);

	// The timetable too takes a Finnish date with no script to help.
	await page.goto(`${base}/timetable`);
	const applications = page.getByRole('group', { name: 'Applications (required)' });
	await applications.getByRole('textbox', { name: 'Starts' }).fill(`${finnishDayFromNow(3)} 9.00`);
	await applications.getByRole('textbox', { name: 'Ends' }).fill(`${finnishDayFromNow(40)} 16.00`);
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');
	await expect(applications.getByRole('textbox', { name: 'Ends' })).toHaveValue(
		`${finnishDayFromNow(40)} 16.00`
	);
	await expectAccessible(page);
	await context.close();
});

test('what is typed before the page comes alive stays in the fields and is saved', async ({
	page
}) => {
	test.setTimeout(120_000);
	const unique = Date.now().toString(36);
	await signIn(page, 'owner@hel.example');
	// The page's scripts (and styles) are held back, as on a slow phone, while the owner types.
	const release = await holdScripts(page, '**/_app/immutable/**');
	await page.goto('/manage/challenges/20000000-0000-4000-8000-000000000002/basics', {
		waitUntil: 'commit'
	});
	const summary = page.getByRole('group', { name: 'One-line summary' }).getByLabel('English');
	// Once alive, only the selected language's panel shows: found by name, shown or not.
	const body = page.locator('textarea[name="body_en"]');
	const contact = page.getByLabel('Contact person');
	const reason = page.getByLabel('Reason for the change').first();
	const typed = {
		summary: `${await summary.inputValue()} Typed early ${unique}.`,
		body: `${await body.inputValue()}\n\nTyped early ${unique}.`,
		contact: `Early Typist ${unique}`,
		reason: `Typed before the scripts came ${unique}.`
	};
	await summary.fill(typed.summary);
	await body.fill(typed.body);
	await contact.fill(typed.contact);
	await reason.fill(typed.reason);
	await release();
	// Alive: the long texts get their language tabs.
	await expect(
		page.getByRole('group', { name: 'Description' }).getByRole('tab', { name: 'English' })
	).toBeVisible();
	await expect(summary).toHaveValue(typed.summary);
	await expect(body).toHaveValue(typed.body);
	await expect(contact).toHaveValue(typed.contact);
	await expect(reason).toHaveValue(typed.reason);
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('recorded as a public amendment');
	await page.reload();
	await expect(summary).toHaveValue(typed.summary);
	await expect(body).toHaveValue(typed.body);
	await expect(contact).toHaveValue(typed.contact);
});

test('what is chosen before the page comes alive stays chosen, and the page follows it', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, 'owner@hel.example');
	let release = await holdScripts(page);
	// The criteria of AI Goes to Work: shortlisting 20 + 10 points, selection 40 + 30.
	await page.goto('/manage/challenges/20000000-0000-4000-8000-000000000001/criteria', {
		waitUntil: 'commit'
	});
	const first = page.getByRole('group', { name: 'Criterion 1', exact: true });
	const totals = page.locator('.totals');
	await expect(totals).toContainText('Shortlisting: 30 points');
	await first.getByLabel('Stage').selectOption('selection');
	await first.getByLabel('Points').fill('25');
	await release();
	// Alive: the totals follow what was chosen and typed while the scripts were on their way.
	await expect(totals).toContainText('Shortlisting: 10 points');
	await expect(totals).toContainText('Selection: 95 points');
	await expect(first.getByLabel('Stage')).toHaveValue('selection');
	await expect(first.getByLabel('Points')).toHaveValue('25');

	// A radio button chosen early stays chosen; the field it shows stays shown.
	release = await holdScripts(page);
	await page.goto('/manage/challenges/20000000-0000-4000-8000-000000000001/jury', {
		waitUntil: 'commit'
	});
	const stage = page.getByRole('region', { name: 'Shortlisting', exact: true });
	const perItem = stage.getByLabel('Jurors per item', { exact: true });
	const fixed = stage.getByLabel('A set number of jurors per item');
	await fixed.check();
	await perItem.fill('3');
	await release();
	await expect(fixed).toBeChecked();
	await expect(perItem).toBeVisible();
	await expect(perItem).toHaveValue('3');

	// The phone's menu opened early stays open.
	await page.setViewportSize({ width: 375, height: 800 });
	release = await holdScripts(page);
	await page.goto('/dashboard', { waitUntil: 'commit' });
	await page.locator('header details > summary').click();
	const english = page.getByRole('button', { name: 'English' });
	await expect(english).toBeVisible();
	await release();
	await expect(english).toBeVisible();
});
