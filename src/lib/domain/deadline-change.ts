/**
 * The rule for moving the applications deadline of a published challenge (issue 10,
 * item 23; Act on Public Procurement 1397/2016 §55 ff.: bidders must have reasonable
 * time, and every change is told to all of them).
 *
 * - unchanged: same moment (or still none);
 * - extended: later than before (always allowed, with a reason);
 * - shortened: earlier, but at least `minNoticeDays` × 24 h after now;
 * - set: a first deadline, as far ahead as a shortened one;
 * - removed / too_soon: refused.
 *
 * The same rule is `private.deadline_change` in
 * supabase/migrations/20261130000400_procurement_rules.sql; the parity test
 * (tests/integration/deadline-parity.test.ts) feeds both the same cases.
 */
export type DeadlineChange =
	'unchanged' | 'extended' | 'shortened' | 'set' | 'removed' | 'too_soon';

/** How far ahead a deadline must be when it is shortened, unless the challenge says otherwise. */
export const DEFAULT_DEADLINE_NOTICE_DAYS = 7;

const HOUR = 3_600_000;

/** The earliest moment a deadline may be shortened to at `now`. */
export function earliestShortenedDeadline(now: Date, minNoticeDays: number): Date {
	return new Date(now.getTime() + minNoticeDays * 24 * HOUR);
}

/** Classifies a change from `previous` to `next` (null: no deadline) made at `now`. */
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
	if (p !== null && n > p) return 'extended';
	if (n >= earliestShortenedDeadline(now, minNoticeDays).getTime())
		return p === null ? 'set' : 'shortened';
	return 'too_soon';
}

/** Whether a classified change may be made (with a reason). */
export function deadlineChangeAllowed(change: DeadlineChange): boolean {
	return change !== 'removed' && change !== 'too_soon';
}
