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
