import {
	DEMO_PASSWORD,
	expect,
	expectAccessible,
	latestMailTo,
	linkIn,
	screenshot,
	signIn,
	test
} from './helpers';
import type { Page } from '@playwright/test';

/**
 * Issue 13 end to end on Winter Cycling (seven eligible applicants, no jury yet;
 * src/lib/server/seed-jury.ts): the chair appoints three jurors; one declares a conflict
 * on one item; all score (bad input refused, a draft saved); in the consensus step a juror
 * comments and revises a score; the chair reads the ranking, a disagreement flag and the
 * robustness verdict; records a shortlist of five departing from the proposal once, with
 * a justification, and publishes it; a chosen and a rejected team each read their own
 * points and the jurors' justifications, and nothing of the others' (an open challenge
 * does not publish the comparison unless the owner chooses to).
 */
const WINTER_CYCLING = '20000000-0000-4000-8000-000000000008';

/** Points per team on the two shortlisting criteria (of 20 and 10), as every juror gives. */
const POINTS: Record<string, [number, number]> = {
	Työote: [18, 9],
	'Taitotalo Consortium': [17, 8],
	'Duuni Valmennus': [15, 8],
	Reitti: [14, 7],
	'Polku Partners': [12, 6],
	'Silta Works': [11, 6],
	Mentori: [5, 2]
};
/** Juror 2 sees Mentori very differently from the others: a disagreement to flag. */
const MENTORI_BY_JUROR_2: [number, number] = [20, 10];

const JURORS = ['juror@talkoot.example', 'juror2@hel.example', 'juror3@hel.example'];

/** The owner on the chair's jury page of Winter Cycling: the shortlisting stage's region. */
async function chairStage(page: Page) {
	await signIn(page, 'owner@hel.example');
	await page.goto(`/manage/challenges/${WINTER_CYCLING}/jury`);
	return page.getByRole('region', { name: 'Shortlisting', exact: true });
}

/** The invited juror opens the mailed link, signs in and accepts, in English. */
async function accept(page: Page, juror: string) {
	const link = linkIn(await latestMailTo(juror, /jury|raati|juryn/i));
	await page.context().clearCookies();
	await page.goto(link);
	await page
		.getByRole('main')
		.getByRole('link', { name: /Sign in|Kirjaudu|Logga in/ })
		.click();
	await page.getByLabel(/Email address|Sähköpostiosoite|E-postadress/).fill(juror);
	await page.getByLabel(/Password|Salasana|Lösenord/).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: /^(Sign in|Kirjaudu sisään|Logga in)$/ }).click();
	await expect(page).toHaveURL(link);
	if ((await page.locator('html').getAttribute('lang')) !== 'en') {
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	}
	await page.getByRole('button', { name: 'Accept and join the jury' }).click();
	await expect(page).toHaveURL(new RegExp(`/jury/${WINTER_CYCLING}/shortlisting`));
}

/** The signed-in juror scores every item assigned to them, justified, and submits each. */
async function scoreAll(page: Page, juror: number) {
	await page.goto(`/jury/${WINTER_CYCLING}/shortlisting`);
	const items = page.getByRole('region', { name: 'Items assigned to you' });
	const names = (await items.getByRole('link').allTextContents()).map((n) => n.trim());
	for (const name of names) {
		await page.goto(`/jury/${WINTER_CYCLING}/shortlisting`);
		await items.getByRole('link', { name, exact: true }).click();
		const team = Object.keys(POINTS).find((t) => name.includes(t))!;
		const points = juror === 1 && team === 'Mentori' ? MENTORI_BY_JUROR_2 : POINTS[team];
		const fields = page.getByLabel(/^Points \(0–/);
		await expect(fields).toHaveCount(2);
		if (juror === 0 && name === names[0]) {
			// Bad input is refused in the database's words; a draft saves without justifications.
			await fields.first().fill('9999');
			await page.getByRole('button', { name: 'Save draft' }).click();
			await expect(
				page.getByText("Points cannot be above the criterion's maximum.").first()
			).toBeVisible();
			// Half points typed with a decimal comma, as a key at a time (a browser's number
			// field read "1,5" as 15); the second without a justification yet: the draft keeps
			// both, and the page shows them again as typed.
			const justifications = page.getByRole('textbox', { name: /Justification/ });
			for (const [i, typed] of ['1,5', '6,5'].entries()) {
				await fields.nth(i).clear();
				await fields.nth(i).pressSequentially(typed);
			}
			await justifications.first().fill(`${team}: a first thought.`);
			await justifications.nth(1).fill('');
			await page.getByRole('button', { name: 'Save draft' }).click();
			await expect(page.getByText('Draft saved.')).toBeVisible();
			await page.reload();
			await expect(fields.first()).toHaveValue('1.5');
			await expect(fields.nth(1)).toHaveValue('6.5');
			await expect(fields.first()).toHaveAttribute('inputmode', 'decimal');
			await expect(justifications.nth(1)).toHaveValue('');
			await expectAccessible(page);
			await screenshot(page, 'jury-flow-scoring');
		}
		for (const [i, field] of (await fields.all()).entries()) await field.fill(String(points[i]));
		for (const field of await page.getByRole('textbox', { name: /Justification/ }).all()) {
			await field.fill(`${team}: scored by juror ${juror + 1} against the criterion.`);
		}
		await page.getByRole('button', { name: 'Submit scores' }).click();
		await page
			.getByRole('dialog', { name: 'Submit your scores?' })
			.getByRole('button', { name: 'Yes, submit' })
			.click();
		await expect(page.getByText('Your scores are submitted and locked.')).toBeVisible();
	}
	return names.length;
}

test('a jury scores, the chair decides with one justified departure, teams read why', async ({
	page
}) => {
	test.setTimeout(600_000);
	// A step the criteria (20 and 10 points) cannot be given in is refused, naming the
	// criterion; half points typed with a comma are saved.
	let stage = await chairStage(page);
	const step = stage.getByLabel('Score step (points)');
	await step.fill('3');
	await stage.getByRole('button', { name: 'Save step' }).click();
	await expect(
		stage.getByText(/The step 3 does not divide the maximum points of the criterion/)
	).toContainText('“Relevance of the preliminary ideas” (20)');
	await step.fill('0,5');
	await stage.getByRole('button', { name: 'Save step' }).click();
	await expect(stage.getByText('The score step was saved.')).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'jury-flow-step');

	// The chair appoints three jurors.
	for (const juror of JURORS) {
		await stage.getByLabel('Invite a juror by email').fill(juror);
		await stage.getByRole('button', { name: 'Send invitation' }).click();
		await expect(stage.getByRole('status').first()).toContainText(
			`An invitation was sent to ${juror}.`
		);
	}

	// Each accepts and declares; the third has a conflict of interest on one item.
	let conflicted = '';
	for (const [i, juror] of JURORS.entries()) {
		await accept(page, juror);
		const declarations = page.getByRole('region', { name: 'Conflicts of interest' });
		if (i === 2) {
			conflicted = (await declarations.getByRole('heading', { level: 3 }).first().textContent())!;
			await page
				.getByRole('group', { name: /Do you have a conflict of interest/ })
				.first()
				.getByLabel('Conflict of interest')
				.check();
			await page.getByRole('button', { name: 'Save declarations' }).click();
			await page
				.getByRole('dialog', { name: 'Declare a conflict of interest?' })
				.getByRole('button', { name: 'Yes, declare the conflict' })
				.click();
			await expect(page.getByText('Conflict of interest declared.')).toBeVisible();
		}
		await page.getByRole('button', { name: 'Declare no conflict for all remaining' }).click();
		await expect(page.getByText('Your declarations are on record.')).toBeVisible();
	}
	expect(conflicted.trim()).not.toBe('');

	// Every juror scores every item they are free to.
	stage = await chairStage(page);
	await stage.getByLabel('Every juror scores every item (default)').check();
	await stage.getByRole('button', { name: 'Assign' }).click();
	await expect(stage.getByRole('status').first()).toContainText('The items were assigned.');
	for (const [i, juror] of JURORS.entries()) {
		await signIn(page, juror);
		expect(await scoreAll(page, i)).toBe(i === 2 ? 6 : 7);
	}

	// The consensus step: juror 2 discusses Mentori and revises, old → new with the reason.
	stage = await chairStage(page);
	await stage.getByRole('button', { name: 'Open the consensus step' }).click();
	await page
		.getByRole('dialog', { name: 'Open the consensus step?' })
		.getByRole('button', { name: 'Open', exact: true })
		.click();
	await signIn(page, JURORS[1]);
	await page.goto(`/jury/${WINTER_CYCLING}/shortlisting`);
	await page
		.getByRole('region', { name: 'Items assigned to you' })
		.getByRole('link', { name: /Mentori/ })
		.click();
	await page.getByRole('textbox', { name: 'Comment' }).fill('I read their pilot plan differently.');
	await page.getByRole('button', { name: 'Post comment' }).click();
	await expect(page.getByText('Comment added.')).toBeVisible();
	await page.getByText('Revise this score').first().click();
	await page
		.getByRole('textbox', { name: /New points/ })
		.first()
		.fill('19');
	await page.getByRole('textbox', { name: 'Reason for the revision' }).first().fill('Discussed.');
	await page.getByRole('button', { name: 'Save the revision' }).first().click();
	await expect(page.getByText(/20 → 19 \/ 20/)).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'jury-flow-consensus');

	// The chair reads the ranking, the disagreement and the robustness verdict.
	await signIn(page, 'owner@hel.example');
	await page.goto(`/manage/challenges/${WINTER_CYCLING}/jury/shortlisting/results`);
	const mentori = page.getByRole('row', { name: /Mentori/ });
	await expect(mentori).toContainText('Jurors disagree');
	await expect(page.getByText(/^(Robust\.|Depends on juror)/).first()).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'jury-flow-results');

	// The decision: Silta Works instead of Polku Partners, justified; every team a reason.
	await page.getByRole('link', { name: 'Record the decision' }).click();
	// The jury's top five come chosen; the chair departs from it once.
	await expect(page.getByRole('checkbox', { name: 'Chosen', checked: true })).toHaveCount(5);
	await expect(
		page.getByRole('group', { name: /Polku Partners/ }).getByLabel('Chosen')
	).toBeChecked();
	await expectAccessible(page);
	await screenshot(page, 'jury-flow-decision-form');
	for (const team of Object.keys(POINTS)) {
		const item = page.getByRole('group', { name: new RegExp(team) });
		await item.getByLabel('Reason').fill(`${team}: as the jury's points show.`);
	}
	await page
		.getByRole('group', { name: /Polku Partners/ })
		.getByLabel('Chosen')
		.uncheck();
	await page
		.getByRole('group', { name: /Silta Works/ })
		.getByLabel('Chosen')
		.check();
	await page.getByLabel('Rationale').fill('Chosen by the criteria of the call.');
	await page.getByRole('button', { name: 'Save the draft and open the document' }).click();
	await expect(page).toHaveURL(/\/decisions\//);
	const draft = page.url();
	await expectAccessible(page);
	await screenshot(page, 'jury-flow-draft');

	// Departing from the proposal without a justification is refused, nothing published.
	await page.getByRole('button', { name: 'Publish the decision…' }).click();
	await page
		.getByRole('dialog', { name: 'Publish the decision?' })
		.getByRole('button', { name: 'Publish', exact: true })
		.click();
	await expect(page.getByRole('alert')).toContainText(/justif/i);
	await page.getByRole('link', { name: 'Edit the draft' }).click();
	await page
		.getByLabel("Justification for departing from the jury's proposal")
		.fill('Silta Works brings the field maintenance experience the pilot needs.');
	await page.getByRole('button', { name: 'Save the draft and open the document' }).click();
	await expect(page).toHaveURL(draft);
	await page.getByRole('button', { name: 'Publish the decision…' }).click();
	await page
		.getByRole('dialog', { name: 'Publish the decision?' })
		.getByRole('button', { name: 'Publish', exact: true })
		.click();
	await expect(page.getByRole('status')).toContainText('The decision was published');
	await expect(page.getByText('Silta Works brings the field maintenance')).toBeVisible();
	const chosenList = page.locator('section', {
		has: page.getByRole('heading', { name: 'Chosen', exact: true })
	});
	await expect(chosenList.getByRole('listitem')).toHaveCount(5);
	await expect(chosenList).toContainText('Silta Works');
	await expect(chosenList).not.toContainText('Polku Partners');
	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ path: 'test-results/jury-flow-decision.pdf', format: 'A4' });
	expect(pdf.byteLength).toBeGreaterThan(10_000);
	await page.emulateMedia({ media: 'screen' });

	// A chosen team and a team not chosen: their own points and justifications only.
	for (const [lead, team, other, chosen] of [
		['lead@silta.example', 'Silta Works', 'Polku Partners', true],
		['lead@polku.example', 'Polku Partners', 'Silta Works', false]
	] as const) {
		await signIn(page, lead);
		await page.goto(
			linkIn(await latestMailTo(lead, /Päätös julkaistu|Beslut publicerat|Decision published/))
		);
		const result = page.getByRole('region', { name: 'Result: Shortlisting' });
		await expect(result).toContainText(
			chosen ? 'Your team was chosen.' : 'Your team was not chosen this time.'
		);
		await expect(result).toContainText(`${team}: scored by juror`);
		await expect(result).not.toContainText(`${other}: scored by juror`);
		await expect(result).not.toContainText(`${other}: as the jury's points show.`);
		// An open challenge: no comparison of the others' points.
		await expect(result.getByRole('table', { name: /mean points per criterion/ })).toHaveCount(0);
		await expectAccessible(page);
		await screenshot(page, `jury-flow-team-${chosen ? 'chosen' : 'not-chosen'}`);
	}
});
