/**
 * SvelteKit's guard against cross-site form posts, done in our own hooks so that the refusal
 * speaks the request's language (an outside tester's report: SvelteKit answered in English
 * plain text, "Cross-site POST form submissions are forbidden", before any hook ran).
 * svelte.config.js turns SvelteKit's own check off (`csrf.trustedOrigins: ['*']`, the way
 * SvelteKit 2.36+ documents it; `checkOrigin` is deprecated) and src/hooks.server.ts
 * refuses what this finds first, with refuseEarly.
 *
 * The same conditions as SvelteKit 2.70's (runtime/server/respond.js, is_form_content_type
 * in utils/http.js), which apply outside development only:
 * - a content type a form can send (application/x-www-form-urlencoded, multipart/form-data,
 *   text/plain, or SvelteKit's application/x-sveltekit-formdata), its parameters ignored
 *   and compared in lower case, so that "Text/Plain; charset=utf-8" counts too;
 * - the method POST, PUT, PATCH or DELETE;
 * - an Origin header that is not the app's origin (the request URL's, which adapter-node
 *   builds from ORIGIN), a missing Origin included.
 * SvelteKit also lets through origins listed in `csrf.trustedOrigins`; this app trusted
 * none (the default), so no other origin passes here either.
 */

/** The content types of a form submission that the check covers (SvelteKit's list). */
export const FORM_CONTENT_TYPES = [
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
] as const;

/** The methods the check covers: every one that changes something. */
export const CHANGING_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * Whether `request` is a form submitted to the app at `appUrl` (the request's URL as the app
 * sees it: its origin is the configured ORIGIN) from elsewhere, which the app refuses with
 * 403. Reads only the method, the Content-Type and Origin headers and `appUrl`'s origin.
 */
export function isCrossSiteForm(request: Request, appUrl: URL): boolean {
	const type = request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
	return (
		(FORM_CONTENT_TYPES as readonly string[]).includes(type) &&
		(CHANGING_METHODS as readonly string[]).includes(request.method) &&
		request.headers.get('origin') !== appUrl.origin
	);
}
