import type { Page } from '@playwright/test';
import { tabTo } from './helpers';

/**
 * Steps of the production phase's reports (issue 14) that several specs take: the months
 * as the report form and the pages name them, and a report typed with the keyboard alone.
 */

/** `YYYY-MM` of the month `offset` months from now, in Helsinki. */
export function monthFromNow(offset: number): string {
	const now = new Date(new Date().toLocaleString('en-US', { timeZone: 'Europe/Helsinki' }));
	const d = new Date(Date.UTC(now.getFullYear(), now.getMonth() + offset, 1));
	return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A `YYYY-MM` month as the English pages name it: "October 2026". */
export const monthName = (ym: string) =>
	new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(`${ym}-01T00:00:00Z`)
	);

/**
 * Fills the open month's report form with the keyboard alone and sends it with Enter:
 * clients started, clients progressed, then the count of each category in order.
 */
export async function reportByKeyboard(page: Page, numbers: readonly number[]) {
	await tabTo(page, '#field-started');
	for (const [i, n] of numbers.entries()) {
		if (i > 0) await page.keyboard.press('Tab');
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type(String(n));
	}
	await page.keyboard.press('Enter');
}
