import { isHttpError, isRedirect } from '@sveltejs/kit';
import { dev } from '$app/environment';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getDb, type Database } from '$lib/server/db';
import { requestAuth } from '$lib/server/http/auth';
import { requestChallengeScope } from '$lib/server/http/challenge-scope';
import { registerRealtime } from '$lib/server/realtime/attach';
import { log, print } from '$lib/server/log';
import { pageCache } from '$lib/server/http/page-cache';
import {
	forgetVisitorViews,
	postMayChangeVisitorViews
} from '$lib/server/challenges/visitor-cache';
import { startMailWorker } from '$lib/server/mail/service';
import { startRetentionSchedule } from '$lib/server/retention';
import { ENROL_PATH, needsSecondFactor } from '$lib/server/http/guards';
import { config } from '$lib/server/config';
import { seedDemo } from '$lib/server/seed';
import { translate } from '$lib/server/i18n';
import {
	BODY_LIMIT,
	bodyLimit,
	clientAddress,
	hit,
	limitBody,
	LIMITS,
	waitInWords,
	refuseEarly
} from '$lib/server/http/limits';
import { databaseErrorAsHttp } from '$lib/server/http/conflict';
import { isCrossSiteForm } from '$lib/server/http/cross-site';
import {
	errorPageResponse,
	errorTitle,
	inRequestLanguage,
	requestLocale
} from '$lib/server/http/error-page';

// The entry point opens the database, seeds the demo data where configured (before any
// request or socket is served), and starts the mail worker and the daily retention job.
export const init: ServerInit = async () => {
	const db = await getDb();
	const accounts = config.seedDemo ? await seedDemo(db, config.DEMO_PASSWORD) : null;
	const mail = startMailWorker(db);
	// Printed once the demo's own mail is written, so its log lines do not scroll it away
	// (through the log's own stream, which keeps the order: see output in log.ts).
	if (accounts) void mail.caughtUp().then(() => print(accounts));
	startRetentionSchedule(db);
	registerRealtime();
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	// Browsers that once reached the site over https never fall back to http (a year).
	if (config.ORIGIN.startsWith('https:'))
		response.headers.set('Strict-Transport-Security', 'max-age=31536000');
	return response;
};

// A form posted from another site is refused before anything reads it: SvelteKit's own
// check, turned off in svelte.config.js because it answered in English, made here with the
// same conditions (outside development, as SvelteKit does) and answered in the request's
// language (an outside tester's report).
const crossSiteForms: Handle = ({ event, resolve }) =>
	!dev && isCrossSiteForm(event.request, event.url)
		? refuseEarly(
				event.request,
				403,
				translate('error_cross_site_form', {}, requestLocale(event.request))
			)
		: resolve(event);

// Requests see the database through the one mapping of unique violations to a 409.
let requestDb: Database | undefined;

const session: Handle = async ({ event, resolve }) => {
	const db = await getDb();
	requestDb ??= db.mappingErrors(databaseErrorAsHttp);
	// A request about one challenge (the pages under /manage/challenges/<id>) reads and
	// writes with its access checked for that challenge only (issue 16).
	const scope = requestChallengeScope(event.route.id, event.params);
	event.locals.db = scope ? requestDb.scopedTo(scope) : requestDb;
	// Local accounts or, in Supabase mode, Supabase Auth (getUser(), never getSession() alone).
	event.locals.user = await requestAuth(event, db).user();
	if (event.locals.user) event.locals.user.address = clientAddress(event);
	// A platform admin without a second factor enrols first: no admin page or action before.
	if (needsSecondFactor(event.locals.user, event.url.pathname)) {
		return new Response(null, { status: 303, headers: { location: ENROL_PATH } });
	}
	return resolve(event);
};

const locale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		event.locals.locale = locale;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

// A form post by a signed-in user may change what visitors see: unless its route is a
// team's private work, the cached views are dropped (the routes that change challenges
// also drop them themselves).
const forgetOnChange: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (
		event.request.method !== 'GET' &&
		event.request.method !== 'HEAD' &&
		event.locals.user &&
		postMayChangeVisitorViews(event.route.id)
	)
		forgetVisitorViews();
	return response;
};

// Bodies over 1 MB are refused before they are read, except on upload actions, which
// have their own size and are counted per user (src/lib/server/http/limits.ts).
const requestLimits: Handle = async ({ event, resolve }) => {
	if (event.request.method === 'POST' && bodyLimit(event.route.id, event.url) > BODY_LIMIT) {
		const ms = await hit(event.locals.db, 'upload', event.locals.user?.id ?? clientAddress(event));
		if (ms)
			return refuseEarly(
				event.request,
				429,
				translate(
					LIMITS.upload.messageKey,
					{ wait: waitInWords(ms) },
					requestLocale(event.request)
				),
				{ 'retry-after': String(Math.ceil(ms / 1000)) }
			);
	}
	const limited = await limitBody(event);
	if (limited instanceof Response) return limited;
	event.request = limited;
	return resolve(event);
};

/**
 * An error nobody expected (handleError's, and errorsInLanguage's for a failed hook):
 * logged when the server's (5xx) with an id. Never a stack trace or internal detail to
 * the user: words by the status, in the request's language (issue 16 leftovers:
 * SvelteKit's own were English), and the id as a reference they can quote.
 */
function unexpected(
	error: unknown,
	event: Parameters<Handle>[0]['event'],
	status: number
): { message: string; id: string } {
	const id = crypto.randomUUID();
	if (status >= 500) log.error({ err: error, id, path: event.url.pathname }, 'unhandled error');
	return { message: errorTitle(status, requestLocale(event.request)), id };
}

// Whatever is answered before a page renders speaks the request's language (issue 16
// leftovers): a hook that fails (the database away) gets a page in it instead of
// SvelteKit's English one, and src/error.html, SvelteKit's page when +error.svelte
// cannot render, is answered again in it (inRequestLanguage).
const errorsInLanguage: Handle = async ({ event, resolve }) => {
	try {
		return await inRequestLanguage(event.request, await resolve(event));
	} catch (error) {
		if (isHttpError(error) || isRedirect(error)) throw error;
		const { id } = unexpected(error, event, 500);
		const locale = requestLocale(event.request);
		return errorPageResponse(event.request, 500, translate('error_reference', { id }, locale));
	}
};

// pageCache comes before the session is looked up: a cached page needs no database.
export const handle = sequence(
	errorsInLanguage,
	securityHeaders,
	crossSiteForms,
	pageCache,
	session,
	forgetOnChange,
	locale,
	requestLimits
);

export const handleError: HandleServerError = ({ error, event, status }) =>
	unexpected(error, event, status);
