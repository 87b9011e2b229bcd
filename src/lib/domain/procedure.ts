/**
 * The procurement procedures a challenge can follow. Its own module so that stages.ts
 * and challenge.ts both read it without importing each other (scripts/import-cycles.ts).
 */
export const PROCEDURES = ['open_challenge', 'innovation_partnership'] as const;
export type Procedure = (typeof PROCEDURES)[number];
