import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDelivery, mailWarning } from './transport';

const MAIL = {
	to: 'a@b.example',
	subject: 'Reset',
	text: 'https://x.example/auth/reset?token=live'
};

async function deliverIn(NODE_ENV: string) {
	const DATA_DIR = await mkdtemp(join(tmpdir(), 'talkoot-mail-'));
	const printed: string[] = [];
	const deliver = createDelivery(
		{ NODE_ENV, DATA_DIR, MAIL_FROM: 'Talkoot <t@t.example>', SMTP_URL: undefined },
		(text) => printed.push(text)
	);
	await deliver(MAIL);
	const files = await readdir(join(DATA_DIR, 'mail'));
	const written = JSON.parse(await readFile(join(DATA_DIR, 'mail', files[0]), 'utf8'));
	return { printed, files, written };
}

describe('mail without SMTP_URL', () => {
	it('in production goes to DATA_DIR/mail only: no body on the console', async () => {
		const { printed, files, written } = await deliverIn('production');
		// One whole mail, no half-written part left beside it.
		expect(files).toHaveLength(1);
		expect(files[0]).toMatch(/\.json$/);
		expect(written).toMatchObject(MAIL);
		expect(printed).toEqual([]);
	});

	it('in development is also printed, for the developer to follow', async () => {
		const { printed } = await deliverIn('development');
		expect(printed.join('')).toContain(MAIL.text);
	});

	it('warns at start in production only', () => {
		const base = { DATA_DIR: '.data', MAIL_FROM: 'x <x@x.example>' };
		expect(mailWarning({ ...base, NODE_ENV: 'production', SMTP_URL: undefined })).toMatch(
			/SMTP_URL is not set/
		);
		expect(
			mailWarning({ ...base, NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example' })
		).toBeNull();
		expect(mailWarning({ ...base, NODE_ENV: 'development', SMTP_URL: undefined })).toBeNull();
	});
});
