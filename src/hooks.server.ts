import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getDb } from '$lib/server/db';
import { validateSession } from '$lib/server/auth/sessions';
import { clearSessionCookie, sessionCookieName } from '$lib/server/auth/cookies';
import { registerRealtime } from '$lib/server/realtime/attach';
import { log } from '$lib/server/log';

export const init: ServerInit = async () => {
	await getDb();
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
	return resolve(event);
};

const locale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

export const handle = sequence(securityHeaders, session, locale);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const id = crypto.randomUUID();
	if (status >= 500) log.error({ err: error, id, path: event.url.pathname }, 'unhandled error');
	// Never a stack trace or internal detail to the user: a reference they can quote.
	return { message: status >= 500 ? 'Internal error' : message, id };
};
