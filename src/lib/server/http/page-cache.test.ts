import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { extractLocaleFromRequest } from '$lib/paraglide/runtime';
import { forgetVisitorViews } from '../challenges/visitor-cache';
import {
	forgetPages,
	PAGE_CACHE_TTL_MS,
	pageCache,
	pageCacheBytes,
	pageCacheSize
} from './page-cache';

const SESSION = '__Host-talkoot_session';

interface Options {
	method?: string;
	headers?: Record<string, string>;
	cookies?: Record<string, string>;
	isDataRequest?: boolean;
}

function makeEvent(path: string, o: Options = {}): RequestEvent {
	const url = new URL(path, 'http://localhost:4173');
	const headers = new Headers(o.headers);
	const cookies = Object.entries(o.cookies ?? {});
	if (cookies.length) headers.set('cookie', cookies.map(([k, v]) => `${k}=${v}`).join('; '));
	return {
		url,
		request: new Request(url, { method: o.method ?? 'GET', headers }),
		isDataRequest: o.isDataRequest ?? false,
		isSubRequest: false,
		locals: { user: null },
		cookies: { getAll: () => cookies.map(([name, value]) => ({ name, value })) }
	} as unknown as RequestEvent;
}

interface Rendered {
	headers?: Record<string, string>;
	status?: number;
	/** What the session step would find: a signed-in user. */
	user?: boolean;
	during?: () => void | Promise<void>;
	/** Pads the page to about this many bytes. */
	size?: number;
}

/** Stands in for the rest of the chain: session, locale, render. Counts its calls. */
function app(r: Rendered = {}) {
	let renders = 0;
	const resolve = vi.fn(async (event: RequestEvent) => {
		renders++;
		if (r.user || event.cookies.getAll().some((c) => c.name === SESSION))
			event.locals.user = { id: 'u1' } as App.Locals['user'];
		const locale = extractLocaleFromRequest(event.request);
		event.locals.locale = locale;
		await r.during?.();
		const body = `<html lang="${locale}">${event.locals.user ? 'Sign out' : 'Sign in'} #${renders}</html>${' '.repeat(r.size ?? 0)}`;
		return new Response(body, {
			status: r.status ?? 200,
			headers: {
				'content-type': 'text/html',
				'content-security-policy': "script-src 'self' 'sha256-abc='",
				...r.headers
			}
		});
	});
	const get = async (path: string, o: Options = {}) => {
		const response = await pageCache({ event: makeEvent(path, o), resolve });
		return { status: response.status, text: await response.text(), headers: response.headers };
	};
	return { resolve, get };
}

const fi = { headers: { 'accept-language': 'fi' } };

beforeEach(() => forgetPages());
afterEach(() => vi.useRealTimers());

describe('page cache', () => {
	it('answers an anonymous visitor from the cache, with the same bytes and headers', async () => {
		const { resolve, get } = app();
		const first = await get('/challenges/hiking-compass', fi);
		const second = await get('/challenges/hiking-compass', fi);
		expect(resolve).toHaveBeenCalledTimes(1);
		expect(second.text).toBe(first.text);
		expect(second.headers.get('content-security-policy')).toBe(
			first.headers.get('content-security-policy')
		);
		await get('/challenges', fi);
		await get('/challenges', fi);
		await get('/', fi);
		await get('/', fi);
		expect(resolve).toHaveBeenCalledTimes(3);
	});

	it('never serves a signed-in request from the cache', async () => {
		const { resolve, get } = app();
		await get('/challenges/hiking-compass', fi);
		const signedIn = await get('/challenges/hiking-compass', {
			...fi,
			cookies: { [SESSION]: 'token' }
		});
		expect(resolve).toHaveBeenCalledTimes(2);
		expect(signedIn.text).toContain('Sign out');
		// Any other cookie or credentials skip the cache too.
		await get('/challenges/hiking-compass', { ...fi, cookies: { talkoot_session: 'x' } });
		await get('/challenges/hiking-compass', { ...fi, headers: { authorization: 'Bearer x' } });
		expect(resolve).toHaveBeenCalledTimes(4);
	});

	it('never keeps the response to a signed-in request', async () => {
		const { resolve, get } = app();
		await get('/challenges/hiking-compass', { ...fi, cookies: { [SESSION]: 'token' } });
		expect(pageCacheSize()).toBe(0);
		const anonymous = await get('/challenges/hiking-compass', fi);
		expect(resolve).toHaveBeenCalledTimes(2);
		expect(anonymous.text).toContain('Sign in');
	});

	it('never keeps a page rendered for a user, even one without a cookie', async () => {
		const { get } = app({ user: true });
		await get('/challenges/hiking-compass', fi);
		expect(pageCacheSize()).toBe(0);
	});

	it('is emptied by every change (forgetVisitorViews)', async () => {
		const { resolve, get } = app();
		await get('/challenges/hiking-compass', fi);
		await get('/challenges', fi);
		expect(pageCacheSize()).toBe(2);
		forgetVisitorViews();
		expect(pageCacheSize()).toBe(0);
		await get('/challenges/hiking-compass', fi);
		expect(resolve).toHaveBeenCalledTimes(3);
	});

	it('does not keep a page rendered while a change landed', async () => {
		const { get } = app({ during: () => forgetVisitorViews() });
		await get('/challenges/hiking-compass', fi);
		expect(pageCacheSize()).toBe(0);
	});

	it('keeps one entry per resolved locale', async () => {
		const { resolve, get } = app();
		const finnish = await get('/challenges/hiking-compass', fi);
		const swedish = await get('/challenges/hiking-compass', {
			headers: { 'accept-language': 'sv' }
		});
		expect(finnish.text).toContain('lang="fi"');
		expect(swedish.text).toContain('lang="sv"');
		expect(resolve).toHaveBeenCalledTimes(2);
		// The locale cookie wins over Accept-Language, as in Paraglide: the Swedish entry.
		const cookie = await get('/challenges/hiking-compass', {
			...fi,
			cookies: { PARAGLIDE_LOCALE: 'sv' }
		});
		expect(cookie.text).toBe(swedish.text);
		// A language the visitor chose is marked so (issue 16): the same entry, still cached.
		const chosen = await get('/challenges/hiking-compass', {
			...fi,
			cookies: { PARAGLIDE_LOCALE: 'sv', talkoot_locale_chosen: '1' }
		});
		expect(chosen.text).toBe(swedish.text);
		// Headers that resolve to the same locale share the entry; no header is Finnish.
		await get('/challenges/hiking-compass', { headers: { 'accept-language': 'sv-FI,sv;q=0.9' } });
		await get('/challenges/hiking-compass');
		expect(resolve).toHaveBeenCalledTimes(2);
		const english = await get('/challenges/hiking-compass', {
			headers: { 'accept-language': 'en-GB,en;q=0.8' }
		});
		expect(english.text).toContain('lang="en"');
		expect(resolve).toHaveBeenCalledTimes(3);
	});

	it('keys on the whole address', async () => {
		const { resolve, get } = app();
		await get('/challenges?q=kartta', fi);
		await get('/challenges?q=metsa', fi);
		await get('/challenges/hiking-compass?followed=1', fi);
		await get('/challenges/hiking-compass', fi);
		expect(resolve).toHaveBeenCalledTimes(4);
	});

	it('expires after its TTL', async () => {
		vi.useFakeTimers();
		const { resolve, get } = app();
		await get('/challenges/hiking-compass', fi);
		vi.advanceTimersByTime(PAGE_CACHE_TTL_MS - 1);
		await get('/challenges/hiking-compass', fi);
		expect(resolve).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(1);
		await get('/challenges/hiking-compass', fi);
		expect(resolve).toHaveBeenCalledTimes(2);
	});

	it('leaves alone other methods, data requests and other pages', async () => {
		const { resolve, get } = app();
		for (let i = 0; i < 2; i++) {
			await get('/challenges/hiking-compass', { ...fi, method: 'POST' });
			await get('/challenges/hiking-compass', { ...fi, method: 'HEAD' });
			await get('/challenges/hiking-compass', { ...fi, isDataRequest: true });
			await get('/challenges/hiking-compass/calendar.ics', fi);
			await get('/account', fi);
			await get('/manage', fi);
		}
		expect(resolve).toHaveBeenCalledTimes(12);
		expect(pageCacheSize()).toBe(0);
	});

	it.each([
		['a cookie', { status: 200, headers: { 'set-cookie': 'a=b; Path=/' } }],
		['a CSP nonce', { headers: { 'content-security-policy': "script-src 'nonce-abc'" } }],
		['a report-only nonce', { headers: { 'content-security-policy-report-only': "'nonce-a'" } }],
		['Cache-Control: private', { headers: { 'cache-control': 'private' } }],
		['Cache-Control: no-store', { headers: { 'cache-control': 'no-store' } }],
		['Vary: *', { headers: { vary: '*' } }],
		['a status other than 200', { status: 404 }],
		['a type other than HTML', { headers: { 'content-type': 'application/json' } }]
	] as [string, Rendered][])('never keeps a response with %s', async (_, rendered) => {
		const { resolve, get } = app(rendered);
		await get('/challenges/hiking-compass', fi);
		await get('/challenges/hiking-compass', fi);
		expect(resolve).toHaveBeenCalledTimes(2);
		expect(pageCacheSize()).toBe(0);
	});

	it('respects Vary on other request headers', async () => {
		const { resolve, get } = app({ headers: { vary: 'Accept-Language, X-Variant' } });
		await get('/challenges', { headers: { 'accept-language': 'fi', 'x-variant': 'a' } });
		await get('/challenges', { headers: { 'accept-language': 'fi', 'x-variant': 'a' } });
		expect(resolve).toHaveBeenCalledTimes(1);
		await get('/challenges', { headers: { 'accept-language': 'fi', 'x-variant': 'b' } });
		await get('/challenges', { headers: { 'accept-language': 'fi' } });
		expect(resolve).toHaveBeenCalledTimes(3);
	});

	it('renders a page once for the visitors who ask for it at the same time', async () => {
		let release!: () => void;
		const gate = new Promise<void>((r) => (release = r));
		const { resolve, get } = app({ during: () => gate });
		const visitors = Array.from({ length: 5 }, () => get('/challenges/hiking-compass', fi));
		const signedIn = get('/challenges/hiking-compass', { ...fi, cookies: { [SESSION]: 't' } });
		await vi.waitFor(() => expect(resolve).toHaveBeenCalledTimes(2));
		release();
		const pages = await Promise.all(visitors);
		expect(new Set(pages.map((p) => p.text)).size).toBe(1);
		expect((await signedIn).text).toContain('Sign out');
		expect(resolve).toHaveBeenCalledTimes(2);
	});

	it('lets each waiting visitor render for itself when the page may not be kept', async () => {
		let release!: () => void;
		const gate = new Promise<void>((r) => (release = r));
		const { resolve, get } = app({ during: () => gate, headers: { 'set-cookie': 'a=b' } });
		const visitors = Array.from({ length: 3 }, () => get('/challenges/hiking-compass', fi));
		await vi.waitFor(() => expect(resolve).toHaveBeenCalledTimes(1));
		release();
		await Promise.all(visitors);
		expect(resolve).toHaveBeenCalledTimes(3);
		expect(pageCacheSize()).toBe(0);
	});

	it('keeps at most 64 MB, dropping the oldest pages first', async () => {
		const { resolve, get } = app({ size: 500_000 });
		for (let i = 1; i <= 140; i++) await get(`/challenges/c-${i}`, fi);
		expect(pageCacheBytes()).toBeLessThanOrEqual(64 * 1024 * 1024);
		expect(pageCacheSize()).toBeLessThan(140);
		await get('/challenges/c-140', fi);
		expect(resolve).toHaveBeenCalledTimes(140);
		await get('/challenges/c-1', fi);
		expect(resolve).toHaveBeenCalledTimes(141);
		forgetPages();
		expect(pageCacheBytes()).toBe(0);
	});
});
