import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FALLBACK_MARK, errorTitle, inRequestLanguage, requestLocale } from './error-page';
import { refuseEarly } from './limits';

// Issue 16 leftovers: what is answered before a page renders (a 413 or 429 refused in the
// hooks, a failed hook, SvelteKit's fallback page src/error.html) came in English or as
// <html lang="en">, whatever the person's language. Each answers in the request's.
const request = (headers: Record<string, string>) =>
	new Request('http://localhost/applications', { method: 'POST', headers });
const swedish = { 'accept-language': 'sv-FI,sv;q=0.9,en;q=0.5' };

describe('the language of an early answer', () => {
	it('is paraglide’s negotiation: the cookie, then Accept-Language, then Finnish', () => {
		expect(requestLocale(request({ cookie: 'PARAGLIDE_LOCALE=en', ...swedish }))).toBe('en');
		expect(requestLocale(request(swedish))).toBe('sv');
		expect(requestLocale(request({}))).toBe('fi');
	});

	it('refuseEarly: a browser gets a page with its lang, every client Content-Language', async () => {
		const page = refuseEarly(request({ accept: 'text/html', ...swedish }), 413, 'För stor', {
			connection: 'close'
		});
		expect(page.status).toBe(413);
		expect(page.headers.get('content-type')).toMatch(/^text\/html/);
		expect(page.headers.get('content-language')).toBe('sv');
		expect(page.headers.get('connection')).toBe('close');
		const html = await page.text();
		expect(html).toMatch(/<html lang="sv">/);
		expect(html).toContain('För stor');
		expect(html).toContain(errorTitle(413, 'sv'));
		expect(html).not.toContain('Something went wrong');
		for (const accept of ['application/json', '*/*']) {
			const answer = refuseEarly(request({ accept, ...swedish }), 429, 'Vänta');
			expect(answer.headers.get('content-language')).toBe('sv');
		}
		const action = refuseEarly(request({ 'x-sveltekit-action': 'true', ...swedish }), 413, 'x');
		expect(action.headers.get('content-language')).toBe('sv');
		expect(await action.json()).toMatchObject({ type: 'error', status: 413 });
	});

	it('SvelteKit’s fallback page (src/error.html) is answered again in the request’s language', async () => {
		const fallback = readFileSync('src/error.html', 'utf8');
		expect(fallback).toContain(FALLBACK_MARK);
		const served = new Response(fallback.replace('%sveltekit.status%', '500'), {
			status: 500,
			headers: { 'content-type': 'text/html', 'x-frame-options': 'DENY' }
		});
		const answer = await inRequestLanguage(request(swedish), served);
		expect(answer.status).toBe(500);
		expect(answer.headers.get('x-frame-options')).toBe('DENY');
		expect(answer.headers.get('content-language')).toBe('sv');
		const html = await answer.text();
		expect(html).toMatch(/<html lang="sv">/);
		expect(html).toContain(errorTitle(500, 'sv'));
		// Any other page, an error page rendered by +error.svelte too, is left as it is.
		const page = new Response('<html lang="sv"><p>Sidan hittades inte</p></html>', {
			status: 404,
			headers: { 'content-type': 'text/html' }
		});
		expect(await inRequestLanguage(request(swedish), page)).toBe(page);
	});

	it('names each status in each language', () => {
		expect(errorTitle(404, 'fi')).not.toBe(errorTitle(404, 'en'));
		expect(errorTitle(500, 'sv')).not.toBe(errorTitle(500, 'en'));
	});
});
