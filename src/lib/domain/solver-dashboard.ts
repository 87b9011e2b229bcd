/**
 * What a team should do next with an application, as the solver's dashboard says it
 * (issue 12, Solver: "a home for a solver's work"). Pure: the state comes from the record,
 * `now` from the caller. The database decides for real (submitting is refused after the
 * deadline whatever this says).
 */
export type NextStep =
	/** A draft, applications still open: finish it and submit before the deadline. */
	| 'finish_draft'
	/** A draft whose deadline passed (or that has none): it can no longer be submitted. */
	| 'draft_closed'
	/** Submitted, deadline ahead: the team may still change, withdraw and resubmit. */
	| 'submitted_open'
	/** Submitted, deadline passed, no screening decision yet: wait for the owner. */
	| 'awaiting_screening'
	/** Found eligible: the owner or a facilitator invites the team onwards. */
	| 'eligible'
	/** Found ineligible: read the reasons on the application page. */
	| 'ineligible';

export interface ApplicationState {
	status: 'draft' | 'submitted';
	/** The screening decision: true eligible, false ineligible, null none yet. */
	eligible: boolean | null;
	/** When applications close; null when the timetable has no such stage. */
	deadline: Date | string | null;
}

/** Takes an application's state and the time; returns its next step (see `NextStep`). */
export function nextStep(app: ApplicationState, now: Date): NextStep {
	const open = app.deadline !== null && new Date(app.deadline).getTime() > now.getTime();
	if (app.status === 'draft') return open ? 'finish_draft' : 'draft_closed';
	if (app.eligible === true) return 'eligible';
	if (app.eligible === false) return 'ineligible';
	return open ? 'submitted_open' : 'awaiting_screening';
}
