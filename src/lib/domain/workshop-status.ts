import { z } from 'zod';

// Error messages are message keys; the server puts them in the reader's words (invalid()).

/**
 * A workshop's life in order. The facilitator moves it one step forward at a time and
 * never back; the database (public.advance_workshop) enforces the same and records each step.
 */
export const WORKSHOP_STATUSES = ['scheduled', 'live', 'ended'] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];

/** The step the facilitator can take next, or null once the workshop has ended. */
export function nextStatus(status: WorkshopStatus): Exclude<WorkshopStatus, 'scheduled'> | null {
	if (status === 'scheduled') return 'live';
	if (status === 'live') return 'ended';
	return null;
}

/**
 * Whether the boards take changes: until the workshop ends, also before it starts so the
 * facilitator can prepare the board (private.workshop_open answers the same for the op path).
 */
export const boardsOpen = (status: WorkshopStatus) => status !== 'ended';

/**
 * The facilitator's step: starting, or ending, which closes every board for good and so
 * must say that it was confirmed (a request without it is refused, not guessed at).
 */
export const statusStepSchema = z.discriminatedUnion(
	'to',
	[
		z.object({ to: z.literal('live') }),
		z.object({
			to: z.literal('ended'),
			confirm: z.literal('yes', { error: 'error_workshop_end_unconfirmed' })
		})
	],
	{ error: 'error_workshop_status_step' }
);
export type StatusStep = z.output<typeof statusStepSchema>;

/** What the database answers to a step (public.advance_workshop). */
export type AdvanceOutcome = 'moved' | 'forbidden' | 'out_of_order';
