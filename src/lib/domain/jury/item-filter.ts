import { parseChoice } from '$lib/domain/list-filter';

/**
 * How far a juror is with an item assigned to them, in the order they work through it:
 * no declaration yet, nothing scored, a draft, submitted; or a conflict declared.
 */
export const ASSIGNED_STATUSES = [
	'not_declared',
	'not_started',
	'draft',
	'submitted',
	'conflicted'
] as const;
export type AssignedStatus = (typeof ASSIGNED_STATUSES)[number];

/** A choice of the juror's list: one status, or every item. */
export const ITEM_STATUS_CHOICES = ['all', ...ASSIGNED_STATUSES] as const;
export type ItemStatusChoice = (typeof ITEM_STATUS_CHOICES)[number];

/** The query field of the juror's list; a detail page keeps it to link back (keptQuery). */
export const ITEM_STATUS_FIELD = 'status';

/** The fields of the juror's list an item's page keeps to link back to it: status and page. */
export const ITEM_LIST_FIELDS = [ITEM_STATUS_FIELD, 'page'];

/**
 * The status the juror's list is narrowed to, from its address (`status`, a GET form): a
 * value that is not one is every item, never an error.
 */
export const parseItemStatus = (params: URLSearchParams): ItemStatusChoice =>
	parseChoice(params, ITEM_STATUS_FIELD, ITEM_STATUS_CHOICES);
