import {
	expect,
	expectAccessible,
	latestMailTo,
	linkIn,
	notice,
	screenshot,
	signIn,
	test,
	uniqueEmail,
	fieldError
} from './helpers';

test('a platform admin creates an organisation in three languages and invites members', async ({
	page
}) => {
	await signIn(page, 'admin@talkoot.example');
	await page.getByRole('link', { name: 'Administration' }).click();
	await expect(page.getByRole('heading', { name: 'Administration', level: 1 })).toBeVisible();

	const stamp = Date.now();
	const fi = `Tampereen kaupunki ${stamp}`;
	await page.getByRole('group', { name: 'Name' }).getByLabel('suomi').fill(fi);
	await page
		.getByRole('group', { name: 'Name' })
		.getByLabel('English')
		.fill(`City of Tampere ${stamp}`);
	await page.getByLabel('Business ID').fill('0211675-3');
	await page.getByRole('button', { name: 'Create organisation' }).click();
	await expect(fieldError(page, 'This is not a valid Finnish business ID')).toBeVisible();
	await expect(page.getByRole('group', { name: 'Name' }).getByLabel('suomi')).toHaveValue(fi);
	await expectAccessible(page);

	await page.getByLabel('Business ID').fill('0211675-2');
	await page.getByLabel('Website').fill('https://www.tampere.fi');
	await page.getByRole('button', { name: 'Create organisation' }).click();
	// The English page shows the English name; the slug comes from the primary (Finnish) one.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`City of Tampere ${stamp}`);
	await expect(page).toHaveURL(/\/organisations\/tampereen-kaupunki-\d+$/);

	// The same slug again is not refused: the database gives the next free one.
	const slug = new URL(page.url()).pathname.split('/').pop()!;
	await page.goto('/admin');
	await page.getByRole('group', { name: 'Name' }).getByLabel('suomi').fill('Toinen');
	await page.getByLabel('Address name').fill(slug);
	await page.getByRole('button', { name: 'Create organisation' }).click();
	await expect(page).toHaveURL(new RegExp(`/organisations/${slug}-2$`));
	await page.goto(`/organisations/${slug}`);
	// No members yet: said in words, with no empty table or search over nothing.
	await expect(page.getByText('The organisation has no members yet.')).toBeVisible();
	await expect(page.getByRole('table')).toHaveCount(0);
	await expect(page.getByRole('search', { name: 'Search members by name or email' })).toHaveCount(
		0
	);

	// No account is needed: an invitation goes to the address.
	const invitee = uniqueEmail('kutsuttu');
	await page.getByLabel('Email address').fill(invitee);
	await page.getByLabel('Role', { exact: true }).selectOption('owner');
	await page.getByRole('button', { name: 'Send invitation' }).click();
	await expect(notice(page)).toHaveText(`An invitation was sent to ${invitee}.`);
	await expect(page.getByRole('list').filter({ hasText: invitee })).toContainText('Owner');
	await expectAccessible(page);
	const mail = await latestMailTo(invitee, /Invitation to/);
	expect(mail.subject).toContain(`City of Tampere ${stamp}`);
	await screenshot(page, 'organisation-members-admin');
});

test('owners invite, change roles in place and remove only after confirming', async ({
	browser
}) => {
	// Three people, two mails through the outbox and four accessibility checks.
	test.setTimeout(120_000);
	const owner = await (await browser.newContext()).newPage();
	await signIn(owner, 'owner@aalto.example');
	await owner.goto('/organisations/aalto-university');
	await owner.getByLabel('Email address').fill('facilitator@talkoot.example');
	await owner.getByRole('button', { name: 'Send invitation' }).click();
	await expect(notice(owner)).toHaveText('An invitation was sent to facilitator@talkoot.example.');

	// The facilitator accepts through the mailed link, signed in with the invited address.
	// In the invitee's language, which another spec may have changed: any of the three.
	const mail = await latestMailTo('facilitator@talkoot.example', /Aalto/);
	const invitee = await (await browser.newContext()).newPage();
	await signIn(invitee, 'solver@team.example');
	await invitee.goto(linkIn(mail));
	await expectAccessible(invitee);
	// Signed in with another address, the page says whom it is for and offers no Accept.
	await expect(
		invitee.getByText(/This invitation is for facilitator@talkoot\.example/)
	).toBeVisible();
	await expect(
		invitee.getByRole('button', { name: 'Accept and join the organisation' })
	).toHaveCount(0);
	const facilitator = await (await browser.newContext()).newPage();
	await signIn(facilitator, 'facilitator@talkoot.example');
	await facilitator.goto(linkIn(mail));
	await facilitator.getByRole('button', { name: 'Accept and join the organisation' }).click();
	await expect(notice(facilitator)).toHaveText('You are now a member of the organisation.');

	await owner.reload();
	const row = owner.getByRole('row', { name: /Fiia Fasilitaattori/ });
	await expect(row.getByLabel(/Role of/)).toHaveValue('member');
	await row.getByLabel(/Role of/).selectOption('owner');
	await row.getByRole('button', { name: /Change role/ }).click();
	await expect(notice(owner)).toHaveText('The role was changed.');
	await expect(
		owner.getByRole('row', { name: /Fiia Fasilitaattori/ }).getByLabel(/Role of/)
	).toHaveValue('owner');

	// Removal asks first, without JavaScript too; cancelling keeps the member.
	await owner
		.getByRole('row', { name: /Fiia Fasilitaattori/ })
		.getByRole('link', { name: /Remove/ })
		.click();
	await expect(owner.getByRole('heading', { name: /Remove Fiia Fasilitaattori\?/ })).toBeVisible();
	await expectAccessible(owner);
	await screenshot(owner, 'organisation-remove-confirm');
	await owner.getByRole('link', { name: 'Cancel' }).click();
	// Back on the list (the question gone) before asking again: a click on the page being
	// left would be lost when the list arrives.
	await expect(owner.getByRole('heading', { name: /Remove Fiia Fasilitaattori\?/ })).toHaveCount(0);
	await expect(owner.getByRole('row', { name: /Fiia Fasilitaattori/ })).toHaveCount(1);
	await owner
		.getByRole('row', { name: /Fiia Fasilitaattori/ })
		.getByRole('link', { name: /Remove/ })
		.click();
	await expect(owner.getByRole('heading', { name: /Remove Fiia Fasilitaattori\?/ })).toBeVisible();
	await owner.getByRole('button', { name: 'Remove member' }).click();
	await expect(notice(owner)).toHaveText('The member was removed.');
	await expect(owner.getByRole('row', { name: /Fiia Fasilitaattori/ })).toHaveCount(0);

	const outsider = await (await browser.newContext()).newPage();
	await signIn(outsider, 'solver@team.example');
	await outsider.goto('/organisations/aalto-university');
	await expect(outsider.getByRole('heading', { name: 'Members' })).toHaveCount(0);
	const response = await outsider.goto('/admin');
	expect(response?.status()).toBe(403);
	await expect(outsider.getByRole('heading', { level: 1 })).toHaveText(
		'You do not have permission to do this.'
	);
});

test('accessibility feedback lands in the database and admins read it', async ({ page }) => {
	await page.goto('/accessibility');
	await page.getByRole('button', { name: 'Send feedback' }).click();
	await expect(fieldError(page, 'This field is required.')).toBeVisible();
	const message = `The focus ring is hard to see on the blue bar (${Date.now()})`;
	await page.getByLabel('Your feedback').fill(message);
	await page.getByLabel('Page or feature').fill('/organisations');
	await page.getByRole('button', { name: 'Send feedback' }).click();
	await expect(page.getByRole('status')).toHaveText('Thank you. Your feedback was received.');

	await signIn(page, 'admin@talkoot.example');
	await page.goto('/admin');
	await expect(page.getByText(message)).toBeVisible();
	const item = page.getByRole('listitem').filter({ hasText: message });
	await expect(item).toContainText('New');
	await expect(item).toContainText('Answer by');
	await item.getByLabel('Status').selectOption('in_progress');
	await item.getByLabel('Handler').selectOption({ label: 'Aino Admin' });
	await item.getByRole('button', { name: 'Save status' }).click();
	// The lists' filters have status lines of their own (empty here).
	await expect(
		page.getByRole('status').filter({ hasText: "The feedback's status was saved." })
	).toBeVisible();
	const saved = page.getByRole('listitem').filter({ hasText: message });
	await expect(saved.getByLabel('Status')).toHaveValue('in_progress');
	// Without a contact address nobody can be replied to: the page says so.
	await expect(saved).toContainText('The sender left no contact address');
	await expectAccessible(page);
	await screenshot(page, 'admin-feedback');
});

test('an admin replies to feedback; the sender gets it in the language they wrote in', async ({
	page
}) => {
	const sender = uniqueEmail('palaute');
	await page.goto('/accessibility');
	await page.getByRole('button', { name: 'svenska' }).click();
	const message = `Fokusramen syns inte (${Date.now()})`;
	await page.getByLabel('Din respons').fill(message);
	await page.getByLabel('E-post för vårt svar').fill(sender);
	await page.getByRole('button', { name: 'Skicka respons' }).click();
	await expect(page.getByRole('status')).toBeVisible();

	await signIn(page, 'admin@talkoot.example');
	await page.goto('/admin');
	const item = page.getByRole('listitem').filter({ hasText: message });
	await expect(item.getByText(message)).toHaveAttribute('lang', 'sv');
	await item.getByRole('button', { name: 'Send reply' }).click();
	await expect(
		fieldError(page.getByRole('listitem').filter({ hasText: message }), 'Write a reply.')
	).toBeVisible();
	await page
		.getByRole('listitem')
		.filter({ hasText: message })
		.getByLabel('Reply to the sender')
		.fill('Tack! Vi har rättat fokusramen.');
	await page
		.getByRole('listitem')
		.filter({ hasText: message })
		.getByRole('button', { name: 'Send reply' })
		.click();
	await expect(page.getByRole('status').filter({ hasText: 'The reply was sent.' })).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: message })).toContainText('Answered');
	const mail = await latestMailTo(sender, /Svar/);
	expect(mail.subject).toBe('Svar på din respons om tillgänglighet');
	expect(mail.text).toContain('Tack! Vi har rättat fokusramen.');
});

// An outside tester's report: a crafted role on a member's row said the form's general
// error. A role that is none of the choices is said at that row's select, not at the
// invitation's role.
test('an unknown role on a member’s row is refused at that row', async ({ page }) => {
	await signIn(page, 'owner@aalto.example');
	await page.goto('/organisations/aalto-university');
	const select = page
		.getByRole('row')
		.getByLabel(/Role of/)
		.first();
	await select.evaluate((el) => {
		const option = document.createElement('option');
		option.value = 'boss';
		option.textContent = 'Boss';
		el.append(option);
	});
	await select.selectOption('boss');
	const id = await select.getAttribute('id');
	await page
		.locator(`form:has(#${id})`)
		.getByRole('button', { name: /Change role/ })
		.click();
	const row = page.locator(`#${id}`);
	await expect(row).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator(`#role-error-${id!.slice('role-'.length)}`)).toHaveText(
		'Choose one of the roles.'
	);
	await expect(page.getByLabel('Role', { exact: true })).not.toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await expectAccessible(page);
});
