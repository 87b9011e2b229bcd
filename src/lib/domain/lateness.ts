/** A span of time in whole days, hours, minutes and seconds (zeros left out). */
export type DurationParts = Partial<Record<'days' | 'hours' | 'minutes' | 'seconds', number>>;

/**
 * How late something was, for people to read: whole seconds split into days, hours,
 * minutes and seconds, keeping only the two largest non-zero units ("1 day 3 hours",
 * "2 minutes 5 seconds"), as the owner's list of late attempts shows it. A span under a
 * second is one second: a refused attempt was late by some amount. Negative or
 * non-finite input reads as one second too.
 */
export function lateness(totalSeconds: number): DurationParts {
	const s = Number.isFinite(totalSeconds) ? Math.max(1, Math.floor(totalSeconds)) : 1;
	const units: [keyof DurationParts, number][] = [
		['days', Math.floor(s / 86_400)],
		['hours', Math.floor((s % 86_400) / 3600)],
		['minutes', Math.floor((s % 3600) / 60)],
		['seconds', s % 60]
	];
	const first = units.findIndex(([, n]) => n > 0);
	return Object.fromEntries(
		units.slice(first, first + 2).filter(([, n]) => n > 0)
	) as DurationParts;
}
