import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getDb } from '$lib/server/db';
import { validateSession } from '$lib/server/auth/sessions';
import { clearSessionCookie, sessionCookieName } from '$lib/server/auth/cookies';
import { registerRealtime } from '$lib/server/realtime/attach';
import { log } from '$lib/server/log';
import { pageCache } from '$lib/server/page-cache';
import { forgetVisitorViews } from '$lib/server/challenges/visitor-cache';
import { startMailWorker } from '$lib/server/mail/service';
import { ENROL_PATH, needsSecondFactor } from '$lib/server/guards';

export const init: ServerInit = async () => {
	startMailWorker(await getDb());
	registerRealtime();
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	return response;
};

const session: Handle = async ({ event, resolve }) => {
	const db = await getDb();
	event.locals.db = db;
	event.locals.user = null;
	const token = event.cookies.get(sessionCookieName(event.url));
	if (token) {
		event.locals.user = await db.service('session lookup', (tx) => validateSession(tx, token));
		if (!event.locals.user) clearSessionCookie(event.cookies, event.url);
	}
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

// A form post by a signed-in user may change what visitors see: whatever it was, the
// cached views are dropped (the routes that change challenges also drop them themselves).
const forgetOnChange: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (event.request.method !== 'GET' && event.request.method !== 'HEAD' && event.locals.user)
		forgetVisitorViews();
	return response;
};

// pageCache comes before the session is looked up: a cached page needs no database.
export const handle = sequence(securityHeaders, pageCache, session, forgetOnChange, locale);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const id = crypto.randomUUID();
	if (status >= 500) log.error({ err: error, id, path: event.url.pathname }, 'unhandled error');
	// Never a stack trace or internal detail to the user: a reference they can quote.
	return { message: status >= 500 ? 'Internal error' : message, id };
};
