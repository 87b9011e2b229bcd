import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '$lib/source-files.testing';

const files = (dir: string) => sourceFiles(dir, /\.(ts|js|svelte)$/);

// Requests only enqueue: the one way to SMTP (or the mail files) is the outbox worker,
// started by mail/service.ts. A request that sent mail itself would wait on SMTP and
// take longer for a known address than for an unknown one (issue 10 item 20).
describe('mail and links come from their one place', () => {
	it('nothing but the worker service loads the transport or nodemailer', () => {
		const offenders = files('src')
			.filter((f) => {
				const text = readFileSync(f, 'utf8');
				const valueImport =
					/^import (?!type )[^;]*from '[^']*(mail\/transport|\.\/transport|nodemailer)'/m;
				return valueImport.test(text);
			})
			.map((f) => relative('src', f).replaceAll('\\', '/'));
		expect(offenders.sort()).toEqual([
			'lib/server/mail/service.ts',
			'lib/server/mail/transport.ts'
		]);
	});

	// Issue 10 item 1: every absolute URL comes from absoluteUrl() on the configured origin.
	// links.ts is that function; attach.ts and cross-site.ts compare a socket's or a form
	// post's Origin header, and build nothing.
	it('no code builds a link from the request (url.origin, new URL(…, url))', () => {
		const allowed = [
			'lib/server/http/links.ts',
			'lib/server/realtime/attach.ts',
			'lib/server/http/cross-site.ts'
		];
		const offenders = files('src')
			.filter((f) =>
				/\burl\.origin\b|new URL\([^)]*,\s*(event\.)?url\)/.test(readFileSync(f, 'utf8'))
			)
			.map((f) => relative('src', f).replaceAll('\\', '/'))
			.filter((f) => !allowed.includes(f));
		expect(offenders).toEqual([]);
	});
});
