import { describe, expect, it } from 'vitest';
import { CHANGING_METHODS, FORM_CONTENT_TYPES, isCrossSiteForm } from './cross-site';

const APP = 'https://talkoot.example.fi';
/** The URL of a request as the app sees it (its origin: the configured ORIGIN). */
const APP_URL = new URL(`${APP}/account`);

const request = (method: string, headers: Record<string, string>) =>
	new Request(`${APP}/account`, { method, headers });

describe('isCrossSiteForm (SvelteKit 2.70’s csrf check)', () => {
	it('refuses a form of every kind sent by every changing method from another origin', () => {
		for (const type of FORM_CONTENT_TYPES)
			for (const method of CHANGING_METHODS)
				expect(
					isCrossSiteForm(
						request(method, { 'content-type': type, origin: 'https://evil.example' }),
						APP_URL
					),
					`${method} ${type}`
				).toBe(true);
	});

	it('refuses a form without an Origin header', () => {
		expect(
			isCrossSiteForm(
				request('POST', { 'content-type': 'application/x-www-form-urlencoded' }),
				APP_URL
			)
		).toBe(true);
	});

	it('reads the content type without its parameters and in any case', () => {
		for (const type of ['Text/Plain; charset=utf-8', ' MULTIPART/FORM-DATA ; boundary=x'])
			expect(
				isCrossSiteForm(
					request('POST', { 'content-type': type, origin: 'https://evil.example' }),
					APP_URL
				),
				type
			).toBe(true);
	});

	it('lets through a form from the app itself', () => {
		for (const type of FORM_CONTENT_TYPES)
			expect(isCrossSiteForm(request('POST', { 'content-type': type, origin: APP }), APP_URL)).toBe(
				false
			);
	});

	it('compares whole origins: another scheme, port or host is another site', () => {
		for (const origin of [
			'http://talkoot.example.fi',
			'https://talkoot.example.fi:8443',
			'https://sub.talkoot.example.fi',
			'null'
		])
			expect(
				isCrossSiteForm(request('POST', { 'content-type': 'text/plain', origin }), APP_URL),
				origin
			).toBe(true);
	});

	it('lets through what is no form: other content types, or none', () => {
		const cases: Record<string, string>[] = [
			{ 'content-type': 'application/json', origin: 'https://evil.example' },
			{ 'content-type': 'application/xml', origin: 'https://evil.example' },
			{ origin: 'https://evil.example' }
		];
		for (const headers of cases)
			expect(isCrossSiteForm(request('POST', headers), APP_URL), JSON.stringify(headers)).toBe(
				false
			);
	});

	it('lets through the methods that change nothing', () => {
		for (const method of ['GET', 'HEAD', 'OPTIONS'])
			expect(
				isCrossSiteForm(
					new Request(`${APP}/account`, {
						method,
						headers: { 'content-type': 'text/plain', origin: 'https://evil.example' }
					}),
					APP_URL
				),
				method
			).toBe(false);
	});
});
