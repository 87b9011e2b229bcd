// Local screenshots of the juror pages against a dev server whose jury state the chair's
// part was set up by SQL (no chair UI yet). Not a spec: run by hand with node.
import { chromium } from 'playwright';
import AxeBuilder from '@axe-core/playwright';
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const BASE = 'http://localhost:4373';
const C = '20000000-0000-4000-8000-000000000001';
const OWNER = '00000000-0000-4000-8000-000000000002';
const FAC = '00000000-0000-4000-8000-000000000005';
const MEMBER = '00000000-0000-4000-8000-000000000007';
const OUT = 'test-results/juror-shots';
const psql = (sql) =>
	execSync(`psql -h 127.0.0.1 -U postgres -d juror_dev -qAt -v ON_ERROR_STOP=1`, { input: sql })
		.toString()
		.trim();
const as = (user, sql) =>
	psql(`begin;
select set_config('request.jwt.claims', json_build_object('sub','${user}','role','authenticated')::text, true);
set local role authenticated;
${sql}
commit;`);
// The link of the newest invitation mailed to `email` (the dev mail folder).
const tokenOf = (email) => {
	const dir = '.data-juror-dev/mail';
	const mails = readdirSync(dir)
		.sort()
		.reverse()
		.map((f) => readFileSync(`${dir}/${f}`, 'utf8'));
	const mail = mails.find((m) => m.includes(email) && m.includes('/jury/invitations/'));
	return /\/jury\/invitations\/[a-z0-9]+/.exec(mail)[0];
};
const apps = Object.fromEntries(
	psql(
		`select t.name || '|' || a.id from applications a join teams t on t.id=a.team_id where a.challenge_id='${C}' and a.status='submitted'`
	)
		.split('\n')
		.map((l) => l.split('|'))
);
const K = apps['Kohtaamo Collective'];
const O = apps['Osaamissilta'];
const criteria = psql(
	`select id || '|' || max_points from challenge_criteria where challenge_id='${C}' and stage='shortlisting' order by position`
)
	.split('\n')
	.map((l) => l.split('|'));
const jurorOf = (email) =>
	psql(`select id from jury_members where challenge_id='${C}' and email='${email}'`);

const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
const wide = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
const page = await wide.newPage();
const problems = [];
page.on('response', (r) => {
	if (r.status() >= 500) problems.push(`${r.status()} ${r.url()}`);
});

async function shot(name, p = page) {
	const axe = await new AxeBuilder({ page: p })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	if (axe.violations.length)
		problems.push(
			`${name}: ${axe.violations.map((v) => v.id + ' ' + v.nodes.map((n) => n.target).join(',')).join('; ')}`
		);
	await p.screenshot({ path: `${OUT}/${name}-1440.png`, fullPage: true });
	const narrow = await browser.newContext({
		viewport: { width: 375, height: 800 },
		locale: 'en-GB',
		storageState: await wide.storageState()
	});
	const n = await narrow.newPage();
	await n.goto(p.url());
	const sw = await n.evaluate(
		() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth
	);
	if (sw > 0) problems.push(`${name}: horizontal scroll ${sw}px at 375`);
	await n.screenshot({ path: `${OUT}/${name}-375.png`, fullPage: true });
	await narrow.close();
}

async function signIn(email) {
	await wide.clearCookies();
	await page.goto(`${BASE}/auth/sign-in`);
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill('Talkoot-demo-2026!');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForLoadState();
	if ((await page.locator('html').getAttribute('lang')) !== 'en') {
		const english = page.getByRole('button', { name: 'English' });
		if (!(await english.isVisible())) await page.locator('header details > summary').click();
		await english.click();
		await page.waitForLoadState();
	}
}

// 1. The invitation, signed out.
const link = tokenOf('juror@talkoot.example');
await page.goto(BASE + link);
await shot('invitation-signed-out');
// 2. Signed in as the wrong person, then as the juror.
await signIn('solver@team.example');
await page.goto(BASE + link);
await page.getByRole('button', { name: 'Accept and join the jury' }).click();
await page.waitForLoadState();
await shot('invitation-wrong-account');
await signIn('juror@talkoot.example');
await page.goto(BASE + link);
await shot('invitation-signed-in');
await page.getByRole('button', { name: 'Accept and join the jury' }).click();
await page.waitForURL(/\/jury\/.*\/shortlisting\?notice=accepted/);
await shot('stage-undeclared');
// 3. A conflict asks first; cancel; then none for all remaining.
await page
	.getByRole('group', { name: /Osaamissilta/ })
	.getByLabel('Conflict of interest')
	.check();
await page.getByRole('button', { name: 'Save declarations' }).click();
await page.getByRole('dialog').waitFor();
await page.screenshot({ path: `${OUT}/stage-confirm-conflict-1440.png` });
await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
await page
	.getByRole('group', { name: /Osaamissilta/ })
	.getByLabel('No conflict')
	.check();
await page.getByRole('button', { name: 'Declare no conflict for all remaining' }).click();
await page.waitForURL(/notice=declared/);

// The other jurors (SQL: the chair's part and two jurors' own calls).
for (const [user, email] of [
	[FAC, 'facilitator@talkoot.example'],
	[MEMBER, 'member@hel.example']
]) {
	const hash = psql(
		`select encode(sha256(convert_to('${tokenOf(email).split('/').pop()}','UTF8')),'hex')`
	);
	as(user, `select public.jury_accept_invitation('${hash}');`);
}
as(
	FAC,
	`select public.jury_declare_conflicts('${C}','shortlisting','[{"item":"${O}","conflict":true},{"item":"${K}","conflict":false}]');`
);
as(
	MEMBER,
	`select public.jury_declare_conflicts('${C}','shortlisting','[{"item":"${O}","conflict":false},{"item":"${K}","conflict":false}]');`
);
const J = jurorOf('juror@talkoot.example'),
	F = jurorOf('facilitator@talkoot.example'),
	M = jurorOf('member@hel.example');
as(
	OWNER,
	`select public.jury_assign('${C}','shortlisting','[{"juror":"${J}","item":"${K}"},{"juror":"${J}","item":"${O}"},{"juror":"${F}","item":"${K}"},{"juror":"${M}","item":"${K}"},{"juror":"${M}","item":"${O}"}]');`
);
const card = (a, b, why) =>
	JSON.stringify([
		{ criterion: criteria[0][0], points: a, justification: why },
		{ criterion: criteria[1][0], points: b, justification: why }
	]);
as(
	FAC,
	`select public.jury_submit_scores('application','${K}','${card(16, 8, 'Strong ideas rooted in the coaches’ daily work; the pilot plan is thin.')}');`
);
as(
	MEMBER,
	`select public.jury_submit_scores('application','${K}','${card(12.5, 6, 'Relevant, but the team lacks data engineering.')}');`
);

await page.reload();
await shot('stage-declared');
// 4. Score an item: a refused draft, a saved draft, submit asks first.
await page.getByRole('link', { name: 'Kohtaamo Collective' }).click();
await page.waitForLoadState();
await shot('item-form');
const [[k1, max1], [k2]] = criteria;
await page.locator(`input[type=number][name="points_${k1}"]`).fill(String(Number(max1) + 1));
await page.locator(`input[type=number][name="points_${k2}"]`).fill('7.3');
await page.getByRole('button', { name: 'Save draft' }).click();
await page.waitForLoadState();
await shot('item-refused');
await page.locator(`input[type=number][name="points_${k1}"]`).fill('14.5');
await page
	.locator(`textarea[name="justification_${k1}"]`)
	.fill('The three ideas answer the coaches’ real bottlenecks; the second is the strongest.');
await page.locator(`input[type=number][name="points_${k2}"]`).fill('7');
await page.getByRole('button', { name: 'Save draft' }).click();
await page.waitForURL(/notice=saved/);
await page
	.locator(`textarea[name="justification_${k2}"]`)
	.fill('Coaching and software skills complement each other; no data engineer yet.');
await page.getByRole('button', { name: 'Submit scores' }).click();
await page.getByRole('dialog').waitFor();
await page.screenshot({ path: `${OUT}/item-confirm-submit-1440.png` });
await page.getByRole('dialog').getByRole('button', { name: 'Yes, submit' }).click();
await page.waitForURL(/notice=submitted/);
await shot('item-submitted');
// 5. The consensus step: others' scores, a comment, a revision.
as(OWNER, `select public.jury_open_consensus('${C}','shortlisting');`);
as(
	FAC,
	`select public.jury_comment('application','${K}','Is 14.5 on relevance not too strict? Their second idea was piloted already.');`
);
await page.reload();
await page.getByRole('textbox', { name: 'Comment' }).fill('Fair point; the pilot is convincing.');
await page.getByRole('button', { name: 'Post comment' }).click();
await page.waitForURL(/notice=commented/);
await page.getByText('Revise this score').first().click();
await page.locator('#field-revise-points-' + k1).fill('16');
await page
	.locator('#field-revise-reason-' + k1)
	.fill('The pilot data convinced me in the discussion.');
await page.getByRole('button', { name: 'Save the revision' }).first().click();
await page.waitForURL(/notice=revised/);
await shot('item-consensus');
// 6. Lists.
await page.goto(`${BASE}/jury`);
await shot('juries');
await page.goto(`${BASE}/dashboard`);
await shot('dashboard');
// 7. A conflicted juror gets words, not the item.
await signIn('facilitator@talkoot.example');
const res = await page.goto(`${BASE}/jury/${C}/shortlisting/${O}`);
problems.push(`conflicted item status ${res.status()}`);
await shot('item-conflicted-403');
await page.goto(`${BASE}/jury/${C}/shortlisting`);
await shot('stage-with-conflict');
console.log(problems.join('\n') || 'no problems');
await browser.close();
