import type { Locator, Page } from '@playwright/test';
import { expect } from './helpers';

/**
 * Steps of the concept editor (/concepts/<id>, issue 14) that several specs take, as the
 * team does them in the browser.
 */

/**
 * Links the concept to one of the team's preliminary ideas and to a workshop note, both
 * chosen by the label the selects show ("Idea 1: …", "Note: …"), and waits for the lineage
 * to list both links.
 */
export async function linkIdeaAndNote(page: Page, idea: string, note: string) {
	await page.getByLabel('Preliminary idea').selectOption({ label: idea });
	await page
		.locator('form', { has: page.getByLabel('Preliminary idea') })
		.getByRole('button', { name: 'Link' })
		.click();
	await expect(page.getByText('Link added')).toBeVisible();
	await page.getByLabel('Workshop note or cluster').selectOption({ label: note });
	await page
		.locator('form', { has: page.getByLabel('Workshop note or cluster') })
		.getByRole('button', { name: 'Link' })
		.click();
	await expect(page.locator('#lineage').getByRole('listitem')).toHaveCount(2);
}

/**
 * Submits the concept open on the page as the final tender at `price` (as typed, e.g.
 * "105 000"), confirming the question, and returns the receipt's SHA-256 digest.
 */
export async function submitTender(page: Page, price: string): Promise<string> {
	const tender = page.getByRole('region', { name: 'Final tender' });
	await tender.getByLabel('Price (euros, excluding VAT)').fill(price);
	await tender.getByRole('button', { name: 'Review and submit' }).click();
	await tender.getByRole('button', { name: 'Submit final tender' }).click();
	await page
		.getByRole('dialog', { name: 'Submit the final tender?' })
		.getByRole('button', { name: 'Submit final tender' })
		.click();
	await expect(page.getByRole('heading', { name: 'Final tender receipt' })).toBeVisible();
	const digest = (await page.getByTestId('tender-digest').textContent())!.trim();
	expect(digest).toMatch(/^[0-9a-f]{64}$/);
	return digest;
}

/**
 * From the concept page, opens its versions and compares version 1 with the latest (at
 * least the third: every save is a version); returns the region showing the difference and
 * the latest version's number.
 */
export async function compareFirstWithLatest(
	page: Page
): Promise<{ diff: Locator; latest: number }> {
	await page.getByRole('link', { name: 'All versions and differences' }).click();
	await expect(page.getByRole('heading', { name: 'Versions', level: 1 })).toBeVisible();
	// The versions are asked for by number, the latest by default in 'To'.
	const latest = await page.getByLabel('To', { exact: true }).inputValue();
	expect(Number(latest)).toBeGreaterThanOrEqual(3);
	await page.getByLabel('From', { exact: true }).fill('1');
	await page.getByRole('button', { name: 'Compare' }).click();
	return {
		diff: page.getByRole('region', { name: `Changes from version 1 to version ${latest}` }),
		latest: Number(latest)
	};
}
