import type { Browser, Page } from '@playwright/test';
import {
	expect,
	expectAccessible,
	latestMailTo,
	linkIn,
	screenshot,
	signIn,
	test,
	uniqueEmail
} from './helpers';

/**
 * Issue 12, Solver: a home for a solver's work (/dashboard, where sign-in lands), sign-up
 * whose link signs in the browser that signed up, team invitations in the invitee's
 * language that can be declined, and the work-history form's choices and refusals.
 */
const PASSWORD = 'Harbour lights at dusk 2026';

// Several browsers and mails per test on a shared, busy machine.
test.describe.configure({ timeout: 180_000 });

/** Fills and sends the sign-up form in `page`; returns the address. */
async function signUpForm(page: Page, name: string, language: 'fi' | 'sv' | 'en' = 'en') {
	const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, '-'));
	await page.goto('/auth/sign-up');
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByLabel('Preferred language').selectOption(language);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
	return email;
}

const signedIn = (page: Page) => page.locator('form[action="/auth/sign-out"]');

async function freshPage(browser: Browser) {
	const context = await browser.newContext({ locale: 'en-GB' });
	return context.newPage();
}

test('sign-in lands on the dashboard: teams, applications with the next step, workshops', async ({
	page
}) => {
	await signIn(page, 'solver@team.example');
	await expect(page).toHaveURL(/\/dashboard$/);
	await expect(page.getByRole('heading', { name: 'My work', level: 1 })).toBeVisible();
	// The header leads back to it from anywhere.
	await expect(
		page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My work' })
	).toHaveAttribute('aria-current', 'page');
	const teams = page.getByRole('region', { name: 'Teams' });
	await expect(teams.getByRole('link', { name: 'Kohtaamo Collective' })).toBeVisible();
	const applications = page.getByRole('region', { name: 'Applications' });
	const ai = applications.getByRole('listitem').filter({ hasText: 'AI Goes to Work' });
	await expect(ai).toContainText('Team: Kohtaamo Collective');
	await expect(ai).toContainText('Applications close');
	await expect(ai).toContainText('Next: The team was found eligible');
	await expect(ai.getByRole('link', { name: /: AI Goes to Work$/ })).toBeVisible();
	// Past screening, the newest published decision says what is next, and links to it.
	const youth = applications.getByRole('listitem').filter({ hasText: 'Youth Guidance Online' });
	await expect(youth).toContainText('Applications closed');
	await expect(youth).toContainText('Next: The team was shortlisted.');
	await youth.getByRole('link', { name: 'Read the decision' }).click();
	await expect(page).toHaveURL(/\/decisions\/[0-9a-f-]{36}$/);
	await page.goBack();
	await expect(page.getByRole('region', { name: 'Workshops' })).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'dashboard-solver');

	// With a redirectTo, sign-in goes there instead.
	await page.context().clearCookies({ name: /session/ });
	await page.goto('/auth/sign-in?redirectTo=%2Fteams');
	await page.getByLabel('Email address').fill('solver@team.example');
	await page.getByLabel('Password').fill(process.env.DEMO_PASSWORD ?? 'Talkoot-demo-2026!');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/teams$/);
});

test('owners and facilitators see their challenges and workshops on the dashboard', async ({
	page
}) => {
	await signIn(page, 'owner@hel.example');
	await expect(page).toHaveURL(/\/dashboard$/);
	const challenges = page.getByRole('region', { name: "Your organisations' challenges" });
	await expect(challenges.getByRole('link', { name: 'AI Goes to Work' })).toBeVisible();
	await expect(challenges.getByRole('link', { name: 'Manage challenges' })).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'dashboard-owner');

	await signIn(page, 'facilitator@talkoot.example');
	await expect(page).toHaveURL(/\/dashboard$/);
	const workshops = page.getByRole('region', { name: 'Workshops' });
	await expect(workshops.getByRole('link', { name: 'Schedule a workshop' })).toBeVisible();
	await expectAccessible(page);
});

test('the verification link signs in the browser that signed up; an empty dashboard says what next', async ({
	page
}) => {
	const email = await signUpForm(page, 'Vera Verify');
	await page.goto(linkIn(await latestMailTo(email, /Confirm/)));
	// Signed in, on the dashboard, with nothing yet: each section says what to do.
	await expect(page).toHaveURL(/\/dashboard\?notice=verified$/);
	await expect(signedIn(page)).toBeVisible();
	await expect(
		page.getByText('Your email address is confirmed and you are signed in.')
	).toBeVisible();
	await expect(page.getByText('You have no applications yet. Teams apply')).toBeVisible();
	await expect(page.getByText('You are not in a team yet.')).toBeVisible();
	await expect(
		page.getByText('No workshops yet. The facilitator invites teams found eligible')
	).toBeVisible();
	await expect(page.getByRole('region', { name: "Your organisations' challenges" })).toHaveCount(0);
	await expectAccessible(page);
	await screenshot(page, 'dashboard-empty');
	// The cookie did its work and is gone.
	const cookies = await page.context().cookies();
	expect(cookies.some((c) => c.name.endsWith('talkoot_sign_up'))).toBe(false);

	// A new team's page offers the way to a challenge.
	await page.getByRole('link', { name: 'Create a team' }).click();
	await page.getByLabel('Team name').fill('Vera’s Venture');
	await page.getByRole('button', { name: 'Create team' }).click();
	await expect(page.getByText('The team was created.')).toBeVisible();
	await page.getByRole('link', { name: 'Find open challenges the team can apply to' }).click();
	await expect(page).toHaveURL(/\/challenges\?open=1$/);
	await page.goto('/dashboard');
	await expect(page.getByText('Your team has no applications yet.')).toBeVisible();
});

test('the verification link in another browser only verifies; the own browser still signs in', async ({
	page,
	browser
}) => {
	const email = await signUpForm(page, 'Otto Other');
	const link = linkIn(await latestMailTo(email, /Confirm/));
	// Say a mail scanner, or the person's phone: confirmed, not signed in.
	const other = await freshPage(browser);
	await other.goto(link);
	await expect(other.getByText('Your email address is confirmed')).toBeVisible();
	await expect(signedIn(other)).toHaveCount(0);
	await expect(other.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
	await expectAccessible(other);
	// Again there: the link is used.
	await other.goto(link);
	await expect(other.getByText('This link is invalid or has expired')).toBeVisible();
	await other.context().close();

	// The browser that signed up: signed in.
	await page.goto(link);
	await expect(page).toHaveURL(/\/dashboard/);
	await expect(signedIn(page)).toBeVisible();
});

test('invitations speak the invitee’s language, or all three; the invitee can decline', async ({
	page,
	browser
}) => {
	// An account in Swedish, and a lead.
	const swede = await freshPage(browser);
	const svEmail = await signUpForm(swede, 'Sara Svensk', 'sv');
	await swede.goto(linkIn(await latestMailTo(svEmail, /./)));
	await expect(signedIn(swede)).toBeVisible();

	const leadEmail = await signUpForm(page, 'Leo Lead');
	await page.goto(linkIn(await latestMailTo(leadEmail, /Confirm/)));
	await page.goto('/teams');
	await page.getByLabel('Team name').fill('Harbour Crew');
	await page.getByRole('button', { name: 'Create team' }).click();
	await expect(page.getByText('The team was created.')).toBeVisible();
	const stranger = uniqueEmail('stranger');
	for (const address of [svEmail, stranger]) {
		await page.getByLabel('Email address').fill(address);
		await page.getByRole('button', { name: 'Send invitation' }).click();
		await expect(page.getByText(`The invitation was sent to ${address}`)).toBeVisible();
	}

	const sv = await latestMailTo(svEmail, /Harbour Crew/);
	expect(sv.subject).toBe('Inbjudan till teamet Harbour Crew');
	expect(sv.text).toContain('tacka nej');
	const all = await latestMailTo(stranger, /Harbour Crew/);
	expect(all.subject).toBe(
		'Invitation to the team Harbour Crew / Kutsu tiimiin Harbour Crew / Inbjudan till teamet Harbour Crew'
	);
	for (const words of ['Hello,', 'Hei,', 'Hej,']) expect(all.text).toContain(words);

	// The stranger has no account and declines with the link alone; the page asks first.
	const invitee = await freshPage(browser);
	await invitee.goto(linkIn(all));
	await invitee.getByRole('link', { name: 'Decline the invitation' }).click();
	await expect(invitee.getByRole('heading', { name: 'Decline the invitation?' })).toBeVisible();
	await expectAccessible(invitee);
	await screenshot(invitee, 'invitation-decline-confirm');
	await invitee.getByRole('button', { name: 'Yes, decline' }).click();
	await expect(
		invitee.getByText('You declined the invitation to the team Harbour Crew')
	).toBeVisible();
	await expect(invitee.getByRole('button', { name: 'Accept and join the team' })).toHaveCount(0);
	await expectAccessible(invitee);

	// The lead hears of it by mail, in the lead's language, with the team page's link.
	const declined = await latestMailTo(leadEmail, /Harbour Crew/);
	expect(declined.subject).toBe('An invitation to Harbour Crew was declined');
	expect(declined.text).toContain(stranger);
	expect(linkIn(declined)).toMatch(/^\/teams\/[0-9a-f-]{36}$/);

	// The lead sees it.
	await page.reload();
	const row = page.locator('#invitations li').filter({ hasText: stranger });
	await expect(row).toContainText('Declined');
	await expectAccessible(page);
	await screenshot(page, 'team-invitation-declined');

	// The Swede, signed in, can decline too, also without JavaScript (plain forms).
	const noJs = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false });
	const plain = await noJs.newPage();
	await plain.goto(linkIn(sv));
	await plain.getByRole('link', { name: 'Decline the invitation' }).click();
	await plain.getByRole('button', { name: 'Yes, decline' }).click();
	await expect(plain.getByText('You declined the invitation')).toBeVisible();
});

test('work history: the area needs a choice, Other asks its name, a refused file is named', async ({
	page
}) => {
	const email = await signUpForm(page, 'Wilma Work');
	await page.goto(linkIn(await latestMailTo(email, /Confirm/)));
	await page.goto('/account/work-history');
	const area = page.getByLabel('Competence area');
	await expect(area).toHaveValue('');
	await expect(area.locator('option:checked')).toHaveText('Choose…');
	const otherName = page.getByLabel('Name of the other area');
	await expect(otherName).toBeHidden();
	await area.selectOption('other');
	await expect(otherName).toBeVisible();
	await area.selectOption({ index: 1 });
	await expect(otherName).toBeHidden();
	await area.selectOption('');

	// No area chosen, a file chosen: refused at the area; the rest kept, the file named.
	await page.getByLabel('Organisation').fill('Harbour Works Oy');
	await page.getByLabel('Role').fill('Designer');
	await page.getByLabel('Start month').fill('2024-01');
	await page.getByLabel('Still ongoing').check();
	await page.getByLabel('Evidence file').setInputFiles({
		name: 'certificate.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
	});
	await page.getByRole('button', { name: 'Add entry' }).click();
	await expect(page.getByLabel('Competence area')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Organisation')).toHaveValue('Harbour Works Oy');
	await expect(page.getByLabel('Role')).toHaveValue('Designer');
	await expect(page.getByLabel('Still ongoing')).toBeChecked();
	await expect(
		page.getByText('The file certificate.pdf was not saved because the form had errors.')
	).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'work-history-refused');

	// Other without its name is refused at the name.
	await page.getByLabel('Competence area').selectOption('other');
	await page.getByRole('button', { name: 'Add entry' }).click();
	await expect(page.getByLabel('Name of the other area')).toHaveAttribute('aria-invalid', 'true');
	await page.getByLabel('Name of the other area').fill('Harbour logistics');
	await page.getByRole('button', { name: 'Add entry' }).click();
	await expect(page.getByText('The entry was added.')).toBeVisible();
});
