import { json, type RequestEvent } from '@sveltejs/kit';
import { isIP } from 'node:net';
import { config } from '../config';
import type { Database } from '../db';
import { translate } from '../i18n';
import { errorPageResponse, requestLocale } from './error-page';
import type { Locale } from '$lib/domain/locale';
import { MAX_EVIDENCE_BYTES, MAX_IMAGE_BYTES } from '$lib/domain/upload-limits';

/*
 * Every abuse limit of the app, in one place (issue 10, items 5, 18 and 19).
 *
 * The counters live in the database (private.limit_counters, with the numbers and their
 * reasons in private.limit_rules: supabase/migrations/20261201000100_limits.sql), so
 * every app instance and every path share one count: the app's forms count here, and
 * ask_question, accessibility feedback, invite_to_team and request_email_change count
 * inside the database,
 * which refuses over the limit with SQLSTATE TK429 (`limitedBy` turns that into the
 * same 429 with words and Retry-After).
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MB = 1024 * 1024;

/**
 * The limits by name (as in private.limit_rules) with the message a refusal answers
 * with. Each allows a number of requests per fixed window per key; the next one is
 * refused with 429, Retry-After and words until the window ends.
 */
export const LIMITS = {
	signInAddress: { messageKey: 'limits_error_sign_in' },
	signUpAddress: { messageKey: 'limits_error_sign_up' },
	signUpEmail: { messageKey: 'limits_error_sign_up' },
	resetAddress: { messageKey: 'limits_error_reset' },
	resetEmail: { messageKey: 'limits_error_reset' },
	invite: { messageKey: 'limits_error_invite' },
	question: { messageKey: 'limits_error_question' },
	feedback: { messageKey: 'limits_error_feedback' },
	upload: { messageKey: 'limits_error_upload' },
	emailChange: { messageKey: 'limits_error_email_change' },
	juryReminder: { messageKey: 'jurychair_limit_reminder' },
	juryInvite: { messageKey: 'limits_error_invite' },
	dataExport: { messageKey: 'dataexport_limited' },
	// Wrong second-factor codes in Supabase mode (auth/supabase-mfa.ts): answered in the
	// code form's own words (error_code_limited); this one is for refusal() only.
	secondFactorCode: { messageKey: 'limits_error_sign_in' }
} as const satisfies Record<string, { messageKey: string }>;

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
		route: '/manage/challenges/[id=uuid]/basics',
		actions: ['cover'],
		bytes: MAX_IMAGE_BYTES + FORM_OVERHEAD
	},
	{
		route: '/applications/[id=uuid]',
		actions: ['attach'],
		bytes: MAX_EVIDENCE_BYTES + FORM_OVERHEAD
	},
	{
		route: '/account/work-history',
		actions: ['add', 'update'],
		bytes: MAX_EVIDENCE_BYTES + FORM_OVERHEAD
	},
	{ route: '/teams/[id=uuid]', actions: ['addProject'], bytes: MAX_EVIDENCE_BYTES + FORM_OVERHEAD }
];

/**
 * Counts one request of `name` for `key` (user id, email or address) at `at`, in the
 * database; returns the milliseconds to wait when it is over the limit (the request is
 * then not counted), else 0.
 */
export async function hit(db: Database, name: LimitName, key: string, at = new Date()) {
	const [row] = await db.service('limit: hit', (tx) =>
		tx.query<{ ms: string }>('select private.hit_limit($1, $2, $3) as ms', [name, key, at])
	);
	return Number(row.ms);
}

/** Milliseconds `name` for `key` is still refused, without counting anything. */
export async function waiting(db: Database, name: LimitName, key: string, at = new Date()) {
	const [row] = await db.service('limit: wait', (tx) =>
		tx.query<{ ms: string }>('select private.limit_wait($1, $2, $3) as ms', [name, key, at])
	);
	return Number(row.ms);
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
export async function signInWait(db: Database, account: string, address: string, at = new Date()) {
	const [state] = await db.service('limit: sign-in wait', (tx) =>
		tx.query<{ failures: number; last: Date }>(
			`select hits as failures, last_at as last from private.limit_counters
			 where name = 'signIn' and key = $1 and window_ends > $2`,
			[pair(account, address), at]
		)
	);
	const own = state
		? Math.max(0, new Date(state.last).getTime() + signInDelay(state.failures) - at.getTime())
		: 0;
	return Math.max(own, await waiting(db, 'signInAddress', address, at));
}

/**
 * Counts a sign-in attempt of this account from this address as a failure before the
 * password is checked, so that guesses sent in parallel cannot all pass the wait;
 * `signInResult` then forgets it when the password was right.
 */
export async function signInAttempt(
	db: Database,
	account: string,
	address: string,
	at = new Date()
) {
	await db.service('limit: sign-in attempt', (tx) =>
		tx.query('select private.count_sign_in_failure($1, $2, $3)', [
			pair(account, address),
			SIGN_IN.FORGET_AFTER_MS / 1000,
			at
		])
	);
}

/** After the password check: success resets the pair; a failure also counts for the address. */
export async function signInResult(
	db: Database,
	account: string,
	address: string,
	ok: boolean,
	at = new Date()
) {
	if (!ok) return void (await hit(db, 'signInAddress', address, at));
	await db.service('limit: sign-in success', (tx) =>
		tx.query(`delete from private.limit_counters where name = 'signIn' and key = $1`, [
			pair(account, address)
		])
	);
}

/** Forgets every counter (tests). */
export async function resetLimits(db: Database) {
	await db.service('test: forget limits', (tx) => tx.query('delete from private.limit_counters'));
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

/**
 * The wait in words, in the request's language: whole seconds under a minute ("45
 * seconds"), else whole minutes ("2 minutes"), with each language's plural forms; in
 * `locale`, or the request's language.
 */
export function waitInWords(ms: number, locale?: Locale): string {
	const seconds = Math.max(1, Math.ceil(ms / 1000));
	return seconds < 60
		? translate('limits_wait_seconds', { count: seconds }, locale)
		: translate('limits_wait_minutes', { count: Math.ceil(seconds / 60) }, locale);
}

/** What a form answers when over a limit: the message key and its parameters. */
export type Refusal = { key: string; params: { wait: string } };

/**
 * For a route refusing with 429: sets Retry-After (seconds) on the response and returns
 * the message key and its parameters for the form's error.
 */
export function refusal(event: Pick<RequestEvent, 'setHeaders'>, name: LimitName, ms: number) {
	event.setHeaders({ 'retry-after': String(Math.max(1, Math.ceil(ms / 1000))) });
	return { key: LIMITS[name].messageKey, params: { wait: waitInWords(ms) } } satisfies Refusal;
}

/**
 * Counts `name` for `key` and, when over the limit, sets Retry-After and returns what a
 * form answers with 429 (message key and its parameters); null when the request may go on.
 */
export async function limit(
	event: Pick<RequestEvent, 'setHeaders'> & { locals: { db: Database } },
	name: LimitName,
	key: string
): Promise<Refusal | null> {
	const ms = await hit(event.locals.db, name, key);
	return ms ? refusal(event, name, ms) : null;
}

/** The database's refusal of a limit (TK429 from private.enforce_limit), else null. */
export function limitError(e: unknown): { name: LimitName; ms: number } | null {
	const err = e as { code?: string; detail?: string; hint?: string } | null;
	if (err?.code !== 'TK429' || !err.hint || !Object.hasOwn(LIMITS, err.hint)) return null;
	return { name: err.hint as LimitName, ms: Number(err.detail) || 1000 };
}

/**
 * Runs `fn` (which calls a database function that counts a limit itself); when the
 * database refuses over the limit, sets Retry-After and returns the refusal with
 * `limited: true` instead. Other errors are thrown on.
 */
export async function limitedBy<T>(
	event: Pick<RequestEvent, 'setHeaders'>,
	fn: () => Promise<T>
): Promise<T | (Refusal & { limited: true })> {
	try {
		return await fn();
	} catch (e) {
		const refused = limitError(e);
		if (!refused) throw e;
		return { limited: true, ...refusal(event, refused.name, refused.ms) };
	}
}

/** The largest body this request may send: an upload action's own limit, else 1 MB. */
export function bodyLimit(routeId: string | null, url: URL): number {
	const upload = UPLOAD_ROUTES.find((u) => u.route === routeId);
	if (!upload) return BODY_LIMIT;
	const action = [...url.searchParams.keys()].find((k) => k.startsWith('/'))?.slice(1);
	return action && upload.actions.includes(action) ? upload.bytes : BODY_LIMIT;
}

/**
 * A refusal answered before the route runs, in words (`message`, written in the
 * request's language: requestLocale) and with that language named (Content-Language):
 * the action JSON that `use:enhance` shows on the error page, JSON for API clients, a
 * whole page with its `lang` for a browser (errorPage), else plain text.
 */
export function refuseEarly(
	request: Request,
	status: number,
	message: string,
	headers: Record<string, string> = {}
): Response {
	const accept = request.headers.get('accept') ?? '';
	const named = { 'content-language': requestLocale(request), ...headers };
	if (request.headers.get('x-sveltekit-action') === 'true')
		return json({ type: 'error', status, error: { message } }, { status, headers: named });
	if (accept.includes('application/json')) return json({ message }, { status, headers: named });
	if (accept.includes('text/html')) return errorPageResponse(request, status, message, headers);
	return new Response(message, {
		status,
		headers: { 'content-type': 'text/plain; charset=utf-8', ...named }
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
			translate(
				'error_body_too_large',
				{ megabytes: Math.round(max / MB) },
				requestLocale(request)
			),
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
