// The one state the team's application page shows (issue 12, Solver: "the ineligible result
// contradicts itself"). Each combination of status, deadline, withdrawal and screening maps
// to one phase and to exactly what the team can still do, so the page never says
// "submitted" beside "not eligible", or counts days down when nothing can be done in them.
import type { Day } from './day';
import { helsinkiDay } from './helsinki-time';

export type Phase =
	/** A draft the team can still change and submit. */
	| 'draft'
	/** Withdrawn and a draft again, before the deadline. */
	| 'withdrawn'
	/** The deadline passed without a submission (never submitted, or withdrawn and not resubmitted). */
	| 'not_submitted'
	/** Submitted, before the deadline, not screened. */
	| 'submitted'
	/** Submitted, the deadline passed, not screened yet. */
	| 'awaiting_screening'
	| 'eligible'
	| 'ineligible';

export interface PhaseInput {
	status: 'draft' | 'submitted';
	/** Applications open now (the database's applications_open, then the page's clock). */
	open: boolean;
	/** The last event on record was a withdrawal. */
	withdrawn: boolean;
	/** The screening decision on the present submission, if any. */
	decision: { eligible: boolean; decidedAt: Date | string } | null;
}

export interface PhaseView {
	phase: Phase;
	/** The editor and Submit are shown. */
	canEdit: boolean;
	/** Withdraw is offered (the database allows it until the deadline). */
	canWithdraw: boolean;
	/** Withdrawing would void a screening decision already made. */
	withdrawVoidsDecision: boolean;
	/** A countdown to the deadline means something: there is something to do before it. */
	showCountdown: boolean;
	/** Appeal against an ineligible decision: the last day to file (see appealLastDay). */
	appealBy: Day | null;
}

/** Days to appeal a procurement decision to the Market Court (Act on Public Procurement 1397/2016, s. 147). */
export const APPEAL_DAYS = 14;

/**
 * The last day of the appeal period: APPEAL_DAYS after the Helsinki day the decision was
 * made and mailed (a decision sent electronically counts as received the day it was sent,
 * Act 1397/2016 s. 147 and s. 61). A period ending on a weekend or public holiday runs to
 * the next working day (Act 150/1930): the page says so in words rather than guess holidays.
 */
export function appealLastDay(decidedAt: Date | string): Day {
	const day = helsinkiDay(decidedAt);
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + APPEAL_DAYS);
	return date.toISOString().slice(0, 10);
}

/**
 * The application's phase and what the team can do in it.
 * Takes: the status, whether applications are open, whether the last event was a
 * withdrawal, and the decision on the present submission (a draft has none: withdrawing
 * voids it, public.withdraw_application).
 * Returns one PhaseView; the page renders nothing the view does not allow.
 */
export function applicationPhase(input: PhaseInput): PhaseView {
	const none = {
		canEdit: false,
		canWithdraw: false,
		withdrawVoidsDecision: false,
		showCountdown: false,
		appealBy: null
	};
	if (input.status === 'draft') {
		if (!input.open) return { ...none, phase: 'not_submitted' };
		return {
			...none,
			phase: input.withdrawn ? 'withdrawn' : 'draft',
			canEdit: true,
			showCountdown: true
		};
	}
	const decision = input.decision;
	if (!decision) {
		return input.open
			? { ...none, phase: 'submitted', canWithdraw: true, showCountdown: true }
			: { ...none, phase: 'awaiting_screening' };
	}
	return {
		...none,
		phase: decision.eligible ? 'eligible' : 'ineligible',
		// The database still allows a withdrawal before the deadline; it voids the decision.
		canWithdraw: input.open,
		withdrawVoidsDecision: input.open,
		appealBy: decision.eligible ? null : appealLastDay(decision.decidedAt)
	};
}
