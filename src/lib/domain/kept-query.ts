/**
 * The address a detail page keeps of the list it was reached from (issue 16): its link
 * back, its forms' redirects, the next row. Apart from list-filter.ts, which reads a list's
 * query (zod, word folding): a challenge's page imports these, and a visitor downloads
 * what it imports (under 60 kB, tests/e2e/page-js.spec.ts).
 */

/** The fields of a list's address: a choice of one state, words of a name, a page. */
export const LIST_QUERY_FIELDS = ['state', 'q', 'page'] as const;

/** The `fields` of `params` that are set (the first of a repeated one), in that order. */
export function keptFields(
	params: URLSearchParams,
	fields: readonly string[] = LIST_QUERY_FIELDS
): Record<string, string> {
	return Object.fromEntries(
		fields.flatMap((field) => {
			const value = params.get(field);
			return value ? [[field, value]] : [];
		})
	);
}

/**
 * The part of an address a detail page keeps to link back to the list it came from, and
 * on to the next row of it: keptFields as "?state=eligible&q=lab" ('' when none is set).
 * Anything else (a notice) is left behind.
 */
export function keptQuery(
	params: URLSearchParams,
	fields: readonly string[] = LIST_QUERY_FIELDS
): string {
	const text = new URLSearchParams(keptFields(params, fields)).toString();
	return text ? `?${text}` : '';
}

/** `path` with a kept list query and one more field (a notice after a post): "…?q=lab&saved=1". */
export const withField = (path: string, kept: string, field: string, value = '1') =>
	`${path}${kept ? `${kept}&` : '?'}${encodeURIComponent(field)}=${encodeURIComponent(value)}`;

/**
 * A form's named action that keeps the list query of the page it is on ("?/save&status=draft"):
 * a form's action replaces the address's query, so without it the redirect after the post
 * would lose the list the page was reached from.
 */
export const actionKeeping = (action: string, kept: string) =>
	`?/${action}${kept ? `&${kept.slice(1)}` : ''}`;

/**
 * The field a detail page carries the query of the list it was reached from in
 * (`?from=state%3Ddraft%26q%3Dlab`), so that its link back, and the redirect after each of
 * its forms (actionKeeping), return to that list: a name of its own, as a detail page may
 * hold lists with fields of the list's names (a challenge's applications).
 */
export const FROM_FIELD = 'from';

/**
 * The `from` field (as "?from=…") that carries the list query of a list's address
 * `params`: only its `fields` (keptQuery), '' when none is set.
 */
export function fromQuery(
	params: URLSearchParams,
	fields: readonly string[] = LIST_QUERY_FIELDS
): string {
	const kept = keptQuery(params, fields);
	return kept ? `?${new URLSearchParams({ [FROM_FIELD]: kept.slice(1) })}` : '';
}

/**
 * The address of the list at `path` a detail page links back to: the list query its
 * `from` field carries, read as the list reads it (only its `fields`; anything else, a
 * host or another path among them, is dropped), else the whole list.
 */
export function backTo(
	path: string,
	params: URLSearchParams,
	fields: readonly string[] = LIST_QUERY_FIELDS
): string {
	const from = new URLSearchParams(params.get(FROM_FIELD) ?? '');
	return `${path}${keptQuery(from, fields)}`;
}

/** The `from` field of a detail page's address as it keeps it for its forms ("?from=…", or ''). */
export const keptFrom = (params: URLSearchParams) => keptQuery(params, [FROM_FIELD]);
