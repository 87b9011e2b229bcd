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
	| 'ineligible'
	/** Chosen in the shortlisting decision: develop the concept, submit the final tender. */
	| 'shortlisted'
	/** Chosen in the selection decision (a partner): the proof of concept is next. */
	| 'selected'
	/** Chosen in the proof-of-concept decision: production follows (innovation partnership). */
	| 'proof_accepted'
	/** Not chosen in the newest decision: its page gives the reasons and how to appeal. */
	| 'not_chosen';

/** The decisions after screening, in procedure order (public.decisions.stage). */
export type LaterStage = 'shortlisting' | 'selection' | 'proof_of_concept';

/**
 * The newest published decision after screening that names the application, or the
 * concept or final tender it grew into (a correction is newer than what it replaces).
 */
export interface LaterDecision {
	id: string;
	stage: LaterStage;
	/** Whether the decision chose the team's item. */
	chosen: boolean;
}

const CHOSEN_STEP: Record<LaterStage, NextStep> = {
	shortlisting: 'shortlisted',
	selection: 'selected',
	proof_of_concept: 'proof_accepted'
};

export interface ApplicationState {
	status: 'draft' | 'submitted';
	/** The screening decision: true eligible, false ineligible, null none yet. */
	eligible: boolean | null;
	/** When applications close; null when the timetable has no such stage. */
	deadline: Date | string | null;
	/** The newest published decision after screening about it; null (or absent) when none. */
	later?: LaterDecision | null;
}

/**
 * Takes an application's state and the time; returns its next step (see `NextStep`). The
 * newest published decision after screening decides over the screening result: a team
 * shortlisted and then not selected reads that it was not chosen, not that it is eligible.
 */
export function nextStep(app: ApplicationState, now: Date): NextStep {
	if (app.later) return app.later.chosen ? CHOSEN_STEP[app.later.stage] : 'not_chosen';
	const open = app.deadline !== null && new Date(app.deadline).getTime() > now.getTime();
	if (app.status === 'draft') return open ? 'finish_draft' : 'draft_closed';
	if (app.eligible === true) return 'eligible';
	if (app.eligible === false) return 'ineligible';
	return open ? 'submitted_open' : 'awaiting_screening';
}
