/**
 * The day a decision is dated: the day it is signed (Administrative Procedure Act 434/2003
 * §44: a written decision states the day it was given). It lies in a window, and the
 * database holds the same rule (private.decision_day_issue in
 * supabase/migrations/20261215000500_decision_dates.sql; tests/integration/
 * rule-parity-decision-day.test.ts feeds both the same cases).
 *
 * Where the window comes from:
 * - Earliest: the Helsinki day the challenge was published. A decision closes a stage of a
 *   published challenge, so it cannot be older than the challenge. The timetable's stage
 *   start (validateTimetable's `decision_before_stage`, ../timetable.ts) is not the floor:
 *   the timetable is a plan and a procedure may run ahead of it (the whole-chain run
 *   publishes a selection a month before its planned day), and a decision made early is
 *   still made.
 * - Latest, for a draft: today, or the day the timetable plans for the decision (its
 *   `decision_on`, which validateTimetable already keeps between the stage's start and
 *   the next stage's start), whichever is later: a draft may carry its planned day.
 * - Latest, when published: today. A decision cannot be dated in the future. The
 *   timetable's planned day, not yet come, is the one exception: a decision published
 *   before its planned day was made on the day of its publication, and publishing dates
 *   it so (20261208000500_decision_dated_when_published.sql). Any other later day is
 *   refused.
 */
import type { Day } from '$lib/domain/day';
import { DAY_ERRORS, readFinnishDay } from '$lib/domain/finnish-datetime';
import { helsinkiDay } from '$lib/domain/helsinki-time';

export type DecisionDayIssue = 'decision_day_before_challenge' | 'decision_day_in_future';

export interface DecisionDayContext {
	/** The Helsinki day the challenge was published (the day it was created, if never). */
	challengeFrom: Day;
	/** Today in Helsinki. */
	today: Day;
	/** The day the timetable plans for the stage's decision, or null. */
	planned: Day | null;
}

/**
 * The context as a page has it: the challenge's publication time (a challenge never
 * published counts from now), its timetable, the stage and the moment.
 */
export function decisionDayContext(
	challenge: {
		publishedAt: Date | string | null;
		stages: readonly { stage: string; decisionOn?: Day | null }[];
	},
	stage: string,
	now: Date
): DecisionDayContext {
	return {
		challengeFrom: helsinkiDay(challenge.publishedAt ?? now),
		today: helsinkiDay(now),
		planned: challenge.stages.find((s) => s.stage === stage)?.decisionOn ?? null
	};
}

/** The window a decision's day must lie in: as a draft, or when it is published. */
export function decisionDayWindow(
	ctx: DecisionDayContext,
	publishing: boolean
): { earliest: Day; latest: Day } {
	const planned = ctx.planned && ctx.planned > ctx.today ? ctx.planned : ctx.today;
	return { earliest: ctx.challengeFrom, latest: publishing ? ctx.today : planned };
}

/**
 * Why `day` cannot date the decision, or null when it can. Days compare as text
 * (`YYYY-MM-DD`). Publishing accepts the timetable's planned day even when it is still to
 * come (the decision is then dated the day it is published); see the rule above.
 */
export function decisionDayIssue(
	day: Day,
	ctx: DecisionDayContext,
	publishing: boolean
): DecisionDayIssue | null {
	const { earliest, latest } = decisionDayWindow(ctx, publishing);
	if (day < earliest) return 'decision_day_before_challenge';
	if (day > latest && !(publishing && day === ctx.planned)) return 'decision_day_in_future';
	return null;
}

/** What is wrong with the decision form's day field: a message key and its dates. */
export type DecisionDayFieldError =
	| { key: (typeof DAY_ERRORS)[keyof typeof DAY_ERRORS] }
	| { key: 'decision_form_day_before'; earliest: Day }
	| { key: 'decision_form_day_after'; latest: Day };

/**
 * Reads the decision form's day as typed: blank (the timetable's day applies), `d.m.yyyy`
 * as every day field of the app (`16.12.2026`, finnish-datetime.ts) or `YYYY-MM-DD`.
 * Returns the day, or the field's error: not a date, a day the calendar lacks
 * (2026-02-31), or a day outside the draft's window (decisionDayWindow).
 */
export function readDecisionDay(
	text: string | undefined,
	ctx: DecisionDayContext
): { ok: true; day: Day | undefined } | { ok: false; error: DecisionDayFieldError } {
	if (!text?.trim()) return { ok: true, day: undefined };
	const reading = readFinnishDay(text);
	if (!reading.ok) return { ok: false, error: { key: DAY_ERRORS[reading.reason] } };
	const issue = decisionDayIssue(reading.day, ctx, false);
	if (!issue) return { ok: true, day: reading.day };
	const { earliest, latest } = decisionDayWindow(ctx, false);
	return {
		ok: false,
		error:
			issue === 'decision_day_before_challenge'
				? { key: 'decision_form_day_before', earliest }
				: { key: 'decision_form_day_after', latest }
	};
}
