import type { Database, Principal, Queryable } from '../db';
import type { AdvanceOutcome, StatusStep, WorkshopStatus } from '$lib/domain/workshop-status';
import { notifier } from '../notifier';
import { workshopBoards } from './schedule';

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

/**
 * The facilitator starts or ends the workshop (`advanceWorkshop`, as `user`), and once
 * that is committed everyone on its boards is told, so that their pages load the
 * workshop again (the notifier). Returns the outcome; only 'moved' changed anything.
 */
export async function moveWorkshop(
	db: Database,
	user: NonNullable<Principal>,
	workshopId: string,
	to: StatusStep['to']
): Promise<AdvanceOutcome> {
	const moved = await db.as(user, async (tx) => {
		const outcome = await advanceWorkshop(tx, workshopId, to);
		return { outcome, boards: outcome === 'moved' ? await workshopBoards(tx, workshopId) : [] };
	});
	if (moved.outcome === 'moved')
		notifier().workshopStatus(
			moved.boards.map((b) => b.id),
			{ workshopId, status: to, by: user.id }
		);
	return moved.outcome;
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
