import type { AdvanceOutcome } from '$lib/domain/workshop-status';

// Outcomes of capabilities as HTTP: the domain and the capabilities answer with outcome
// names; this layer chooses the status and the words (message keys).

/** A refused workshop step (public.advance_workshop) as an HTTP status and the words for it. */
export const ADVANCE_REFUSALS: Record<
	Exclude<AdvanceOutcome, 'moved'>,
	{ status: 403 | 409; error: string }
> = {
	forbidden: { status: 403, error: 'error_workshop_not_yours' },
	// Already started or ended, by another tab or a second click: reloading shows where it is.
	out_of_order: { status: 409, error: 'error_workshop_moved_on' }
};
