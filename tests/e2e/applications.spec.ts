import { writeFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { toHelsinkiLocal } from '../../src/lib/domain/helsinki-time';
import { formatFinnishDateTime } from '../../src/lib/domain/finnish-datetime';
import {
	DEMO_PASSWORD,
	expectRefusedAtField,
	expect,
	expectAccessible,
	latestMailTo,
	linkIn,
	screenshot,
	signIn,
	signUpVerified,
	test,
	fieldError,
	hydrated
} from './helpers';

const PASSWORD = 'Kohtaamo workshop 2026';
const AI_GOES_TO_WORK = '20000000-0000-4000-8000-000000000001';
const SNOW_PROBLEM = '20000000-0000-4000-8000-000000000002';
const REQUIREMENT = 'The team processes personal data in line with the GDPR.';
const HUGE_FILE = 'test-results/huge-evidence.pdf';
/** What every door answers about an application that is not the caller's (forms carry words). */
const UNKNOWN = 'The application does not exist or you have no access to it.';

/** Helsinki's `d.m.yyyy h.mm` at now + `ms` (what the timetable's fields take). */
const helsinkiLocal = (ms: number) => formatFinnishDateTime(new Date(Date.now() + ms));

/** `YYYY-MM` some months from this month in Helsinki (negative: in the past). */
function month(offset: number) {
	const [year, mon] = toHelsinkiLocal(new Date()).slice(0, 7).split('-').map(Number);
	const index = year * 12 + mon - 1 + offset;
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A person in a browser context of their own; their server errors fail the test too. */
async function personPage(browser: Browser, serverErrors: string[]) {
	const page = await (await browser.newContext()).newPage();
	page.on('response', (response) => {
		if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`);
	});
	return page;
}

/** A new account, verified and signed in; returns its email address. */
async function newAccount(page: Page, name: string) {
	const email = await signUpVerified(page, name, PASSWORD);
	await signIn(page, email, PASSWORD);
	return email;
}

async function createTeam(page: Page, name: string) {
	await page.goto('/teams');
	await page.getByLabel('Team name').fill(name);
	await page.getByRole('button', { name: 'Create team' }).click();
	await expect(page.getByText('The team was created. Invite its members next.')).toBeVisible();
	return page.url().replace(/[?#].*$/, '');
}

interface Entry {
	area: string;
	organisation: string;
	role: string;
	start: string;
	end?: string;
}

async function fillWorkEntry(page: Page, entry: Entry) {
	await page.getByLabel('Competence area').selectOption(entry.area);
	await page.getByLabel('Organisation').fill(entry.organisation);
	await page.getByLabel('Role').fill(entry.role);
	await page.getByLabel('Start month').fill(entry.start);
	if (entry.end) await page.getByLabel('End month').fill(entry.end);
	else await page.getByLabel('Still ongoing').check();
}

async function addWorkEntry(page: Page, entry: Entry) {
	await page.goto('/account/work-history');
	await fillWorkEntry(page, entry);
	await page.getByRole('button', { name: 'Add entry' }).click();
	await expect(page.getByText('The entry was added.')).toBeVisible();
}

/** Fills idea `n` of the editor with text that names it. */
async function fillIdea(page: Page, n: number) {
	const idea = page.getByRole('group', { name: `Idea ${n}` });
	await idea.getByRole('textbox', { name: 'Title', exact: true }).fill(`Skills passport ${n}`);
	await idea.getByLabel('The problem').fill(`Problem ${n}: CVs hide what people can do.`);
	await idea
		.getByRole('textbox', { name: 'The idea', exact: true })
		.fill(`Solution ${n}: an AI skills map.`);
	await idea.getByLabel('Value to the end users').fill(`Value ${n}: faster matches.`);
}

const saved = (page: Page) => expect(page.locator('.save-status')).toContainText(/Saved at/);

/** A form action posted like SvelteKit's enhanced forms do: the failure comes back as JSON. */
async function postAction(page: Page, path: string, form: Record<string, string>) {
	const response = await page.request.post(path, {
		form,
		headers: { origin: new URL(page.url()).origin, accept: 'application/json' }
	});
	return (await response.json()) as { type: string; status?: number; data?: string };
}

test.describe.serial('a team applies to AI Goes to Work and is screened', () => {
	const serverErrors: string[] = [];
	const unique = Date.now().toString(36);
	const teamName = `Työpolku ${unique}`;
	let lead: Page;
	let memberA: Page;
	let memberB: Page;
	let emails: { lead: string; a: string; b: string };
	let teamUrl: string;
	let applicationUrl: string;

	test.beforeAll(async ({ browser }) => {
		[lead, memberA, memberB] = await Promise.all([
			personPage(browser, serverErrors),
			personPage(browser, serverErrors),
			personPage(browser, serverErrors)
		]);
		writeFileSync(HUGE_FILE, `%PDF-1.4\n${'x'.repeat(20 * 1024 * 1024)}`);
	});
	test.afterEach(() => expect(serverErrors, 'server errors').toEqual([]));
	test.afterAll(async () => {
		for (const page of [lead, memberA, memberB]) await page?.context().close();
	});

	test('a lead creates a team and invites two members, who accept', async () => {
		test.setTimeout(120_000);
		emails = {
			lead: await newAccount(lead, 'Liisa Lead'),
			a: await newAccount(memberA, 'Aapo Analyst'),
			b: await newAccount(memberB, 'Bea Builder')
		};

		await lead.goto('/teams');
		await expect(lead.getByText('You are not in any team yet.')).toBeVisible();
		await expectAccessible(lead);
		// A one-letter name is refused next to the field.
		await lead.getByLabel('Team name').fill('T');
		await lead.getByRole('button', { name: 'Create team' }).click();
		await expect(
			lead.getByText('Give the team a name of at least two characters.').last()
		).toBeVisible();
		teamUrl = await createTeam(lead, teamName);
		await expect(lead.getByRole('heading', { level: 1 })).toHaveText(teamName);
		await expectAccessible(lead);

		for (const email of [emails.a, emails.b]) {
			await lead.getByLabel('Email address').fill(email);
			await lead.getByRole('button', { name: 'Send invitation' }).click();
			await expect(lead.getByText(`The invitation was sent to ${email}.`)).toBeVisible();
		}
		await screenshot(lead, 'team-invited');

		for (const [member, email] of [
			[memberA, emails.a],
			[memberB, emails.b]
		] as const) {
			const mail = await latestMailTo(email, /Invitation to the team/);
			expect(mail.text).toContain(teamName);
			await member.goto(linkIn(mail));
			await expect(member.getByRole('heading', { level: 1 })).toHaveText('Invitation to a team');
			await expect(member.getByText(`You are signed in as ${email}.`)).toBeVisible();
			await expectAccessible(member);
			await member.getByRole('button', { name: 'Accept and join the team' }).click();
			await expect(member.getByText('Welcome! You joined the team.')).toBeVisible();
		}
		await lead.reload();
		await expect(lead.locator('#members')).toContainText('Aapo Analyst');
		await expect(lead.locator('#members')).toContainText('Bea Builder');
	});

	test('each member records work history; impossible periods and huge files are refused', async () => {
		test.setTimeout(90_000);
		await lead.goto('/account/work-history');
		await expect(lead.getByText('No entries yet.')).toBeVisible();
		await expectAccessible(lead);
		await addWorkEntry(lead, {
			area: 'software_development',
			organisation: 'Koodi Oy',
			role: 'Developer',
			start: month(-24)
		});

		// An end month before the start: refused next to the field, what was typed is kept.
		await fillWorkEntry(lead, {
			area: 'project_management',
			organisation: 'Koodi Oy',
			role: 'Scrum master',
			start: month(-10),
			end: month(-14)
		});
		await lead.getByRole('button', { name: 'Add entry' }).click();
		await expect(
			fieldError(lead, 'The end month cannot be before the start month.').last()
		).toBeVisible();
		await expect(lead.getByLabel('Role')).toHaveValue('Scrum master');
		await expect(lead.getByLabel('Start month')).toHaveValue(month(-10));
		// A period in the future.
		await lead.getByLabel('End month').fill(month(2));
		await lead.getByRole('button', { name: 'Add entry' }).click();
		await expect(fieldError(lead, 'The month cannot be in the future.').last()).toBeVisible();
		// A 20 MB evidence file.
		await lead.getByLabel('End month').fill(month(-2));
		// The browser refuses it at the field before sending; what was typed stays.
		const evidence = lead.getByLabel('Evidence file (PDF or image)');
		await evidence.setInputFiles(HUGE_FILE);
		await lead.getByRole('button', { name: 'Add entry' }).click();
		await expectRefusedAtField(evidence, 'The file is too large: 10 MB at most.');
		await expect(lead.getByLabel('Role')).toHaveValue('Scrum master');
		// Sent anyway (without JavaScript) the server refuses it before reading it, in words
		// (tests/e2e/security.spec.ts).
		await expectAccessible(lead);
		// Nothing already saved was lost, and nothing refused was stored.
		await lead.goto('/account/work-history');
		await expect(lead.locator('#entries li')).toHaveCount(1);
		await expect(lead.getByRole('heading', { name: 'Developer, Koodi Oy' })).toBeVisible();
		await screenshot(lead, 'work-history');

		await addWorkEntry(memberA, {
			area: 'service_design',
			organisation: 'Palvelumuotoilu Oy',
			role: 'Service designer',
			start: month(-30),
			end: month(-3)
		});
		await addWorkEntry(memberB, {
			area: 'project_management',
			organisation: 'Projektit Oy',
			role: 'Project manager',
			start: month(-18)
		});

		// Work done together: the lead and Aapo.
		await lead.goto(teamUrl);
		const project = lead.locator('#projects form');
		await project.getByLabel('Project title').fill('Job fair chatbot');
		await project.getByLabel('Start month').fill(month(-12));
		await project.getByLabel('End month').fill(month(-6));
		await project.getByLabel('Liisa Lead').check();
		await project.getByLabel('Aapo Analyst').check();
		await project.getByRole('button', { name: 'Add project' }).click();
		await expect(lead.getByText('The project was added.')).toBeVisible();
	});

	test('the lead applies with three ideas; a gap closes; the draft survives a reload', async () => {
		test.setTimeout(120_000);
		await lead.goto('/challenges/ai-goes-to-work');
		const apply = lead.getByRole('region', { name: 'Apply', exact: true });
		await apply.getByLabel('Team that applies').selectOption({ label: teamName });
		await apply.getByRole('button', { name: 'Start the application' }).click();
		await expect(lead.getByRole('heading', { level: 1 })).toHaveText('AI Goes to Work');
		applicationUrl = lead.url().replace(/[?#].*$/, '');

		// Business design is nobody's: a gap, with a way to close it.
		const coverage = lead.getByRole('region', { name: 'Team competence' });
		const businessRow = coverage.getByRole('row', { name: /Business design/ });
		await expect(businessRow).toContainText('✗ No');
		await expect(coverage.getByRole('row', { name: /Service design/ })).toContainText('✓ Yes');
		await expect(
			coverage.getByText(/Nobody in the team has experience in Business design/)
		).toBeVisible();
		await expectAccessible(lead);

		// Two ideas and the requirement: saved automatically, still there after a reload.
		await fillIdea(lead, 1);
		await fillIdea(lead, 2);
		await lead.getByRole('radio', { name: 'Meets', exact: true }).check();
		await lead.getByLabel('Explanation').fill('We follow the city data protection guidelines.');
		await saved(lead);
		await lead.reload();
		await expect(
			lead
				.getByRole('group', { name: 'Idea 2' })
				.getByRole('textbox', { name: 'Title', exact: true })
		).toHaveValue('Skills passport 2');
		await expect(lead.getByRole('radio', { name: 'Meets', exact: true })).toBeChecked();
		await expect(lead.getByLabel('Explanation')).toHaveValue(
			'We follow the city data protection guidelines.'
		);

		// Submitting with two ideas: the button is off, the reason is listed, the server refuses.
		await expect(lead.getByText('Idea 3: Title is empty.')).toBeVisible();
		await expect(lead.getByRole('button', { name: 'Submit the application…' })).toBeDisabled();
		const version = await lead.locator('#draft-form input[name="version"]').inputValue();
		const refused = await postAction(lead, `${applicationUrl}?/submit`, { version });
		expect(refused).toMatchObject({ type: 'failure', status: 400 });
		expect(refused.data).toContain('The application needs exactly 3 complete preliminary ideas.');

		// Aapo adds business design; back in the editor the gap has closed.
		await addWorkEntry(memberA, {
			area: 'business_design',
			organisation: 'Palvelumuotoilu Oy',
			role: 'Business designer',
			start: month(-8),
			end: month(-1)
		});
		await lead.reload();
		await expect(businessRow).toContainText('✓ Yes');
		await expect(lead.getByText('The team meets the competence requirements.')).toBeVisible();

		await fillIdea(lead, 3);
		await saved(lead);
		await expect(lead.getByText('Everything needed is filled in.')).toBeVisible();
		await expectAccessible(lead);
		await screenshot(lead, 'application-editor');
	});

	test('bad input to the draft is refused and nothing saved is lost', async ({ browser }) => {
		const id = applicationUrl.split('/').at(-1)!;
		const version = Number(await lead.locator('#draft-form input[name="version"]').inputValue());
		const title = lead
			.getByRole('group', { name: 'Idea 1' })
			.getByRole('textbox', { name: 'Title', exact: true });

		// An idea over its limit, sent as the autosave would.
		const tooLong = await lead.request.put(`/applications/${id}/draft`, {
			data: {
				version,
				ideas: [{ position: 1, title: 'x'.repeat(121), problem: 'p', idea: 'i', value: 'v' }],
				answers: []
			}
		});
		expect(tooLong.status()).toBe(400);
		expect((await tooLong.json()).message).toBe('The text is over its character limit.');

		// A 20 MB document.
		const documentField = lead.getByLabel('Attach a document', { exact: true });
		// Uploaded on choosing (issue 12): refused at the field before anything is sent.
		await documentField.setInputFiles(HUGE_FILE);
		await expectRefusedAtField(documentField, 'The file is too large: 10 MB at most.');

		// Another team's member forges this application's id, in the autosave and in the form.
		const outsider = await personPage(browser, serverErrors);
		await signIn(outsider, 'solver@team.example', DEMO_PASSWORD);
		const forged = await outsider.request.put(`/applications/${id}/draft`, {
			data: {
				version,
				ideas: [{ position: 1, title: 'Hijacked', problem: 'p', idea: 'i', value: 'v' }],
				answers: []
			}
		});
		expect(forged.status()).toBe(404);
		expect((await forged.json()).message).toBe(UNKNOWN);
		await outsider.goto('/teams');
		const form = await postAction(outsider, `/applications/${id}?/save`, {
			version: String(version),
			idea1_title: 'Hijacked',
			idea1_problem: 'p',
			idea1_idea: 'i',
			idea1_value: 'v'
		});
		expect(form).toMatchObject({ type: 'failure', status: 404 });
		expect(form.data).toContain(UNKNOWN);
		// … and in the document forms: the same 404, not a claim that it was submitted.
		const attach = await outsider.request.post(`/applications/${id}?/attach`, {
			multipart: {
				requirementId: '',
				file: { name: 'cv.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%') }
			},
			headers: { origin: new URL(outsider.url()).origin, accept: 'application/json' }
		});
		const attached = await attach.json();
		expect(attached).toMatchObject({ type: 'failure', status: 404 });
		expect(attached.data).toContain(UNKNOWN);
		const removed = await postAction(outsider, `/applications/${id}?/remove`, {
			documentId: crypto.randomUUID()
		});
		expect(removed).toMatchObject({ type: 'failure', status: 404 });
		expect(removed.data).toContain(UNKNOWN);
		expect((await outsider.goto(applicationUrl))?.status()).toBe(404);
		await outsider.context().close();

		await lead.goto(applicationUrl);
		await expect(title).toHaveValue('Skills passport 1');
		await expect(lead.locator('#draft-form input[name="version"]')).toHaveValue(String(version));
	});

	test('the lead submits; every member gets a receipt', async () => {
		await lead.goto(applicationUrl);
		// Submit the application… only opens the question once the page has hydrated.
		await hydrated(lead);
		await lead.getByRole('button', { name: 'Submit the application…' }).click();
		await lead.getByRole('button', { name: 'Submit now' }).click();
		await expect(
			lead.getByText('The application was submitted. Every team member gets a receipt by email.')
		).toBeVisible();
		const digest = await lead.locator('.record dd code').innerText();
		expect(digest).toMatch(/^[0-9a-f]{64}$/);
		for (const email of [emails.lead, emails.a, emails.b]) {
			const receipt = await latestMailTo(email, /Receipt: application to AI Goes to Work/);
			expect(receipt.text).toContain(`SHA-256: ${digest}`);
		}
		await expectAccessible(lead);
		await screenshot(lead, 'application-submitted');
	});

	test('the owner screens it eligible and the team sees the result', async ({ browser }) => {
		test.setTimeout(90_000);
		const owner = await personPage(browser, serverErrors);
		await signIn(owner, 'owner@hel.example', DEMO_PASSWORD);
		await owner.goto(`/manage/challenges/${AI_GOES_TO_WORK}/applications`);
		const row = owner.getByRole('row', { name: new RegExp(teamName) });
		await expect(row).toContainText('Not screened');
		await expectAccessible(owner);
		await row.getByRole('link', { name: teamName }).click();
		await expect(owner.getByRole('heading', { name: `Application of ${teamName}` })).toBeVisible();
		await expect(owner.getByText('Idea 3: Skills passport 3')).toBeVisible();
		await expectAccessible(owner);
		await screenshot(owner, 'application-screening');

		// A decision without marks or justification is refused next to the fields.
		await owner.getByRole('radio', { name: 'Eligible', exact: true }).check();
		await owner.getByRole('button', { name: 'Save', exact: true }).click();
		await expect(fieldError(owner, 'A decision needs a justification.').last()).toBeVisible();
		await expect(
			fieldError(owner, 'Mark the requirement met or not met before deciding.').last()
		).toBeVisible();
		await owner.getByRole('radio', { name: 'Met', exact: true }).check();
		await owner
			.getByLabel('Justification of the decision')
			.fill('The team covers every area and meets the GDPR requirement.');
		await owner.getByRole('button', { name: 'Save', exact: true }).click();
		// A decision is mailed and irreversible: first what the team will read, then confirm.
		await expect(owner.getByRole('region', { name: 'Check before sending' })).toContainText(
			'was found eligible'
		);
		await owner.getByRole('button', { name: 'Confirm and send the decision' }).click();
		await expect(
			owner.getByText('The decision was recorded and the team was notified by email.')
		).toBeVisible();
		await owner.context().close();

		const mail = await latestMailTo(emails.b, /has been screened/);
		expect(mail.text).toContain('was found eligible');
		await memberB.goto(applicationUrl);
		// One state (issue 12): the decision, its reasons and what comes next.
		const result = memberB.getByRole('region', { name: 'Where the application stands' });
		await expect(result).toContainText('Eligible');
		await expect(result).toContainText('The team covers every area');
		await expect(result).toContainText(REQUIREMENT);
		await expectAccessible(memberB);
		await memberB.goto(teamUrl);
		await expect(memberB.locator('#applications')).toContainText('Eligible');
	});
});

test('applying after the deadline is refused with a clear message', async ({ page, browser }) => {
	test.setTimeout(120_000);
	await newAccount(page, 'Pekka Late');
	const teamUrl = await createTeam(page, `Myöhäiset ${Date.now().toString(36)}`);
	const teamId = teamUrl.split('/').at(-1)!;

	// Address fix up's applications are over: the Apply panel says so and offers no
	// Apply action, and a forged post is refused.
	await page.goto('/challenges/address-fix-up');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Address fix up');
	const panel = page.getByRole('region', { name: 'Apply', exact: true });
	await expect(panel).toContainText(/Applications closed \d+ \w+ at \d\d:\d\d\./);
	await expect(panel.getByRole('button', { name: /^Apply/ })).toHaveCount(0);
	const closed = await postAction(page, '/challenges/address-fix-up?/apply', { teamId });
	expect(closed).toMatchObject({ type: 'failure', status: 409 });
	expect(closed.data).toContain('The application period has closed.');

	// Snow Problem opens for applications; the team starts a complete draft.
	const ownerErrors: string[] = [];
	const owner = await personPage(browser, ownerErrors);
	await signIn(owner, 'owner@hel.example', DEMO_PASSWORD);
	const setApplications = async (start: number, end: number, reason: string) => {
		await owner.goto(`/manage/challenges/${SNOW_PROBLEM}/timetable`);
		const stage = owner.getByRole('group', { name: 'Applications (required)' });
		await stage.getByLabel('Starts').fill(helsinkiLocal(start));
		await stage.getByLabel('Ends').fill(helsinkiLocal(end));
		await owner.getByLabel('Reason for the change').fill(reason);
		await owner.getByRole('button', { name: 'Save', exact: true }).click();
		await expect(owner.getByRole('status')).toContainText('recorded as a public amendment');
	};
	const day = 86_400_000;
	// Opening earlier and closing later than the seeded window (+6 to +40 days) shortens nothing.
	await setApplications(-day, 45 * day, 'Applications open for the winter pilot.');

	await page.goto('/challenges/snow-problem');
	await page.getByRole('button', { name: 'Start the application' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Snow Problem');
	for (const n of [1, 2, 3]) await fillIdea(page, n);
	// Snow Problem has two minimum requirements: the team answers both.
	for (const n of [0, 1]) {
		await page.getByRole('radio', { name: 'Meets', exact: true }).nth(n).check();
		await page.getByLabel('Explanation').nth(n).fill('Our pilot fits within the current permits.');
	}
	await saved(page);
	// Nothing blocks; a one-person team is warned of the team requirements it misses.
	await expect(page.getByText(/^(✓ )?Everything needed is filled in/)).toBeVisible();

	// After publishing the owner cannot close applications early (issue 10, item 23): moving
	// the deadline to a minute ago is refused in words, and the team's draft stays open.
	await owner.goto(`/manage/challenges/${SNOW_PROBLEM}/timetable`);
	const stage = owner.getByRole('group', { name: 'Applications (required)' });
	await stage.getByLabel('Ends').fill(helsinkiLocal(-60_000));
	await owner.getByLabel('Reason for the change').fill('The pilot was cancelled.');
	await owner.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(stage.getByText('can be shortened only to a time at least')).toBeVisible();
	await owner.context().close();
	expect(ownerErrors, 'server errors').toEqual([]);
	await page.reload();
	await expect(page.getByRole('group', { name: 'Idea 3' })).toBeVisible();
	await expectAccessible(page);
});

test('submitting after the deadline is refused in words, and nothing changes', async ({ page }) => {
	// The demo seed leaves Osaamissilta's complete draft to Address fix up unsubmitted
	// when the applications deadline passed (src/lib/server/seed-applications.ts).
	const late = '/applications/40000000-0000-4000-8000-000000000001';
	await signIn(page, 'lead@osaamissilta.example');
	await page.goto(late);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Address fix up');
	await expect(page.getByText('The application period has ended; this draft')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Submit the application…' })).toHaveCount(0);
	await expect(page.getByText('Address checks at the door')).toBeVisible();

	// A submit sent anyway, as a tab left open or the page without JavaScript would send it.
	await page.evaluate(() => {
		const form = document.createElement('form');
		form.method = 'post';
		form.action = '?/submit';
		const version = document.createElement('input');
		version.name = 'version';
		version.value = '1';
		form.append(version);
		document.body.append(form);
		form.submit();
	});
	await expect(
		page.getByText('The application period has closed. The server decides by its own clock')
	).toBeVisible();
	const forged = await postAction(page, `${late}?/submit`, { version: '1' });
	expect(forged).toMatchObject({ type: 'failure', status: 409 });
	expect(forged.data).toContain('The application period has closed.');

	// Still a draft, its ideas as they were.
	await page.goto(late);
	await expect(page.getByText('The application period has ended; this draft')).toBeVisible();
	await expect(page.getByText('Address checks at the door')).toBeVisible();
	await expect(page.getByText('Submitted', { exact: true })).toHaveCount(0);
	await expectAccessible(page);
});
