import type { Locale, LocalizedText } from './locale';

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
}
