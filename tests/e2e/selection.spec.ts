import AxeBuilder from '@axe-core/playwright';
import {
	expect,
	expectAccessible,
	latestMailTo,
	linkIn,
	screenshot,
	signIn,
	test
} from './helpers';

/**
 * Issue 14 on issue 13's jury: the selection stage on final tenders, on the demo's worked
 * example (src/lib/server/seed-selection.ts: three final tenders with prices, scored by
 * three jurors, two partners chosen and published). The chair reads the results with
 * price points, a juror opens a final tender as frozen, the selection decision document
 * shows quality, price and total, and a chosen team reads quality + price = total.
 */
const WORKED_EXAMPLE = '20000000-0000-4000-8000-000000000007';
const PUBLISHED = /Päätös julkaistu|Beslut publicerat|Decision published/;

test('the chair reads the selection results with price points and its decision document', async ({
	page
}) => {
	await signIn(page, 'owner@hel.example');
	await page.goto(`/manage/challenges/${WORKED_EXAMPLE}/jury/selection/results`);
	await expect(page.getByRole('heading', { level: 2, name: 'Results: Selection' })).toBeVisible();
	const ranking = page.getByRole('table', { name: /Selection/ });
	for (const name of ['Tender price', 'Price points', 'Total']) {
		await expect(ranking.getByRole('columnheader', { name })).toBeVisible();
	}
	const rows = ranking.getByRole('row');
	// Three tenders; price moves the cheapest, Taitotalo Consortium, to the top.
	await expect(rows).toHaveCount(4);
	await expect(rows.nth(1).getByRole('rowheader')).toContainText('Taitotalo Consortium');
	await expect(rows.nth(1)).toContainText('€960,000.00');
	await expect(page.getByText(/Price weighs 30 %/)).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'selection-results');

	await page.goto(`/manage/challenges/${WORKED_EXAMPLE}/jury/selection/decision`);
	// Published: the page says so and when; the form is a named correction, folded away.
	await expect(page.getByText("This stage's decision has been published.")).toBeVisible();
	await expect(page.getByText(/Published on .+, signed by .+\./)).toBeVisible();
	await expect(
		page.getByRole('button', { name: 'Save the correction and open the document' })
	).toBeHidden();
	await expect(page.getByText('Correct the published decision', { exact: true })).toBeVisible();
	await screenshot(page, 'selection-decision-published');
	await page.getByRole('link', { name: 'Open the decision document' }).click();
	// In the reader's language (English here); the record's own texts stay as written.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Decision: Selection');
	await expect(page.getByText('Contracting entity').first()).toBeVisible();
	const comparison = page.getByRole('table', { name: /mean points per criterion/ });
	await expect(comparison.getByRole('columnheader', { name: 'Price' })).toBeVisible();
	await expect(comparison.getByRole('row')).toHaveCount(4);
	await expectAccessible(page);
	await screenshot(page, 'selection-decision-document');
	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ path: 'test-results/selection-decision.pdf', format: 'A4' });
	expect(pdf.byteLength).toBeGreaterThan(10_000);
});

test('a juror reads a final tender as it was submitted', async ({ page }) => {
	await signIn(page, 'juror@talkoot.example');
	await page.goto(`/jury/${WORKED_EXAMPLE}/selection`);
	const items = page.getByRole('region', { name: 'Items assigned to you' });
	await expect(items.getByRole('link')).toHaveCount(3);
	await items.getByRole('link').first().click();
	await expect(
		page.getByRole('heading', { level: 2, name: 'The final tender as it was submitted' })
	).toBeVisible();
	// The same frozen view as the team's receipt: price, digest, content, lineage.
	await expect(page.getByTestId('tender-price')).toBeVisible();
	await expect(page.getByTestId('tender-digest')).toHaveText(/^[0-9a-f]{64}$/);
	await expect(page.getByRole('heading', { level: 4, name: 'Summary' })).toBeVisible();
	await expect(
		page.getByRole('heading', { level: 3, name: 'What the concept builds on' })
	).toBeVisible();
	await expect(page.getByText('You submitted your scores; they are locked.')).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'selection-juror-tender');
});

test('the owner reads a final tender in the same frozen view, headings under its own', async ({
	page
}) => {
	await signIn(page, 'owner@hel.example');
	await page.goto(`/manage/challenges/${WORKED_EXAMPLE}/concepts`);
	await page.getByRole('link', { name: 'Taitotalo Consortium' }).click();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Final tender of Taitotalo Consortium' })
	).toBeVisible();
	// The tender's title and sections one level below the page's h2, their parts below that.
	await expect(
		page.getByRole('heading', { level: 3, name: /coaching at the workplace/ })
	).toBeVisible();
	await expect(page.getByRole('heading', { level: 4, name: 'Summary' })).toBeVisible();
	// The team's Markdown "## Solution" sits under the h4 "Description": it starts at h5,
	// never as a section beside it (Prose `under`, src/lib/domain/markdown-headings.ts).
	await expect(page.getByRole('heading', { level: 4, name: 'Description' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 5, name: 'Solution' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 3, name: 'Solution' })).toHaveCount(0);
	await expect(page.getByTestId('tender-price')).toContainText('960');
	await expectAccessible(page);
	// axe's heading-order rule (best practice, outside the WCAG tags expectAccessible runs).
	const order = await new AxeBuilder({ page }).withRules(['heading-order']).analyze();
	expect(order.violations.map((v) => v.nodes.map((n) => n.target))).toEqual([]);
	await screenshot(page, 'selection-owner-tender');
});

test('a chosen team reads its quality, price and total', async ({ page }) => {
	await signIn(page, 'lead@taitotalo.example');
	// The latest decision mail of the worked example (the shortlisting's came first; the
	// go / no-go's, later, links to the same application). Other specs publish decisions
	// on other challenges Taitotalo applied to, so the title picks the challenge.
	await page.goto(
		linkIn(
			await latestMailTo(
				'lead@taitotalo.example',
				new RegExp(
					`(?:${PUBLISHED.source}): (?:Työllistymistä tukeva valmennus|Sysselsättningsträning|Employment training) 2020`
				)
			)
		)
	);
	const result = page.getByRole('region', { name: 'Result: Selection', exact: true });
	await expect(result).toContainText('Your team was chosen.');
	await expect(result).toContainText(/Quality points [\d.,]+ \+ price points 30 = total [\d.,]+\./);
	await expectAccessible(page);
	await screenshot(page, 'selection-team-result');
});
