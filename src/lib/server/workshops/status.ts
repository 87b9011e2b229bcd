import type { Queryable } from '../db';
import type { AdvanceOutcome, StatusStep, WorkshopStatus } from '$lib/domain/workshop-status';

/** Moves the workshop one step forward as the caller, who must be its facilitator. */
export async function advanceWorkshop(
	tx: Queryable,
	workshopId: string,
	to: StatusStep['to']
): Promise<AdvanceOutcome> {
	const [row] = await tx.query<{ outcome: AdvanceOutcome }>(
		'select public.advance_workshop($1, $2) as outcome',
		[workshopId, to]
	);
	return row.outcome;
}

export interface StatusChange {
	status: Exclude<WorkshopStatus, 'scheduled'>;
	at: Date;
	by: string | null;
}

/** When the workshop started and ended and who did it, for those taking part; oldest first. */
export function statusChanges(tx: Queryable, workshopId: string) {
	return tx.query<StatusChange>(
		`select status, at, by from public.workshop_status_changes where workshop_id = $1 order by at`,
		[workshopId]
	);
}
