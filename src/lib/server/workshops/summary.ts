import type { Queryable } from '../db';

export type SummaryOutcome = 'sent' | 'already_sent' | 'forbidden';

/**
 * The facilitator asks for the outcome summary of their ended workshop to be mailed to
 * everyone who took part (public.request_workshop_summary). Answers 'sent', 'already_sent'
 * (it goes out once per workshop, normally by itself when the workshop ends; the database
 * decides) or 'forbidden' (not its facilitator, or the workshop has not ended).
 */
export async function requestSummary(tx: Queryable, workshopId: string): Promise<SummaryOutcome> {
	const [row] = await tx.query<{ outcome: SummaryOutcome }>(
		'select public.request_workshop_summary($1) as outcome',
		[workshopId]
	);
	return row.outcome;
}
