import type { Queryable } from '../db';
import type { EvaluatedStage } from '$lib/domain/stages';

/** A juror of a stage as the chair sees them (public.jury_roster). */
export interface Juror {
	id: string;
	email: string;
	/** The accepting account's display name; blank until accepted. */
	name: string;
	invitedAt: Date;
	expiresAt: Date;
	acceptedAt: Date | null;
}

/** An item the stage scores (public.jury_items) with its team's frozen name. */
export interface JuryItem {
	id: string;
	/** 'application' at shortlisting, 'final_tender' at selection. */
	kind: 'application' | 'final_tender';
	teamName: string;
	submittedAt: Date;
	/** A final tender's price in cents; null for an application or a tender without one. */
	priceCents: number | null;
}

/**
 * The stage's jurors, accepted first then invited, by address. For the challenge's team
 * and whoever manages it; anyone else: 42501 jury_not_chair (juryRefusalAsHttp).
 */
export function readRoster(
	tx: Queryable,
	challengeId: string,
	stage: EvaluatedStage
): Promise<Juror[]> {
	return tx.query<Juror>(
		`select juror as id, email, name, invited_at as "invitedAt", expires_at as "expiresAt",
		   accepted_at as "acceptedAt"
		 from public.jury_roster($1, $2)`,
		[challengeId, stage]
	);
}

/**
 * The items the stage scores (private.jury_stage_items: at shortlisting the eligible
 * submitted applications, at selection the final tenders in force once the concepts
 * deadline has passed, with their prices), oldest submission first. Refused as readRoster.
 */
export function readItems(
	tx: Queryable,
	challengeId: string,
	stage: EvaluatedStage
): Promise<JuryItem[]> {
	return tx.query<JuryItem>(
		`select item as id, item_kind as kind, team_name as "teamName", submitted_at as "submittedAt",
		   price_cents::float8 as "priceCents"
		 from public.jury_items($1, $2)`,
		[challengeId, stage]
	);
}

/** How the chair names a juror: their name, else their address. */
export const jurorLabel = (j: Pick<Juror, 'name' | 'email'>): string => j.name || j.email;
