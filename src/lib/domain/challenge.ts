import type { Locale, LocalizedText } from './locale';
import type { Procedure } from './procedure';
import type { Stage } from './stages';

export { PROCEDURES, type Procedure } from './procedure';

/** An organisation as lists and pages name it: `names` in fi/sv/en (issue 12), `name` the primary one. */
export interface OrganisationRef {
	name: string;
	names: LocalizedText;
	primaryLocale: Locale;
	slug: string;
}

export interface ChallengeCard {
	id: string;
	slug: string;
	title: LocalizedText;
	summary: LocalizedText;
	primaryLocale: Locale;
	procedure: Procedure;
	publishedAt: Date;
	organisation: OrganisationRef;
	/** The latest-started stage running now, if any. */
	currentStage: Stage | null;
	/** The nearest stage start or end still ahead. */
	nextDeadline: Date | null;
	coverImage: string | null;
}

export const SORTS = ['relevance', 'deadline', 'newest'] as const;
export type Sort = (typeof SORTS)[number];

/** The order when none is asked for: best matches first for a search, else by deadline. */
export const defaultSort = (q: string): Sort => (q.trim() ? 'relevance' : 'deadline');

export interface ChallengeFilters {
	q: string;
	stage: Stage | null;
	organisation: string | null;
	procedure: Procedure | null;
	openNow: boolean;
	sort: Sort;
	page: number;
}

/** The field of /challenges' address holding words that narrow its organisation filter. */
export const ORGANISATION_SEARCH = 'org-q';

/**
 * The fields of /challenges' address (its search, filters, order and page) that a
 * challenge's page keeps in its `from` field to link back to the list as it was (ChallengeFilters as the
 * address names them). Here, not with the other lists' queries: a challenge page imports
 * it, and those modules weigh 240 kB of a visitor's JavaScript (issue 16: under 60 kB).
 */
export const CHALLENGE_LIST_FIELDS = [
	'q',
	'stage',
	'organisation',
	'procedure',
	'open',
	'sort',
	'page',
	ORGANISATION_SEARCH
] as const;

export const PAGE_SIZE = 12;
