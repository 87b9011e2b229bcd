import type { Locale, LocalizedText } from './locale';
import type { Stage } from './stages';

export const PROCEDURES = ['open_challenge', 'innovation_partnership'] as const;
export type Procedure = (typeof PROCEDURES)[number];

export interface ChallengeCard {
	id: string;
	slug: string;
	title: LocalizedText;
	summary: LocalizedText;
	primaryLocale: Locale;
	procedure: Procedure;
	publishedAt: Date;
	organisation: { name: string; slug: string };
	/** The latest-started stage running now, if any. */
	currentStage: Stage | null;
	/** The nearest stage start or end still ahead. */
	nextDeadline: Date | null;
	coverImage: string | null;
}

export const SORTS = ['deadline', 'newest'] as const;
export type Sort = (typeof SORTS)[number];

export interface ChallengeFilters {
	q: string;
	stage: Stage | null;
	organisation: string | null;
	procedure: Procedure | null;
	openNow: boolean;
	sort: Sort;
	page: number;
}

export const PAGE_SIZE = 12;
