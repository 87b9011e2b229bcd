import { describe, expect, it } from 'vitest';
import { applicationPeriod, applicationsOpenAt, timeLeft } from './application-window';

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

describe('applicationPeriod', () => {
	const stages = [
		{ stage: 'market_dialogue', startsAt: '2026-11-01T10:00:00Z', endsAt: '2026-12-01T10:00:00Z' },
		{ stage: 'applications', startsAt: '2026-12-01T10:00:00Z', endsAt: '2026-12-25T14:00:00Z' }
	];
	it('says when applications open before they do, then until when, then that they closed', () => {
		expect(applicationPeriod(stages, at('2026-12-01T09:59:59Z'))).toEqual({
			phase: 'before',
			opensAt: at('2026-12-01T10:00:00Z'),
			closesAt: at('2026-12-25T14:00:00Z')
		});
		expect(applicationPeriod(stages, at('2026-12-01T10:00:00Z'))).toEqual({
			phase: 'open',
			closesAt: at('2026-12-25T14:00:00Z')
		});
		expect(applicationPeriod(stages, at('2026-12-25T14:00:00Z'))).toEqual({
			phase: 'closed',
			closedAt: at('2026-12-25T14:00:00Z')
		});
	});
	it('is null without an applications stage', () => {
		expect(applicationPeriod(stages.slice(0, 1), at('2026-12-01T10:00:00Z'))).toBeNull();
	});
});
