/**
 * A juror's scores (issue 13, "Jury and decisions"): the shapes every other jury module
 * shares and the validation of one juror's scorecard for one item.
 *
 * Points are kept as numbers on the criteria's scale (Helsinki: 0–30 on the first
 * criterion) but every comparison and sum is done in whole hundredths of a point, so that
 * 0.1 + 0.2 never decides whether a score is on the step or who ranks first.
 */
import type { Criterion } from '$lib/domain/criteria';
import type { EvaluatedStage } from '$lib/domain/stages';
import { isBlank } from '$lib/domain/text';

/** A juror (a user id in the database; any string that identifies one juror here). */
export type JurorId = string;
/** What the jury scores: an application at shortlisting, a final tender at selection. */
export type ItemId = string;

/**
 * One juror's points for one item, one number per criterion in the order of
 * `stageCriteria` (points on each criterion's own scale, already validated).
 */
export interface Scorecard {
	juror: JurorId;
	item: ItemId;
	points: readonly number[];
}

/** The score step a juror enters unless the challenge sets another: half points. */
export const DEFAULT_SCORE_STEP = 0.5;
/** Longest justification kept for one criterion (characters, after trimming). */
export const MAX_JUSTIFICATION_LENGTH = 4000;

/**
 * The criteria one evaluated stage is scored on, in the order the challenge lists them
 * (criteria.ts keeps both stages in one list). Scorecards index points by this order.
 */
export function stageCriteria(
	criteria: readonly Criterion[],
	stage: EvaluatedStage
): readonly Criterion[] {
	return criteria.filter((c) => c.stage === stage);
}

/** The most quality points one juror can give an item: the criteria's maxPoints added up. */
export function maxQualityPoints(criteria: readonly Criterion[]): number {
	return criteria.reduce((sum, c) => sum + c.maxPoints, 0);
}

/**
 * `points` in whole hundredths of a point (7.5 → 750), or null when it is not finite or
 * not a whole number of hundredths (7.501). Floating point noise below a millionth of a
 * point is forgiven (0.1 + 0.2 → 30).
 */
export function toHundredths(points: number): number | null {
	if (!Number.isFinite(points)) return null;
	const h = Math.round(points * 100);
	return Math.abs(h - points * 100) < 1e-6 ? h : null;
}

/** The largest score step a stage may have (points), as public.jury_configure holds it. */
export const MAX_SCORE_STEP = 1000;

/** Why a score step cannot be a stage's: no step at all, or one a criterion's maximum is not a multiple of. */
export type StepIssue = { code: 'bad_step' } | { code: 'step_not_divisor'; index: number };

/**
 * Checks a stage's score step against the maximum points of the stage's criteria (in the
 * stage's order). Refuses a step that is not a positive whole number of hundredths of at
 * most MAX_SCORE_STEP ('bad_step'), and one that does not divide every criterion's
 * maximum ('step_not_divisor', with the first such criterion's index): with step 3 and a
 * 10-point criterion the maximum cannot be given, with 1000 nothing but 0. Compared in
 * whole hundredths, as validateScore does. private.jury_step_problem is the same rule in
 * SQL (tests/integration/rule-parity-jury.test.ts holds them together).
 */
export function scoreStepIssue(
	step: number | null,
	maxPoints: readonly number[]
): StepIssue | null {
	const stepH = step === null ? null : toHundredths(step);
	if (stepH === null || stepH <= 0 || stepH > MAX_SCORE_STEP * 100) return { code: 'bad_step' };
	const index = maxPoints.findIndex((max) => (toHundredths(max) ?? Number.NaN) % stepH !== 0);
	return index < 0 ? null : { code: 'step_not_divisor', index };
}

export type ScoreIssueCode =
	| 'score_missing'
	| 'score_negative'
	| 'score_above_max'
	| 'score_off_step'
	| 'justification_missing'
	| 'justification_too_long';

/** What a juror entered for one criterion (`points` null when the field was left empty). */
export interface ScoreInput {
	points: number | null;
	justification: string;
}

/**
 * Checks one criterion's score: takes the points a juror gave (on the criterion's scale),
 * the criterion's maxPoints and the step (default DEFAULT_SCORE_STEP, in points; must be a
 * positive whole number of hundredths). Returns the issues, empty when the score stands:
 * points missing or not finite, below 0, above maxPoints, not a multiple of the step (in
 * whole hundredths, so 7.5 is on a 0.5 step and 7.3 is not), and a justification that is
 * blank after trimming or longer than MAX_JUSTIFICATION_LENGTH. Every score is justified
 * because a selection decision must give its reasons (Act 1397/2016 §123) and the jury's
 * reasons are what an appeal reads. Codes map to fi/sv/en messages in the UI.
 * Throws RangeError for a step that is not a positive whole number of hundredths.
 */
export function validateScore(
	input: ScoreInput,
	maxPoints: number,
	step: number = DEFAULT_SCORE_STEP
): ScoreIssueCode[] {
	const stepH = toHundredths(step);
	if (stepH === null || stepH <= 0) throw new RangeError(`bad score step ${step}`);
	const issues: ScoreIssueCode[] = [];
	const { points } = input;
	if (points === null || !Number.isFinite(points)) issues.push('score_missing');
	else if (points < 0) issues.push('score_negative');
	else if (points > maxPoints) issues.push('score_above_max');
	else {
		const h = toHundredths(points);
		if (h === null || h % stepH !== 0) issues.push('score_off_step');
	}
	const justification = input.justification.trim();
	if (isBlank(justification)) issues.push('justification_missing');
	else if (justification.length > MAX_JUSTIFICATION_LENGTH) issues.push('justification_too_long');
	return issues;
}

export type ScorecardIssue =
	{ index: number; code: ScoreIssueCode } | { code: 'criteria_count_mismatch' };

/** A scorecard that passed validateScorecard: points and trimmed justifications. */
export interface ValidScorecard {
	points: number[];
	justifications: string[];
}

/**
 * Checks a juror's whole scorecard for one item: one ScoreInput per criterion of the
 * stage (`criteria` as stageCriteria returns them, same order). Returns the valid
 * scorecard, points rounded to whole hundredths and justifications trimmed, or every issue
 * with the index of its criterion; a scorecard with a score too few or too many is
 * refused as a whole ('criteria_count_mismatch'), since a partial score cannot be added up.
 */
export function validateScorecard(
	criteria: readonly Criterion[],
	inputs: readonly ScoreInput[],
	step: number = DEFAULT_SCORE_STEP
): { ok: true; value: ValidScorecard } | { ok: false; issues: ScorecardIssue[] } {
	if (inputs.length !== criteria.length) {
		return { ok: false, issues: [{ code: 'criteria_count_mismatch' }] };
	}
	const issues: ScorecardIssue[] = [];
	inputs.forEach((input, index) => {
		for (const code of validateScore(input, criteria[index].maxPoints, step)) {
			issues.push({ index, code });
		}
	});
	if (issues.length) return { ok: false, issues };
	return {
		ok: true,
		value: {
			points: inputs.map((i) => (toHundredths(i.points as number) as number) / 100),
			justifications: inputs.map((i) => i.justification.trim())
		}
	};
}

/**
 * `points` in whole hundredths; throws RangeError for anything that validateScore would
 * have refused as not a number of hundredths. For the modules that add scores up.
 */
export function hundredthsOrThrow(points: number): number {
	const h = toHundredths(points);
	if (h === null) throw new RangeError(`points ${points} are not whole hundredths`);
	return h;
}

/** Orders ids by UTF-16 code units, the same in every locale and runtime. */
export function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
