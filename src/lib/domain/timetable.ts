import { DECISION_STAGES, PROCEDURE_STAGES, REQUIRED_STAGES, type Stage } from './stages';
import type { Procedure } from './challenge';
import type { Day } from './day';
import { helsinkiDay } from './helsinki-time';
import { isBlank } from './text';

export interface StageWindow {
	stage: Stage;
	startsAt: Date;
	endsAt: Date;
	/**
	 * The day the decision closing this stage is signed (`YYYY-MM-DD`, a day and not an
	 * instant: stored as `date`), and by whom.
	 */
	decisionOn?: Day | null;
	signatory?: string | null;
}

export type TimetableIssueCode =
	| 'stage_not_in_procedure'
	| 'stage_required'
	| 'end_not_after_start'
	| 'starts_before_previous'
	| 'ends_before_previous'
	| 'decision_without_signatory'
	| 'decision_not_for_stage'
	| 'decision_before_stage'
	| 'decision_after_next_stage';

export interface TimetableIssue {
	stage: Stage;
	field: 'startsAt' | 'endsAt' | 'decisionOn' | 'signatory';
	code: TimetableIssueCode;
}

/** The windows in procedure order, keeping only stages the procedure has. */
export function orderWindows(procedure: Procedure, windows: StageWindow[]): StageWindow[] {
	const order = PROCEDURE_STAGES[procedure];
	return windows
		.filter((w) => order.includes(w.stage))
		.sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage));
}

/**
 * What is wrong with a timetable: every stage ends after it starts; stages start and
 * end in the procedure's order (they may overlap, as questions may run into the
 * application period); a decision date has a signatory, falls inside its stage's
 * span and is signed before the next stage starts (as days in Helsinki: a decision on the
 * day its stage starts or the next one starts is in time).
 */
export function validateTimetable(procedure: Procedure, windows: StageWindow[]): TimetableIssue[] {
	const issues: TimetableIssue[] = [];
	const allowed = PROCEDURE_STAGES[procedure];
	for (const w of windows) {
		if (!allowed.includes(w.stage))
			issues.push({ stage: w.stage, field: 'startsAt', code: 'stage_not_in_procedure' });
	}
	for (const stage of REQUIRED_STAGES) {
		if (!windows.some((w) => w.stage === stage))
			issues.push({ stage, field: 'startsAt', code: 'stage_required' });
	}
	const ordered = orderWindows(procedure, windows);
	ordered.forEach((w, i) => {
		if (w.endsAt.getTime() <= w.startsAt.getTime()) {
			issues.push({ stage: w.stage, field: 'endsAt', code: 'end_not_after_start' });
		}
		const previous = ordered[i - 1];
		if (previous && w.startsAt.getTime() < previous.startsAt.getTime()) {
			issues.push({ stage: w.stage, field: 'startsAt', code: 'starts_before_previous' });
		}
		if (previous && w.endsAt.getTime() < previous.endsAt.getTime()) {
			issues.push({ stage: w.stage, field: 'endsAt', code: 'ends_before_previous' });
		}
		issues.push(...decisionIssues(w, ordered[i + 1]));
	});
	return issues;
}

function decisionIssues(w: StageWindow, next: StageWindow | undefined): TimetableIssue[] {
	const hasDate = Boolean(w.decisionOn);
	const hasSignatory = !isBlank(w.signatory);
	if (!hasDate && !hasSignatory) return [];
	if (!DECISION_STAGES.includes(w.stage)) {
		return [{ stage: w.stage, field: 'decisionOn', code: 'decision_not_for_stage' }];
	}
	if (!hasDate)
		return [{ stage: w.stage, field: 'decisionOn', code: 'decision_without_signatory' }];
	if (!hasSignatory)
		return [{ stage: w.stage, field: 'signatory', code: 'decision_without_signatory' }];
	// Days compare with days: the Helsinki day a stage starts on (YYYY-MM-DD sorts as text).
	const on = w.decisionOn!;
	if (on < helsinkiDay(w.startsAt))
		return [{ stage: w.stage, field: 'decisionOn', code: 'decision_before_stage' }];
	if (next && on > helsinkiDay(next.startsAt)) {
		return [{ stage: w.stage, field: 'decisionOn', code: 'decision_after_next_stage' }];
	}
	return [];
}

export type TimetablePosition =
	| { phase: 'not_scheduled' }
	| { phase: 'upcoming'; next: StageWindow }
	| { phase: 'running'; current: StageWindow[]; next: StageWindow | null }
	| { phase: 'between'; previous: StageWindow; next: StageWindow }
	| { phase: 'finished'; last: StageWindow };

/** Where the challenge is now: the stages running (several may overlap) and what comes next. */
export function timetablePosition(
	procedure: Procedure,
	windows: StageWindow[],
	now: Date
): TimetablePosition {
	const ordered = orderWindows(procedure, windows);
	if (!ordered.length) return { phase: 'not_scheduled' };
	const t = now.getTime();
	const current = ordered.filter((w) => w.startsAt.getTime() <= t && t < w.endsAt.getTime());
	const next = ordered.find((w) => w.startsAt.getTime() > t) ?? null;
	if (current.length) return { phase: 'running', current, next };
	const started = ordered.filter((w) => w.startsAt.getTime() <= t);
	if (!started.length) return { phase: 'upcoming', next: ordered[0] };
	if (!next) return { phase: 'finished', last: ordered[ordered.length - 1] };
	return { phase: 'between', previous: started[started.length - 1], next };
}

/** The next moment someone must act by: the nearest stage end or start after now. */
export function nextDeadline(
	windows: StageWindow[],
	now: Date
): { stage: Stage; at: Date; kind: 'starts' | 'ends' } | null {
	const t = now.getTime();
	const moments = windows.flatMap((w) => [
		{ stage: w.stage, at: w.startsAt, kind: 'starts' as const },
		{ stage: w.stage, at: w.endsAt, kind: 'ends' as const }
	]);
	return (
		moments.filter((m) => m.at.getTime() > t).sort((a, b) => a.at.getTime() - b.at.getTime())[0] ??
		null
	);
}
