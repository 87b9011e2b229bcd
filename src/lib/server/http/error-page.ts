import { extractLocaleFromRequest } from '$lib/paraglide/runtime';
import type { Locale } from '$lib/domain/locale';
import { translate } from '../i18n';

/**
 * The language of an answer given before any page renders (issue 16 leftovers: a 413, a
 * 429, a crash in a hook came in English or as `<html lang="en">`): paraglide's own
 * negotiation of the request (its cookie, then Accept-Language, then the base locale), the
 * same the pages get from paraglideMiddleware in src/hooks.server.ts.
 */
export function requestLocale(request: Request): Locale {
	return extractLocaleFromRequest(request) as Locale;
}

/** The heading of an error page for `status`, in `locale`. */
export function errorTitle(status: number, locale: Locale): string {
	const key =
		status === 404 ? 'error_not_found' : status === 403 ? 'error_forbidden' : 'error_generic';
	return translate(key, {}, locale);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A whole small error page in `locale` (with its `lang`): the title for `status`, the
 * status, `message` when given (words for the person, never internals) and a way back.
 * For refusals answered before any route renders (refuseEarly, a hook that failed, the
 * fallback page of src/error.html), where +error.svelte cannot be used.
 */
export function errorPage(locale: Locale, status: number, message?: string): string {
	const title = escapeHtml(errorTitle(status, locale));
	const lines = [translate('error_status', { status }, locale), ...(message ? [message] : [])].map(
		(line) => `<p>${escapeHtml(line)}</p>`
	);
	return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – Talkoot</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}a{color:#0b5cad}</style></head>
<body><main><h1>${title}</h1>${lines.join('')}<p><a href="/">${escapeHtml(translate('error_back_home', {}, locale))}</a></p></main></body>
</html>
`;
}

/** An error page as a Response, in the request's language (Content-Language too). */
export function errorPageResponse(
	request: Request,
	status: number,
	message?: string,
	headers: Record<string, string> = {}
): Response {
	const locale = requestLocale(request);
	return new Response(errorPage(locale, status, message), {
		status,
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'content-language': locale,
			...headers
		}
	});
}

/**
 * The mark of src/error.html, SvelteKit's page for an error it cannot render with
 * +error.svelte (the root layout failed): that file is static, so the hooks answer such a
 * response again with errorPage in the request's language (see `inRequestLanguage`).
 */
export const FALLBACK_MARK = 'data-talkoot-fallback';

/**
 * `response` as the person reads it: SvelteKit's fallback page (src/error.html, found by
 * FALLBACK_MARK) replaced by errorPage in the request's language with the same status;
 * anything else unchanged.
 */
export async function inRequestLanguage(request: Request, response: Response): Promise<Response> {
	if (response.status < 400 || !response.headers.get('content-type')?.startsWith('text/html'))
		return response;
	const html = await response.clone().text();
	if (!html.includes(FALLBACK_MARK)) return response;
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	const answer = errorPageResponse(request, response.status);
	answer.headers.forEach((value, name) => headers.set(name, value));
	return new Response(answer.body, { status: response.status, headers });
}
