import type { Handle, RequestEvent } from '@sveltejs/kit';
import { cookieName as LOCALE_COOKIE, extractLocaleFromRequest } from '$lib/paraglide/runtime';
import { LOCALE_CHOSEN_COOKIE } from './cookies';

/**
 * The whole rendered response of a public page, as an anonymous visitor gets it, kept
 * a few seconds per address and locale: the same bytes go to every visitor who carries
 * no cookie but the locale ones. Any change made through this process empties the cache
 * (forgetVisitorViews → forgetPages); the TTL bounds staleness across app instances,
 * and how late a stage that begins or ends by the clock shows.
 *
 * Safe only because such a response holds nothing per request: CSP uses hashes, not
 * nonces (svelte.config.js), and a response with a nonce, a cookie or `private` /
 * `no-store` is never kept. A request with any other cookie or an Authorization header,
 * a signed-in one, a non-GET, a data or sub-request is never served from the cache.
 */
export const PAGE_CACHE_TTL_MS = 10_000;
// Room for every page of a few thousand challenges in a locale or two (~30 kB each);
// beyond it the oldest entries go.
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_BODY_BYTES = 512 * 1024;

/** The public pages whose anonymous view is the same for everyone. */
const PUBLIC_PAGES = [/^\/$/, /^\/challenges$/, /^\/challenges\/[a-z0-9][a-z0-9-]{0,99}$/];

// The locale is part of the key; Accept-Language and the locale cookie matter only
// through it, so a Vary naming them is satisfied by the key.
const KEYED_BY_LOCALE = new Set(['accept-language', 'cookie']);

interface Entry {
	at: number;
	status: number;
	headers: [string, string][];
	body: Uint8Array<ArrayBuffer>;
	/** Request headers named by the response's Vary, with the values they had. */
	vary: [string, string | null][];
}

const entries = new Map<string, Entry>();
let bytes = 0;
// Bumped by every change, so a page rendered while a change landed is not kept.
let generation = 0;

/** Empties the cache; forgetVisitorViews() calls this on every change. */
export function forgetPages() {
	entries.clear();
	bytes = 0;
	generation++;
}

function keep(key: string, entry: Entry) {
	drop(key);
	entries.set(key, entry);
	bytes += entry.body.byteLength;
	for (const oldest of entries.keys()) {
		if (bytes <= MAX_BYTES) break;
		drop(oldest);
	}
}

function drop(key: string) {
	const entry = entries.get(key);
	if (!entry) return;
	entries.delete(key);
	bytes -= entry.body.byteLength;
}

export function pageCacheSize() {
	return entries.size;
}

export function pageCacheBytes() {
	return bytes;
}

/** The cache key of a request that may be answered from the cache, else null. */
export function pageCacheKey(event: RequestEvent): string | null {
	const { request, url } = event;
	if (request.method !== 'GET' || event.isDataRequest || event.isSubRequest) return null;
	if (!PUBLIC_PAGES.some((p) => p.test(url.pathname))) return null;
	if (request.headers.has('authorization')) return null;
	// Any cookie but the locale ones (a session, even an expired one) could change the page.
	if (
		event.cookies.getAll().some((c) => c.name !== LOCALE_COOKIE && c.name !== LOCALE_CHOSEN_COOKIE)
	)
		return null;
	return `${extractLocaleFromRequest(request)} ${url.href}`;
}

const varies = (entry: Entry, request: Request) =>
	entry.vary.some(([name, value]) => request.headers.get(name) !== value);

const replay = (entry: Entry) =>
	new Response(entry.body, { status: entry.status, headers: entry.headers });

function lookup(key: string, request: Request): Response | null {
	const hit = entries.get(key);
	if (!hit) return null;
	if (Date.now() - hit.at >= PAGE_CACHE_TTL_MS) {
		drop(key);
		return null;
	}
	return varies(hit, request) ? null : replay(hit);
}

/** Why a response may not be kept, or null when it may. */
function unshareable(event: RequestEvent, response: Response, key: string): string | null {
	if (response.status !== 200) return 'status';
	if (event.locals.user) return 'signed in';
	if (event.locals.locale && !key.startsWith(`${event.locals.locale} `)) return 'locale';
	const h = response.headers;
	if (h.getSetCookie().length) return 'cookie';
	if (!h.get('content-type')?.startsWith('text/html')) return 'type';
	if (/no-store|private/i.test(h.get('cache-control') ?? '')) return 'cache-control';
	const csp = `${h.get('content-security-policy')} ${h.get('content-security-policy-report-only')}`;
	if (csp.includes("'nonce-")) return 'nonce';
	if (h.get('vary')?.includes('*')) return 'vary';
	if (Number(h.get('content-length') ?? 0) > MAX_BODY_BYTES) return 'size';
	return null;
}

function entryOf(event: RequestEvent, response: Response, body: Uint8Array<ArrayBuffer>): Entry {
	const vary = (response.headers.get('vary') ?? '')
		.split(',')
		.map((name) => name.trim().toLowerCase())
		.filter((name) => name && !KEYED_BY_LOCALE.has(name))
		.map((name): [string, string | null] => [name, event.request.headers.get(name)]);
	return { at: Date.now(), status: response.status, headers: [...response.headers], body, vary };
}

// Renders under way, by key: requests for the same page that arrive meanwhile wait for
// that one render instead of each rendering the page again (when an entry expires
// under load, say). They get its entry, or render for themselves if it may not be kept.
const pending = new Map<string, Promise<Entry | null>>();

/** The handle step: answers from the cache, or resolves and keeps what may be shared. */
export const pageCache: Handle = async ({ event, resolve }) => {
	const key = pageCacheKey(event);
	if (!key) return resolve(event);
	const cached = lookup(key, event.request);
	if (cached) return cached;
	const rendering = pending.get(key);
	if (rendering) {
		const entry = await rendering;
		return entry && !varies(entry, event.request) ? replay(entry) : resolve(event);
	}

	let settle!: (entry: Entry | null) => void;
	const mine = new Promise<Entry | null>((r) => (settle = r));
	pending.set(key, mine);
	let entry: Entry | null = null;
	try {
		const before = generation;
		const response = await resolve(event);
		if (unshareable(event, response, key)) return response;
		const body = new Uint8Array(await response.arrayBuffer());
		// A page rendered while a change landed may be stale: sent, but not kept or shared.
		if (body.byteLength <= MAX_BODY_BYTES && generation === before) {
			entry = entryOf(event, response, body);
			keep(key, entry);
		}
		return new Response(body, {
			status: response.status,
			statusText: response.statusText,
			headers: response.headers
		});
	} finally {
		if (pending.get(key) === mine) pending.delete(key);
		settle(entry);
	}
};
