/**
 * Where a team's concept stands and why (issue 14: "Each team sees where its concept
 * stands and why, on one page"): the gates from the shortlist to production as steps,
 * each done, current, stopped (with the decision's reason) or not reached, computed from
 * what the record holds. Pure: the server reads the facts (decisions under row-level
 * security, the final tender, the milestones) and the page shows the steps.
 */

import type { Locale } from './locale';

export const STANDING_STEPS = [
	'shortlisted',
	'final_tender',
	'selected',
	'proof_of_concept',
	'go_no_go'
] as const;
export type StandingStep = (typeof STANDING_STEPS)[number];

/**
 * done: passed; current: where the concept is now; stopped: the concept ended here;
 * upcoming: still ahead; not_reached: after a stop, never to be reached.
 */
export type StepState = 'done' | 'current' | 'stopped' | 'upcoming' | 'not_reached';

/** A published decision's word on the team's item: chosen or not, and why. */
export interface DecidedItem {
	decisionId: string;
	chosen: boolean;
	reason: string;
	/** The language the decision (and so its reason) is written in. */
	lang: Locale;
	/** The day the decision was signed ('YYYY-MM-DD'). */
	decidedOn: string | null;
}

/** What the record says about one concept, as far as its team may read it. */
export interface StandingFacts {
	/**
	 * The current shortlisting decision's item for the team's application; null when the
	 * record holds none (a concept exists only for a shortlisted team, so it is passed).
	 */
	shortlisting: DecidedItem | null;
	/** The active final tender's submission time, or null without one. */
	finalTenderAt: Date | null;
	/** Whether the concepts stage's deadline has passed (by the database clock). */
	tenderDeadlinePassed: boolean;
	/** The current selection decision's item for the concept's final tender. */
	selection: DecidedItem | null;
	/** The proof of concept's milestones, when it has started. */
	milestones: { accepted: number; total: number } | null;
	/** The current go / no-go decision's item for the concept. */
	goNoGo: DecidedItem | null;
}

export interface Standing {
	step: StandingStep;
	state: StepState;
	/** The decision behind a done or stopped gate, with its reason. */
	decided: DecidedItem | null;
}

/** Where the concept has ended up, or is on its way. */
export type StandingOutcome =
	'continued' | 'dropped' | 'not_selected' | 'no_tender' | 'not_shortlisted' | 'in_progress';

/**
 * The five steps of a concept's way with their states, in order. A step with a negative
 * decision is stopped and every later step not reached; the first step not yet passed is
 * current and the rest upcoming. The final tender's step stops when the deadline passed
 * without one; the proof of concept is done once the go / no-go decision is published.
 */
export function conceptStanding(facts: StandingFacts): Standing[] {
	const gates: { step: StandingStep; passed: boolean | null; decided: DecidedItem | null }[] = [
		{
			step: 'shortlisted',
			passed: facts.shortlisting ? facts.shortlisting.chosen : true,
			decided: facts.shortlisting
		},
		{
			step: 'final_tender',
			passed: facts.finalTenderAt ? true : facts.tenderDeadlinePassed ? false : null,
			decided: null
		},
		{
			step: 'selected',
			passed: facts.selection ? facts.selection.chosen : null,
			decided: facts.selection
		},
		{ step: 'proof_of_concept', passed: facts.goNoGo ? true : null, decided: null },
		{
			step: 'go_no_go',
			passed: facts.goNoGo ? facts.goNoGo.chosen : null,
			decided: facts.goNoGo
		}
	];
	let ended = false;
	let current = false;
	return gates.map(({ step, passed, decided }) => {
		let state: StepState;
		if (ended) state = 'not_reached';
		else if (current) state = 'upcoming';
		else if (passed === true) state = 'done';
		else if (passed === false) {
			state = 'stopped';
			ended = true;
		} else {
			state = 'current';
			current = true;
		}
		return { step, state, decided: state === 'done' || state === 'stopped' ? decided : null };
	});
}

/**
 * The concept's outcome: continued or dropped by the go / no-go decision, not selected,
 * no final tender by the deadline, not shortlisted, or still in progress. Continued only
 * when the go / no-go step is done: a dropped concept is never continued.
 */
export function standingOutcome(steps: readonly Standing[]): StandingOutcome {
	const stopped = steps.find((s) => s.state === 'stopped');
	if (stopped) {
		return (
			{
				shortlisted: 'not_shortlisted',
				final_tender: 'no_tender',
				selected: 'not_selected',
				proof_of_concept: 'dropped',
				go_no_go: 'dropped'
			} as const
		)[stopped.step];
	}
	return steps.find((s) => s.step === 'go_no_go')?.state === 'done' ? 'continued' : 'in_progress';
}
