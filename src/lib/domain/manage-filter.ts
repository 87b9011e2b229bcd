import { parseListQuery, type ListFilter, type ListQuery } from './list-filter';
import { backTo, FROM_FIELD, fromQuery } from './kept-query';

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

/** The field a challenge's pages carry the owner's list query in (FROM_FIELD). */
export const MANAGE_FROM_FIELD = FROM_FIELD;

/** The `from` field that carries the list query of /manage's address `params` ('' for none). */
export const manageFrom = (params: URLSearchParams): string => fromQuery(params);

/** The address of /manage a challenge's page links back to (backTo: else the whole list). */
export const manageBack = (params: URLSearchParams): string => backTo('/manage', params);
