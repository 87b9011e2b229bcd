import { request as httpRequest } from 'node:http';
import { DEMO_PASSWORD, expect, latestMailTo, linkIn, test, uniqueEmail } from './helpers';

const PORT = Number(process.env.E2E_PORT ?? 4173);

test('sign-up with a taken address answers like a new one; the owner is mailed', async ({
	page
}) => {
	const fill = async (email: string) => {
		await page.goto('/auth/sign-up');
		await page.getByLabel('Name').fill('Someone Else');
		await page.getByLabel('Email address').fill(email);
		await page.getByLabel('Password').fill('a long and unusual passphrase 42');
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
		return page.locator('main').innerText();
	};
	const fresh = uniqueEmail('fresh');
	const taken = 'solver@team.example';
	const forNew = await fill(fresh);
	const forTaken = await fill(taken);
	expect(forTaken.replace(taken, 'EMAIL')).toBe(forNew.replace(fresh, 'EMAIL'));
	const mail = await latestMailTo(taken, /Sign-up attempt/);
	expect(linkIn(mail)).toBe('/auth/sign-in');
	// The owner's password still works.
	await page.goto('/auth/sign-in');
	await page.getByLabel('Email address').fill(taken);
	await page.getByLabel('Password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.locator('form[action="/auth/sign-out"]')).toBeVisible();
});

test('a reset asked for with Host: attacker.example mails a link on ORIGIN', async () => {
	const email = 'designer@team.example';
	const status = await new Promise<number>((resolve, reject) => {
		const body = new URLSearchParams({ email }).toString();
		const req = httpRequest(
			{
				host: '127.0.0.1',
				port: PORT,
				path: '/auth/forgot',
				method: 'POST',
				headers: {
					Host: 'attacker.example',
					// SvelteKit's cross-site check passes: the Host header is all that is forged.
					Origin: `http://localhost:${PORT}`,
					'Content-Type': 'application/x-www-form-urlencoded',
					'Content-Length': Buffer.byteLength(body)
				}
			},
			(res) => {
				res.resume();
				resolve(res.statusCode ?? 0);
			}
		);
		req.on('error', reject);
		req.end(body);
	});
	expect(status).toBe(200);
	const mail = await latestMailTo(email, /Reset your Talkoot password/);
	expect(mail.text).toContain(`http://localhost:${PORT}/auth/reset?token=`);
	expect(mail.text).not.toContain('attacker.example');
});
