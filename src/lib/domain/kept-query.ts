/**
 * The address a detail page keeps of the list it was reached from (issue 16): its link
 * back, its forms' redirects, the next row. Apart from list-filter.ts, which reads a list's
 * query (zod, word folding): a challenge's page imports these, and a visitor downloads
 * what it imports (under 60 kB, tests/e2e/page-js.spec.ts).
 */

/** The fields of a list's address: a choice of one state, words of a name, a page. */
export const LIST_QUERY_FIELDS = ['state', 'q', 'page'] as const;

/** The longest search a list reads from its address (and its search box's maxlength). */
export const LIST_SEARCH_MAX = 200;

/** The highest page number a list reads from its address; beyond it, the first page. */
export const LIST_PAGE_MAX = 100_000;

/** The longest value of any other field kept (a choice, an organisation's slug); longer is dropped. */
const KEPT_VALUE_MAX = 100;

/** How many fields, each of a name at most this long, a kept `from` carries (a list has 7 at most). */
const FROM_FIELDS_MAX = 10;
const FIELD_NAME_MAX = 40;

/**
 * A search as a list reads it from its address: `raw` trimmed and, when longer than
 * `max`, its first `max` characters (trimmed again; not half an emoji at the cut), so a
 * long search still narrows the list by what the box would have held. Always at most
 * `max` long and a prefix of the trimmed `raw`; '' for none.
 */
export function listSearch(raw: string | null | undefined, max = LIST_SEARCH_MAX): string {
	const text = (raw ?? '').trim();
	if (text.length <= max) return text;
	const last = text.charCodeAt(max - 1);
	const end = last >= 0xd800 && last <= 0xdbff ? max - 1 : max;
	return text.slice(0, end).trimEnd();
}

/** A 1-based page number as a list reads it from its address: 1 for anything but 1…LIST_PAGE_MAX. */
export function listPage(raw: string | null | undefined): number {
	const n = Number(raw ?? undefined);
	return Number.isInteger(n) && n >= 1 && n <= LIST_PAGE_MAX ? n : 1;
}

/** Whether `field` is a list's `kind` field, alone or after a prefix ("org-page" is a page). */
const isField = (field: string, kind: string) => field === kind || field.endsWith(`-${kind}`);

/**
 * The value a link keeps of `field`, normalised as the list reads it, or null to leave
 * the field out: a page as a whole number above 1 (listPage), a search as listSearch
 * reads it, a `from` as the list fields it carries (keptFromValue), anything else as
 * given when it is at most KEPT_VALUE_MAX long. Nothing empty is kept.
 */
function keptValue(field: string, value: string): string | null {
	if (isField(field, 'page')) {
		const page = listPage(value);
		return page > 1 ? String(page) : null;
	}
	if (isField(field, 'q')) return listSearch(value) || null;
	if (field === FROM_FIELD) return keptFromValue(value);
	return value && value.length <= KEPT_VALUE_MAX ? value : null;
}

/**
 * A `from` field's value kept: the first FROM_FIELDS_MAX fields of the query it carries
 * (names of at most FIELD_NAME_MAX characters, no `from` within), each normalised as
 * keptValue does, or null when none is left. Which of them a list reads, backTo decides.
 */
function keptFromValue(value: string): string | null {
	const carried = new URLSearchParams(value);
	const names = [...new Set(carried.keys())]
		.filter((name) => name !== FROM_FIELD && name.length <= FIELD_NAME_MAX)
		.slice(0, FROM_FIELDS_MAX);
	return new URLSearchParams(keptFields(carried, names)).toString() || null;
}

/**
 * The `fields` of `params` that are set (the first of a repeated one), in that order, each
 * normalised as the list reads it (keptValue): a link never carries a value the list would
 * not read, nor one of unbounded length.
 */
export function keptFields(
	params: URLSearchParams,
	fields: readonly string[] = LIST_QUERY_FIELDS
): Record<string, string> {
	return Object.fromEntries(
		fields.flatMap((field) => {
			const value = keptValue(field, params.get(field) ?? '');
			return value === null ? [] : [[field, value]];
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
