import type { StageWindow } from './timetable';

/** Whether the timetable takes applications at `now` (the database decides for real). */
export function applicationsOpenAt(stages: StageWindow[], now: Date): boolean {
	const window = stages.find((s) => s.stage === 'applications');
	if (!window) return false;
	const t = now.getTime();
	return new Date(window.startsAt).getTime() <= t && t < new Date(window.endsAt).getTime();
}

export interface TimeLeft {
	days: number;
	hours: number;
	minutes: number;
}

/** Whole days, hours and minutes until the deadline; null once it has passed. */
export function timeLeft(deadline: Date | string, now: Date): TimeLeft | null {
	const ms = new Date(deadline).getTime() - now.getTime();
	if (ms <= 0) return null;
	const minutes = Math.floor(ms / 60_000);
	return {
		days: Math.floor(minutes / 1440),
		hours: Math.floor((minutes % 1440) / 60),
		minutes: minutes % 60
	};
}

/**
 * Where a challenge's application period stands at `now`, for the page's apply box
 * (issue 12): `before` it opens (with when it opens and closes), `open` (until when) or
 * `closed` (when it closed). Null when the timetable has no applications stage. Takes the
 * timetable and the page's clock; the database still decides every submission.
 */
export type ApplicationPeriod =
	| { phase: 'before'; opensAt: Date; closesAt: Date }
	| { phase: 'open'; closesAt: Date }
	| { phase: 'closed'; closedAt: Date };

export function applicationPeriod(
	stages: { stage: string; startsAt: Date | string; endsAt: Date | string }[],
	now: Date
): ApplicationPeriod | null {
	const window = stages.find((s) => s.stage === 'applications');
	if (!window) return null;
	const opensAt = new Date(window.startsAt);
	const closesAt = new Date(window.endsAt);
	if (now.getTime() < opensAt.getTime()) return { phase: 'before', opensAt, closesAt };
	if (now.getTime() < closesAt.getTime()) return { phase: 'open', closesAt };
	return { phase: 'closed', closedAt: closesAt };
}
