import { json, type RequestEvent } from '@sveltejs/kit';
import { isIP } from 'node:net';
import { config } from '../config';
import { translate } from '../i18n';
import { MAX_EVIDENCE_BYTES, MAX_IMAGE_BYTES } from '$lib/domain/upload-limits';

/*
 * Every abuse limit of the app, in one place (issue 10, items 5, 18 and 19).
 *
 * Counters live in this process's memory: a restart forgets them, and with several
 * instances (REDIS_URL) each counts on its own, so the effective limit is the number
 * below times the instances. Maps are bounded (MAX_KEYS), so a flood of fresh keys
 * cannot grow memory without end.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MB = 1024 * 1024;

/**
 * Requests counted in a fixed window per key. `max` requests are allowed per `windowMs`;
 * the next one is refused with 429, Retry-After and words until the window ends.
 */
export const LIMITS = {
	// Failed sign-ins from one address, whatever the account: stops one machine trying
	// passwords across many accounts. Only failures count, so an office of a hundred
	// people behind one NAT address signing in correctly never hits it.
	signInAddress: { max: 100, windowMs: 15 * MINUTE, messageKey: 'error_limit_sign_in' },
	// A workshop's participants may all register from one office network in an hour.
	signUpAddress: { max: 300, windowMs: HOUR, messageKey: 'error_limit_sign_up' },
	// Each sign-up mails the address: no mail bombing of one person.
	signUpEmail: { max: 3, windowMs: HOUR, messageKey: 'error_limit_sign_up' },
	resetAddress: { max: 100, windowMs: HOUR, messageKey: 'error_limit_reset' },
	resetEmail: { max: 3, windowMs: HOUR, messageKey: 'error_limit_reset' },
	// A team lead invites a team (a handful of people), not a mailing list; each
	// invitation mails a stranger with a team name the inviter chose.
	invite: { max: 10, windowMs: HOUR, messageKey: 'error_limit_invite' },
	// The market dialogue is public; ten questions an hour per person is a busy asker.
	question: { max: 10, windowMs: HOUR, messageKey: 'error_limit_question' },
	// Accessibility feedback is open to visitors: per address (or user when signed in).
	feedback: { max: 5, windowMs: HOUR, messageKey: 'error_limit_feedback' },
	// Cover images, evidence and application documents (at most 10 MB each).
	upload: { max: 60, windowMs: HOUR, messageKey: 'error_limit_upload' }
} as const satisfies Record<string, { max: number; windowMs: number; messageKey: string }>;

export type LimitName = keyof typeof LIMITS;

/**
 * Sign-in per (account, address): the first FREE_FAILURES failures cost nothing, each
 * further one doubles the wait from 1 s up to MAX_DELAY_MS; a correct password resets it.
 * Someone guessing from elsewhere delays only themselves: the owner's own address has its
 * own count, so the owner is never locked out (issue 10, item 18).
 */
export const SIGN_IN = {
	FREE_FAILURES: 5,
	FIRST_DELAY_MS: 1000,
	MAX_DELAY_MS: 15 * MINUTE,
	FORGET_AFTER_MS: 24 * HOUR
} as const;

/** Request bodies: 1 MB everywhere, except the upload actions below (file + form fields). */
export const BODY_LIMIT = 1 * MB;
const FORM_OVERHEAD = 64 * 1024;
export const UPLOAD_ROUTES: { route: string; actions: string[]; bytes: number }[] = [
	{
		route: '/manage/challenges/[id]/basics',
		actions: ['cover'],
		bytes: MAX_IMAGE_BYTES + FORM_OVERHEAD
	},
	{ route: '/applications/[id]', actions: ['attach'], bytes: MAX_EVIDENCE_BYTES + FORM_OVERHEAD },
	{
		route: '/account/work-history',
		actions: ['add', 'update'],
		bytes: MAX_EVIDENCE_BYTES + FORM_OVERHEAD
	},
	{ route: '/teams/[id]', actions: ['addProject'], bytes: MAX_EVIDENCE_BYTES + FORM_OVERHEAD }
];

const MAX_KEYS = 100_000;

/** A bounded map: when full, expired entries go first, then the oldest. */
class Store<V extends { until: number }> {
	private entries = new Map<string, V>();
	get(key: string, now: number): V | undefined {
		const v = this.entries.get(key);
		if (v && v.until <= now) {
			this.entries.delete(key);
			return undefined;
		}
		return v;
	}
	set(key: string, value: V, now: number) {
		this.entries.delete(key);
		if (this.entries.size >= MAX_KEYS) {
			for (const [k, v] of this.entries) if (v.until <= now) this.entries.delete(k);
			for (const k of this.entries.keys()) {
				if (this.entries.size < MAX_KEYS) break;
				this.entries.delete(k);
			}
		}
		this.entries.set(key, value);
	}
	delete(key: string) {
		this.entries.delete(key);
	}
	clear() {
		this.entries.clear();
	}
}

const windows = new Store<{ count: number; until: number }>();
const signIns = new Store<{ failures: number; last: number; until: number }>();

/**
 * Counts one request of `name` for `key` (user id, email or address) at `now`; returns
 * the milliseconds to wait when it is over the limit (the request is then not counted),
 * else 0.
 */
export function hit(name: LimitName, key: string, now = Date.now()): number {
	const rule = LIMITS[name];
	const id = `${name}:${key}`;
	const current = windows.get(id, now) ?? { count: 0, until: now + rule.windowMs };
	if (current.count >= rule.max) return current.until - now;
	windows.set(id, { count: current.count + 1, until: current.until }, now);
	return 0;
}

/** Milliseconds `name` for `key` is still refused, without counting anything. */
export function waiting(name: LimitName, key: string, now = Date.now()): number {
	const current = windows.get(`${name}:${key}`, now);
	return current && current.count >= LIMITS[name].max ? current.until - now : 0;
}

/** The wait after `failures` failed sign-ins of one account from one address. */
export function signInDelay(failures: number): number {
	if (failures < SIGN_IN.FREE_FAILURES) return 0;
	const doublings = Math.min(30, failures - SIGN_IN.FREE_FAILURES);
	return Math.min(SIGN_IN.MAX_DELAY_MS, SIGN_IN.FIRST_DELAY_MS * 2 ** doublings);
}

const pair = (account: string, address: string) => `${account.toLowerCase()}|${address}`;

/**
 * Milliseconds before this account may try a password again from this address (0: now):
 * the growing delay of its own failures there, or the address's failure limit.
 */
export function signInWait(account: string, address: string, now = Date.now()): number {
	const state = signIns.get(pair(account, address), now);
	const own = state ? Math.max(0, state.last + signInDelay(state.failures) - now) : 0;
	return Math.max(own, waiting('signInAddress', address, now));
}

/**
 * Counts a sign-in attempt of this account from this address as a failure before the
 * password is checked, so that guesses sent in parallel cannot all pass the wait;
 * `signInResult` then forgets it when the password was right.
 */
export function signInAttempt(account: string, address: string, now = Date.now()) {
	const key = pair(account, address);
	const failures = (signIns.get(key, now)?.failures ?? 0) + 1;
	signIns.set(key, { failures, last: now, until: now + SIGN_IN.FORGET_AFTER_MS }, now);
}

/** After the password check: success resets the pair; a failure also counts for the address. */
export function signInResult(account: string, address: string, ok: boolean, now = Date.now()) {
	if (ok) signIns.delete(pair(account, address));
	else hit('signInAddress', address, now);
}

/** Forgets every counter (tests). */
export function resetLimits() {
	windows.clear();
	signIns.clear();
}

/** IPv6 addresses count by their /64 network: one host usually holds the whole prefix. */
export function addressKey(address: string): string {
	const ip = address.trim().replace(/^\[|\]$/g, '');
	if (ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4) return ip.slice(7);
	if (isIP(ip) !== 6) return ip || 'unknown';
	const [head, tail = ''] = ip.split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const groups = ip.includes('::')
		? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
		: left;
	return `${groups
		.slice(0, 4)
		.map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
		.join(':')}::/64`;
}

/**
 * The client's address: with ADDRESS_HEADER (e.g. X-Forwarded-For, set by the proxy in
 * front), the XFF_DEPTH-th address from the right of that header — the one the last
 * trusted proxy saw; otherwise, or when the header is missing, the socket's address.
 * (The same variables adapter-node reads for getClientAddress, which throws instead.)
 */
export function clientAddress(
	event: Pick<RequestEvent, 'request' | 'getClientAddress'> & { platform?: unknown },
	env: Pick<typeof config, 'ADDRESS_HEADER' | 'XFF_DEPTH'> = config
): string {
	if (env.ADDRESS_HEADER) {
		const value = event.request.headers.get(env.ADDRESS_HEADER);
		if (value) {
			const all = value
				.split(',')
				.map((a) => a.trim())
				.filter(Boolean);
			const chosen =
				env.ADDRESS_HEADER === 'x-forwarded-for'
					? all[Math.max(0, all.length - env.XFF_DEPTH)]
					: all[0];
			if (chosen) return addressKey(chosen);
		}
	}
	const socket = (event.platform as { req?: { socket?: { remoteAddress?: string } } } | undefined)
		?.req?.socket?.remoteAddress;
	if (socket) return addressKey(socket);
	try {
		return addressKey(event.getClientAddress());
	} catch {
		return 'unknown';
	}
}

/** Whole minutes to wait, at least 1, for messages. */
export const minutesOf = (ms: number) => Math.max(1, Math.ceil(ms / MINUTE));

/**
 * For a route refusing with 429: sets Retry-After (seconds) on the response and returns
 * the message key and its parameters for the form's error.
 */
export function refusal(event: Pick<RequestEvent, 'setHeaders'>, name: LimitName, ms: number) {
	event.setHeaders({ 'retry-after': String(Math.max(1, Math.ceil(ms / 1000))) });
	return { key: LIMITS[name].messageKey, params: { minutes: minutesOf(ms) } };
}

/**
 * Counts `name` for `key` and, when over the limit, sets Retry-After and returns what a
 * form answers with 429 (message key and its parameters); null when the request may go on.
 */
export function limit(
	event: Pick<RequestEvent, 'setHeaders'>,
	name: LimitName,
	key: string
): { key: string; params: { minutes: number } } | null {
	const ms = hit(name, key);
	return ms ? refusal(event, name, ms) : null;
}

/** The largest body this request may send: an upload action's own limit, else 1 MB. */
export function bodyLimit(routeId: string | null, url: URL): number {
	const upload = UPLOAD_ROUTES.find((u) => u.route === routeId);
	if (!upload) return BODY_LIMIT;
	const action = [...url.searchParams.keys()].find((k) => k.startsWith('/'))?.slice(1);
	return action && upload.actions.includes(action) ? upload.bytes : BODY_LIMIT;
}

/**
 * A refusal answered before the route runs, in words: the action JSON that `use:enhance`
 * shows on the error page, JSON for API clients, else plain text.
 */
export function refuseEarly(
	request: Request,
	status: number,
	message: string,
	headers: Record<string, string> = {}
): Response {
	if (request.headers.get('x-sveltekit-action') === 'true')
		return json({ type: 'error', status, error: { message } }, { status, headers });
	if ((request.headers.get('accept') ?? '').includes('application/json'))
		return json({ message }, { status, headers });
	return new Response(message, {
		status,
		headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }
	});
}

/**
 * Refuses a body larger than this route allows with 413 before it is read: by
 * Content-Length, or, for a chunked body, by reading at most the limit into memory
 * (then handed on to the route unchanged). Returns the request to go on with, or a
 * Response to answer with.
 */
export async function limitBody(
	event: Pick<RequestEvent, 'request' | 'url'> & { route: { id: string | null } }
): Promise<Request | Response> {
	const { request } = event;
	if (!request.body) return request;
	const max = bodyLimit(event.route.id, event.url);
	const tooLarge = () =>
		refuseEarly(
			request,
			413,
			translate('error_body_too_large', { megabytes: Math.round(max / MB) }),
			{ connection: 'close' }
		);
	const length = request.headers.get('content-length');
	if (length !== null) return Number(length) > max ? tooLarge() : request;
	// No length given (chunked): count what arrives and stop at the limit.
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > max) {
			await reader.cancel().catch(() => {});
			return tooLarge();
		}
		chunks.push(value);
	}
	const body = new Uint8Array(size);
	let at = 0;
	for (const c of chunks) {
		body.set(c, at);
		at += c.byteLength;
	}
	const headers = new Headers(request.headers);
	headers.delete('transfer-encoding');
	headers.set('content-length', String(size));
	return new Request(request.url, { method: request.method, headers, body });
}
