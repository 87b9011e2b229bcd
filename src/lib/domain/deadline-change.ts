/**
 * The rule for moving a submission deadline of a published challenge (issue 10, item 23;
 * Act on Public Procurement 1397/2016 §55 ff.: tenderers must have reasonable time, and
 * every change is told to all of them, equally).
 *
 * A submission deadline is the end of a stage by which teams hand in what is then sealed
 * (SUBMISSION_DEADLINE_STAGES). Each is judged on its own:
 *
 * - unchanged: same moment (or still none);
 * - extended: later than before, while the deadline is still ahead (allowed, with a reason);
 * - shortened: earlier, but at least `minNoticeDays` × 24 h after now;
 * - set: a first deadline, as far ahead as a shortened one;
 * - removed / too_soon: refused;
 * - passed: refused — the deadline has already passed (by the clock at `now`), so the
 *   submissions made by it have been opened to the owner's side; moving it later would
 *   reopen a stage whose sealed submissions are known, moving it earlier would make
 *   submissions late after the fact. A passed deadline stays as it is; attempts after it
 *   are kept as late attempts (public.late_submission_attempts), not let in.
 *
 * The same rule is `private.deadline_change`, applied to the same stages by
 * `public.amend_challenge` (supabase/migrations/20261208000100_submission_deadlines.sql);
 * the parity test (tests/integration/deadline-parity.test.ts) feeds both the same cases.
 */
import { juryItemTerm } from './jury/item-kind';
import type { Procedure } from './procedure';

export type DeadlineChange =
	'unchanged' | 'extended' | 'shortened' | 'set' | 'removed' | 'too_soon' | 'passed';

/** The refused kinds of change. */
export type RefusedDeadlineChange = 'removed' | 'too_soon' | 'passed';

/**
 * The stages whose end is a deadline for teams' submissions, sealed until it:
 * 'applications' (public.submit_application refuses after it; submitted applications are
 * sealed until it) and 'concepts' (the final tenders' deadline, private.concepts_deadline;
 * final tenders are sealed until it, private.final_tenders_unsealed). The other stages end
 * in the owner's or the jury's work, not in the teams' submissions. The database's list is
 * `private.submission_deadline_stages()`.
 */
export const SUBMISSION_DEADLINE_STAGES = ['applications', 'concepts'] as const;
export type SubmissionDeadlineStage = (typeof SUBMISSION_DEADLINE_STAGES)[number];

/** Whether a stage's end is a submission deadline (SUBMISSION_DEADLINE_STAGES). */
export const isSubmissionDeadlineStage = (stage: string): stage is SubmissionDeadlineStage =>
	(SUBMISSION_DEADLINE_STAGES as readonly string[]).includes(stage);

/** How far ahead a deadline must be when it is shortened, unless the challenge says otherwise. */
export const DEFAULT_DEADLINE_NOTICE_DAYS = 7;

const HOUR = 3_600_000;

/** The earliest moment a deadline may be shortened to at `now`. */
export function earliestShortenedDeadline(now: Date, minNoticeDays: number): Date {
	return new Date(now.getTime() + minNoticeDays * 24 * HOUR);
}

/**
 * Classifies a change from `previous` to `next` (null: no deadline) made at `now`. A
 * deadline at `now` or before has passed (as the database seals: `ends_at <= now()`).
 */
export function classifyDeadlineChange(
	previous: Date | null,
	next: Date | null,
	now: Date,
	minNoticeDays: number
): DeadlineChange {
	const p = previous?.getTime() ?? null;
	const n = next?.getTime() ?? null;
	if (p === n) return 'unchanged';
	if (n === null) return 'removed';
	if (p !== null && p <= now.getTime()) return 'passed';
	if (p !== null && n > p) return 'extended';
	if (n >= earliestShortenedDeadline(now, minNoticeDays).getTime())
		return p === null ? 'set' : 'shortened';
	return 'too_soon';
}

/** Whether a classified change may be made (with a reason). */
export function deadlineChangeAllowed(change: DeadlineChange): boolean {
	return change !== 'removed' && change !== 'too_soon' && change !== 'passed';
}

/** One submission deadline's verdict in a timetable change. */
export interface DeadlineVerdict {
	stage: SubmissionDeadlineStage;
	previous: Date | null;
	next: Date | null;
	change: DeadlineChange;
}

/**
 * Judges every submission deadline of a timetable change: for each stage of
 * SUBMISSION_DEADLINE_STAGES, its end before (`previous`) and after (`next`) the change
 * (a stage missing from a list has no deadline there). Returns the verdicts in that order;
 * the change may be saved only if every one is allowed (deadlineChangeAllowed).
 */
export function judgeSubmissionDeadlines(
	previous: readonly { stage: string; endsAt: Date }[],
	next: readonly { stage: string; endsAt: Date }[],
	now: Date,
	minNoticeDays: number
): DeadlineVerdict[] {
	const end = (list: typeof previous, stage: string) =>
		list.find((w) => w.stage === stage)?.endsAt ?? null;
	return SUBMISSION_DEADLINE_STAGES.map((stage) => {
		const p = end(previous, stage);
		const n = end(next, stage);
		return {
			stage,
			previous: p,
			next: n,
			change: classifyDeadlineChange(p, n, now, minNoticeDays)
		};
	});
}

const APPLICATIONS_REFUSALS: Record<RefusedDeadlineChange, string> = {
	removed: 'procurement_error_deadline_removed',
	too_soon: 'procurement_error_deadline_too_soon',
	passed: 'deadlines_error_applications_passed'
};

/** The message keys (fi/sv/en) that speak of the concepts stage's deadline. */
export interface ConceptsDeadlineWords {
	/** The rule of moving deadlines after publishing (plural on the notice days, `count`). */
	rule: string;
	/** Why a change of the deadline is refused, by the change. */
	refused: Record<RefusedDeadlineChange, string>;
	/** Said as the owner types a shortened deadline. */
	shorteningLive: string;
	/** The question before a shortened deadline is saved ({conceptsBefore}, {conceptsAfter}). */
	warning: string;
	/** The publish check's words for a deadline too soon (plural on `count`). */
	publishSoon: string;
}

const FINAL_TENDERS_DEADLINE: ConceptsDeadlineWords = {
	rule: 'deadlines_rule',
	refused: {
		removed: 'deadlines_error_concepts_removed',
		too_soon: 'deadlines_error_concepts_too_soon',
		passed: 'deadlines_error_concepts_passed'
	},
	shorteningLive: 'deadlines_concepts_shortening_live',
	warning: 'deadlines_concepts_warning',
	publishSoon: 'publish_deadline_concepts_soon'
};

const CONCEPTS_DEADLINE: ConceptsDeadlineWords = {
	rule: 'deadlines_oc_rule',
	refused: {
		removed: 'deadlines_oc_error_concepts_removed',
		too_soon: 'deadlines_oc_error_concepts_too_soon',
		passed: 'deadlines_oc_error_concepts_passed'
	},
	shorteningLive: 'deadlines_oc_concepts_shortening_live',
	warning: 'deadlines_oc_concepts_warning',
	publishSoon: 'publish_oc_deadline_concepts_soon'
};

/**
 * The message keys for the concepts stage's deadline in a challenge of `procedure`: an
 * innovation partnership's teams hand in final tenders by it (Act 1397/2016 §38–39), an
 * open challenge's teams hand in concepts and no tenders — the rule of juryItemTerm at
 * selection, which the concept pages' submissionWords follows too.
 */
export const conceptsDeadlineWords = (procedure: Procedure): ConceptsDeadlineWords =>
	juryItemTerm(procedure, 'selection') === 'final_tender'
		? FINAL_TENDERS_DEADLINE
		: CONCEPTS_DEADLINE;

/**
 * The message key (fi/sv/en) saying why a refused change of `stage`'s deadline is refused,
 * in the words of the challenge's `procedure` (conceptsDeadlineWords).
 */
export const deadlineRefusalKey = (
	stage: SubmissionDeadlineStage,
	change: RefusedDeadlineChange,
	procedure: Procedure
): string =>
	stage === 'applications'
		? APPLICATIONS_REFUSALS[change]
		: conceptsDeadlineWords(procedure).refused[change];
