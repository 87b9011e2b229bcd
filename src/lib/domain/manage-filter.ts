import { keptQuery, parseListQuery, type ListFilter, type ListQuery } from './list-filter';

/** A choice of the owner's challenge list (/manage): every challenge, drafts, or published ones. */
export const MANAGE_STATUS_CHOICES = ['all', 'draft', 'published'] as const;
export type ManageStatusChoice = (typeof MANAGE_STATUS_CHOICES)[number];

export type ManageQuery = ListQuery<ManageStatusChoice>;
export type ManageFilter = ListFilter<ManageStatusChoice>;

/**
 * The owner's challenge list as its address asks for it (parseListQuery): `state` one of
 * MANAGE_STATUS_CHOICES, `q` words of a challenge's title or summary, `page` 1-based.
 */
export const parseManageQuery = (params: URLSearchParams): ManageQuery =>
	parseListQuery(params, MANAGE_STATUS_CHOICES);

/**
 * The field a challenge's pages carry the owner's list query in, as they were reached from
 * it (`?from=state%3Ddraft%26q%3Dlab`), so that their link back returns to that list: its
 * own name, as a challenge's lists (applications) have fields of the same names.
 */
export const MANAGE_FROM_FIELD = 'from';

/** The `from` field that carries the list query of /manage's address `params` ('' for none). */
export function manageFrom(params: URLSearchParams): string {
	const kept = keptQuery(params);
	return kept ? `?${new URLSearchParams({ [MANAGE_FROM_FIELD]: kept.slice(1) })}` : '';
}

/**
 * The address of /manage a challenge's page links back to: the list query its `from`
 * field carries, read as /manage reads it (only a status, a search and a page; anything
 * else is dropped), else the whole list.
 */
export function manageBack(params: URLSearchParams): string {
	const from = new URLSearchParams(params.get(MANAGE_FROM_FIELD) ?? '');
	return `/manage${keptQuery(from)}`;
}
