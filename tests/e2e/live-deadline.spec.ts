import { expect, signIn, test } from './helpers';

// Issue 11, item 11: the application page kept showing "0 h 2 min left" beside the
// database's "deadline passed" refusal. The page's own clock flips its state at the
// deadline, without a reload. Playwright's clock stands in for waiting weeks.
test('the application page counts down and closes at the deadline without a reload', async ({
	page
}) => {
	await page.clock.install();
	await signIn(page, 'solver@team.example');
	await page.goto('/teams');
	await page.getByRole('link', { name: 'Kohtaamo Collective' }).first().click();
	// Its application to AI Goes to Work (the team has applied to other challenges too).
	await page
		.locator('#applications li', { hasText: 'AI Goes to Work' })
		.locator('a[href^="/applications/"]')
		.first()
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('AI Goes to Work');

	// Found eligible already: no countdown beside the decision (issue 12), but withdrawing
	// (which would void the decision) is possible until the deadline, and says until when.
	const countdown = page.getByTestId('deadline-countdown');
	await expect(countdown).toHaveCount(0);
	await expect(page.getByText('Withdrawing is possible until')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Withdraw the application' })).toBeVisible();
	// The submission time is given to the second (lateness is judged to the second).
	await expect(page.getByTestId('submitted-at')).toHaveText(/\d{1,2}:\d{2}:\d{2}/);
	await expect(page.getByTestId('submitted-at')).toHaveAttribute(
		'datetime',
		/T\d{2}:\d{2}:\d{2}\+0[23]:00$/
	);

	// AI Goes to Work's applications end within 26 days (supabase/seed.sql).
	await page.clock.fastForward(27 * 86_400_000);
	await expect(countdown).toHaveText('The deadline has passed.');
	await expect(page.getByRole('button', { name: 'Withdraw the application' })).toHaveCount(0);
	await expect(page.getByText('Withdrawing is possible until')).toHaveCount(0);
});
