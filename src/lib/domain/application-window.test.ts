import { describe, expect, it } from 'vitest';
import { applicationsOpenAt, timeLeft } from './application-window';

const at = (s: string) => new Date(s);

describe('applicationsOpenAt', () => {
	const stages = [
		{
			stage: 'applications' as const,
			startsAt: at('2026-01-01T10:00:00Z'),
			endsAt: at('2026-02-01T10:00:00Z')
		}
	];
	it('is open from the start up to, not including, the deadline', () => {
		expect(applicationsOpenAt(stages, at('2026-01-01T09:59:59Z'))).toBe(false);
		expect(applicationsOpenAt(stages, at('2026-01-01T10:00:00Z'))).toBe(true);
		expect(applicationsOpenAt(stages, at('2026-02-01T09:59:59Z'))).toBe(true);
		expect(applicationsOpenAt(stages, at('2026-02-01T10:00:00Z'))).toBe(false);
	});
	it('is closed without an applications stage', () => {
		expect(applicationsOpenAt([], at('2026-01-15T00:00:00Z'))).toBe(false);
	});
});

describe('timeLeft', () => {
	it('counts whole days, hours and minutes', () => {
		expect(timeLeft('2026-01-03T12:30:59Z', at('2026-01-01T10:00:00Z'))).toEqual({
			days: 2,
			hours: 2,
			minutes: 30
		});
	});
	it('is null once the deadline has passed', () => {
		expect(timeLeft('2026-01-01T10:00:00Z', at('2026-01-01T10:00:00Z'))).toBeNull();
	});
});
