import { expect, expectAccessible, fieldError, screenshot, signIn, test } from './helpers';

// Issue 16 leftovers, found by an outside tester: forms the browser refused in its own
// bubble, roles that clash let through in one order, and error pages answered before a
// page renders in English whatever the person's language.
const AI_GOES_TO_WORK = '20000000-0000-4000-8000-000000000001';

test('the challenge team’s form refuses an unchosen person at the field, not in a bubble', async ({
	page
}) => {
	await signIn(page, 'owner@hel.example');
	await page.goto(`/manage/challenges/${AI_GOES_TO_WORK}/team`);
	const person = page.getByLabel('Person');
	await expect(person).toHaveValue('');
	await page.getByRole('button', { name: 'Add to the team' }).click();
	await expect(fieldError(page, 'This field is required.')).toBeVisible();
	await expect(person).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(page);
	await screenshot(page, 'team-add-refused');
});

test('a member of a team that applied is refused as a juror, at the address', async ({ page }) => {
	await signIn(page, 'owner@hel.example');
	await page.goto(`/manage/challenges/${AI_GOES_TO_WORK}/jury`);
	const stage = page.getByRole('region', { name: 'Selection', exact: true });
	await stage.getByLabel('Invite a juror by email').fill('lead@osaamissilta.example');
	await stage.getByRole('button', { name: 'Send invitation' }).click();
	const field = stage.getByLabel('Invite a juror by email');
	await expect(fieldError(stage, 'cannot be a member of a team that applied to it')).toBeVisible();
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await expect(stage.getByRole('row', { name: /lead@osaamissilta\.example/ })).toHaveCount(0);
	await screenshot(page, 'jury-invite-applicant-refused');
});

test('answers given before a page renders speak the request’s language', async ({ page }) => {
	// An unknown address: the page's lang and words are the reader's (Swedish here).
	const unknown = await page.request.get('/no-such-page', {
		headers: { 'accept-language': 'sv', accept: 'text/html' }
	});
	expect(unknown.status()).toBe(404);
	const html = await unknown.text();
	expect(html).toMatch(/<html lang="sv"/);
	expect(html).toContain('Sidan hittades inte');
	// A body over the limit, refused in the hooks before any route: a page in Finnish. (From
	// the site itself: a cross-site post is refused before, see below.)
	const origin = new URL(test.info().project.use.baseURL!).origin;
	const tooLarge = await page.request.post('/account', {
		headers: {
			'accept-language': 'fi',
			accept: 'text/html',
			'content-type': 'text/plain',
			origin
		},
		data: 'x'.repeat(1_100_000)
	});
	expect(tooLarge.status()).toBe(413);
	expect(tooLarge.headers()['content-language']).toBe('fi');
	const refused = await tooLarge.text();
	expect(refused).toMatch(/<html lang="fi">/);
	expect(refused).not.toContain('The request is too large');
	await page.setContent(refused);
	await screenshot(page, 'early-413-fi');
});

// An outside tester's report: SvelteKit refused a form posted from another site in English
// plain text before any hook ran. The hooks make the same check (cross-site.ts) and refuse
// in the request's language: its cookie before Accept-Language, as every page.
test('a form posted from another site is refused in the request’s language', async ({
	page,
	baseURL
}) => {
	const form = { 'content-type': 'application/x-www-form-urlencoded' };
	const swedish = await page.request.post('/account', {
		headers: {
			...form,
			origin: 'https://evil.example',
			'accept-language': 'sv',
			accept: 'text/html'
		},
		data: 'displayName=x'
	});
	expect(swedish.status()).toBe(403);
	expect(swedish.headers()['content-language']).toBe('sv');
	const html = await swedish.text();
	expect(html).toMatch(/<html lang="sv">/);
	expect(html).toContain('Formuläret skickades från en annan webbplats');
	expect(html).not.toContain('Cross-site');
	await page.setContent(html);
	await expectAccessible(page);
	await screenshot(page, 'cross-site-form-sv');

	// The locale cookie speaks before Accept-Language; an enhanced form gets the action's JSON.
	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'fi', url: baseURL! }]);
	const finnish = await page.request.post('/account', {
		headers: {
			...form,
			origin: 'https://evil.example',
			'accept-language': 'en',
			'x-sveltekit-action': 'true'
		},
		data: 'displayName=x'
	});
	expect(finnish.status()).toBe(403);
	expect((await finnish.json()).error.message).toContain('Lomake lähetettiin toiselta sivustolta');

	// The same form from the site itself is not refused as cross-site.
	const own = await page.request.post('/account', {
		headers: { ...form, origin: new URL(baseURL!).origin, 'accept-language': 'en' },
		data: 'displayName=x',
		maxRedirects: 0
	});
	expect(own.status()).not.toBe(403);
});
