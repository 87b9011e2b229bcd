import { afterEach, describe, expect, it } from 'vitest';
import {
	addressKey,
	bodyLimit,
	clientAddress,
	hit,
	LIMITS,
	limitBody,
	resetLimits,
	signInAttempt,
	signInDelay,
	signInResult,
	signInWait,
	SIGN_IN
} from './limits';

afterEach(resetLimits);

const owner = 'owner@hel.example';
/** One wrong password: counted before the check, then reported. */
const fail = (account: string, address: string, now: number) => {
	signInAttempt(account, address, now);
	signInResult(account, address, false, now);
};
const T0 = 1_800_000_000_000;

describe('sign-in limits (issue 10, item 18)', () => {
	it('let the owner in after 50 failures from another address', () => {
		for (let i = 0; i < 50; i++) fail(owner, '203.0.113.9', T0 + i);
		expect(signInWait(owner, '203.0.113.9', T0 + 50)).toBeGreaterThan(0);
		expect(signInWait(owner, '198.51.100.7', T0 + 50)).toBe(0);
	});

	it('count only failures: twenty correct sign-ins in a row are never refused', () => {
		for (let i = 0; i < 20; i++) {
			expect(signInWait(owner, '198.51.100.7', T0 + i)).toBe(0);
			signInAttempt(owner, '198.51.100.7', T0 + i);
			signInResult(owner, '198.51.100.7', true, T0 + i);
		}
	});

	it('grow the delay after a few failures, and a correct password resets it', () => {
		expect(signInDelay(SIGN_IN.FREE_FAILURES - 1)).toBe(0);
		expect(signInDelay(SIGN_IN.FREE_FAILURES)).toBe(1000);
		expect(signInDelay(SIGN_IN.FREE_FAILURES + 3)).toBe(8000);
		expect(signInDelay(1000)).toBe(SIGN_IN.MAX_DELAY_MS);
		const at = '192.0.2.1';
		for (let i = 0; i < 7; i++) fail(owner, at, T0);
		expect(signInWait(owner, at, T0)).toBe(4000);
		expect(signInWait(owner, at, T0 + 4000)).toBe(0);
		signInAttempt(owner, at, T0 + 4000);
		signInResult(owner, at, true, T0 + 4000);
		expect(signInWait(owner, at, T0 + 4000)).toBe(0);
	});

	it('count guesses sent in parallel before their passwords are checked', () => {
		const at = '192.0.2.77';
		for (let i = 0; i < SIGN_IN.FREE_FAILURES; i++) {
			expect(signInWait(owner, at, T0)).toBe(0);
			signInAttempt(owner, at, T0);
		}
		expect(signInWait(owner, at, T0)).toBeGreaterThan(0);
	});

	it('still stop one address trying passwords across many accounts', () => {
		const at = '192.0.2.66';
		for (let i = 0; i < LIMITS.signInAddress.max; i++) fail(`u${i}@x.example`, at, T0);
		expect(signInWait('fresh@x.example', at, T0)).toBeGreaterThan(0);
		expect(signInWait('fresh@x.example', '192.0.2.67', T0)).toBe(0);
	});
});

describe('counted limits (issue 10, item 19)', () => {
	it('refuse the request after the maximum until the window ends', () => {
		for (let i = 0; i < LIMITS.invite.max; i++) expect(hit('invite', 'user-1', T0)).toBe(0);
		expect(hit('invite', 'user-1', T0 + 1000)).toBe(LIMITS.invite.windowMs - 1000);
		expect(hit('invite', 'user-2', T0 + 1000)).toBe(0);
		expect(hit('invite', 'user-1', T0 + LIMITS.invite.windowMs)).toBe(0);
	});

	it('let a workshop of 21 register from one office address', () => {
		for (let i = 0; i < 21; i++) expect(hit('signUpAddress', '192.0.2.10', T0)).toBe(0);
		expect(LIMITS.signUpAddress.max).toBeGreaterThanOrEqual(100);
		expect(LIMITS.signUpEmail.max).toBeLessThanOrEqual(5);
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
