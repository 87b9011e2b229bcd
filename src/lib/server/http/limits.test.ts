import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	addressKey,
	bodyLimit,
	clientAddress,
	limitBody,
	signInDelay,
	SIGN_IN,
	UPLOAD_ROUTES,
	waitInWords
} from './limits';

describe('the wait in words (issue 10: under a minute is seconds)', () => {
	it('says seconds under a minute, minutes from one up, with plural forms', () => {
		expect(waitInWords(1, 'en')).toBe('1 second');
		expect(waitInWords(45_000, 'en')).toBe('45 seconds');
		expect(waitInWords(59_001, 'en')).toBe('1 minute');
		expect(waitInWords(60_000, 'en')).toBe('1 minute');
		expect(waitInWords(61_000, 'en')).toBe('2 minutes');
		expect(waitInWords(1000, 'sv')).toBe('1 sekund');
		expect(waitInWords(30_000, 'sv')).toBe('30 sekunder');
		expect(waitInWords(120_000, 'sv')).toBe('2 minuter');
		expect(waitInWords(30_000, 'fi')).toBe('30 sekunnin');
		expect(waitInWords(3_600_000, 'fi')).toBe('60 minuutin');
	});

	it('never says zero, and rounds up', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 24 * 3_600_000 }), (ms) => {
				const words = waitInWords(ms, 'en');
				const n = Number(words.split(' ')[0]);
				expect(n).toBeGreaterThanOrEqual(1);
				expect(n * (words.includes('second') ? 1000 : 60_000)).toBeGreaterThanOrEqual(ms);
			})
		);
	});

	it('the sign-in delay doubles from 1 s up to its maximum', () => {
		expect(signInDelay(SIGN_IN.FREE_FAILURES - 1)).toBe(0);
		expect(signInDelay(SIGN_IN.FREE_FAILURES)).toBe(1000);
		expect(signInDelay(SIGN_IN.FREE_FAILURES + 3)).toBe(8000);
		expect(signInDelay(1000)).toBe(SIGN_IN.MAX_DELAY_MS);
	});
});

describe('client address', () => {
	const event = (headers: Record<string, string>, socket = '10.0.0.5') => ({
		request: new Request('http://localhost/', { headers }),
		getClientAddress: () => socket,
		platform: { req: { socket: { remoteAddress: socket } } }
	});

	it('is the socket address without ADDRESS_HEADER, whatever the request claims', () => {
		const e = event({ 'x-forwarded-for': '1.2.3.4' });
		expect(clientAddress(e, { ADDRESS_HEADER: undefined, XFF_DEPTH: 1 })).toBe('10.0.0.5');
	});

	it('is the address the trusted proxy saw, XFF_DEPTH from the right', () => {
		const e = event({ 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.0.0.2' });
		const env = (XFF_DEPTH: number) => ({ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH });
		expect(clientAddress(e, env(1))).toBe('10.0.0.2');
		expect(clientAddress(e, env(2))).toBe('198.51.100.7');
		expect(clientAddress(e, env(9))).toBe('6.6.6.6');
		expect(clientAddress(event({}), env(1))).toBe('10.0.0.5');
		const real = event({ 'x-real-ip': '198.51.100.8' });
		expect(clientAddress(real, { ADDRESS_HEADER: 'x-real-ip', XFF_DEPTH: 1 })).toBe('198.51.100.8');
	});

	it('counts IPv6 by its /64 network and IPv4-mapped addresses as IPv4', () => {
		expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
		expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
		expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
		expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
	});
});

describe('request bodies (issue 10, item 5)', () => {
	const MB = 1024 * 1024;
	const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) => ({
		url: new URL(path, 'http://localhost'),
		request: new Request(new URL(path, 'http://localhost'), {
			method: 'POST',
			body,
			headers,
			duplex: 'half'
		} as RequestInit),
		route: {
			id: path.startsWith('/account/work-history') ? '/account/work-history' : '/auth/sign-in'
		}
	});
	const chunked = (bytes: number) =>
		new ReadableStream<Uint8Array>({
			start(c) {
				for (let sent = 0; sent < bytes; sent += 64 * 1024) c.enqueue(new Uint8Array(64 * 1024));
				c.close();
			}
		});

	it('are at most 1 MB except on upload actions', () => {
		const url = (s: string) => new URL(s, 'http://localhost');
		expect(bodyLimit('/auth/sign-in', url('/auth/sign-in'))).toBe(MB);
		expect(bodyLimit('/account/work-history', url('/account/work-history?/add'))).toBeGreaterThan(
			10 * MB
		);
		expect(bodyLimit('/account/work-history', url('/account/work-history?/delete'))).toBe(MB);
		expect(bodyLimit(null, url('/nowhere'))).toBe(MB);
	});

	it('refuse 2 MB by Content-Length with 413 and words, before reading', async () => {
		const e = post('/auth/sign-in', 'x', { 'content-length': String(2 * MB) });
		const answer = await limitBody(e);
		expect(answer).toBeInstanceOf(Response);
		const response = answer as Response;
		expect(response.status).toBe(413);
		expect(await response.text()).toMatch(/1 (MB|Mt)/);
		expect(e.request.bodyUsed).toBe(false);
	});

	it('refuse a chunked 2 MB body by counting it, and pass a small one on whole', async () => {
		const big = (await limitBody(post('/auth/sign-in', chunked(2 * MB)))) as Response;
		expect(big.status).toBe(413);
		const small = (await limitBody(post('/auth/sign-in', chunked(128 * 1024)))) as Request;
		expect(small).toBeInstanceOf(Request);
		expect((await small.arrayBuffer()).byteLength).toBe(128 * 1024);
		const upload = await limitBody(post('/account/work-history?/add', chunked(3 * MB)));
		expect(upload).toBeInstanceOf(Request);
	});
});

describe('upload routes', () => {
	it('name routes that exist (a renamed route directory would lose its limit)', () => {
		for (const { route } of UPLOAD_ROUTES)
			expect(existsSync(`src/routes${route}/+page.server.ts`), route).toBe(true);
	});
});
