import { FEEDBACK_STATUSES } from './feedback';
import { parseListQuery, type ListQuery } from './list-filter';
import { LIST_QUERY_FIELDS } from './kept-query';
import { ORGANISATION_KINDS } from './organisation-schemas';
import { WORKSHOP_STATUSES } from './workshop-status';

/**
 * The queries of the lists that grow with the platform beyond /manage and a challenge's
 * applications (issue 16): each read from its address with parseListQuery, filtered and
 * paged in the database.
 */

/** The choices of /workshops: every workshop the caller sees, or those of one status. */
export const WORKSHOP_LIST_CHOICES = ['all', ...WORKSHOP_STATUSES] as const;
export type WorkshopListChoice = (typeof WORKSHOP_LIST_CHOICES)[number];

/** /workshops as its address asks for it: `state`, `q` (a workshop's or challenge's title), `page`. */
export const parseWorkshopQuery = (params: URLSearchParams): ListQuery<WorkshopListChoice> =>
	parseListQuery(params, WORKSHOP_LIST_CHOICES);

/**
 * The organisations (/organisations, and the admin page's, whose fields start "org-"):
 * every one, or those of one kind.
 */
export const ORGANISATION_LIST_CHOICES = ['all', ...ORGANISATION_KINDS] as const;
export type OrganisationListChoice = (typeof ORGANISATION_LIST_CHOICES)[number];
export const ADMIN_ORG_PREFIX = 'org-';

/** The admin page's accessibility feedback: every item, or those of one status ("feedback-"). */
export const ADMIN_FEEDBACK_CHOICES = ['all', ...FEEDBACK_STATUSES] as const;
export type AdminFeedbackChoice = (typeof ADMIN_FEEDBACK_CHOICES)[number];
export const ADMIN_FEEDBACK_PREFIX = 'feedback-';

const prefixed = (prefix: string) => LIST_QUERY_FIELDS.map((field) => `${prefix}${field}`);

/** The address fields of the admin page's two lists, which its forms and redirects keep. */
export const ADMIN_LIST_FIELDS = [
	...prefixed(ADMIN_ORG_PREFIX),
	...prefixed(ADMIN_FEEDBACK_PREFIX)
] as const;

/** The admin page's two lists as its address asks for them (parseListQuery with their prefixes). */
export const parseAdminQueries = (params: URLSearchParams) => ({
	organisations: parseListQuery(params, ORGANISATION_LIST_CHOICES, ADMIN_ORG_PREFIX),
	feedback: parseListQuery(params, ADMIN_FEEDBACK_CHOICES, ADMIN_FEEDBACK_PREFIX)
});
