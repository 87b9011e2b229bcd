import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	classifyDeadlineChange,
	deadlineChangeAllowed,
	earliestShortenedDeadline
} from './deadline-change';

const now = new Date('2026-11-30T10:00:00Z');
const dec2 = new Date('2026-12-02T14:00:00Z');

describe('classifyDeadlineChange', () => {
	it('refuses the Helsinki case: 2 December shortened to in two minutes', () => {
		const inTwoMinutes = new Date(now.getTime() + 2 * 60_000);
		expect(classifyDeadlineChange(dec2, inTwoMinutes, now, 7)).toBe('too_soon');
	});
	it('allows extending, and shortening to at least the minimum ahead', () => {
		const far = new Date('2027-02-01T14:00:00Z');
		expect(classifyDeadlineChange(dec2, far, now, 7)).toBe('extended');
		expect(classifyDeadlineChange(far, earliestShortenedDeadline(now, 7), now, 7)).toBe(
			'shortened'
		);
		expect(
			classifyDeadlineChange(far, new Date(earliestShortenedDeadline(now, 7).getTime() - 1), now, 7)
		).toBe('too_soon');
	});
	it('knows unchanged, removed and a first deadline', () => {
		expect(classifyDeadlineChange(dec2, new Date(dec2), now, 7)).toBe('unchanged');
		expect(classifyDeadlineChange(null, null, now, 7)).toBe('unchanged');
		expect(classifyDeadlineChange(dec2, null, now, 7)).toBe('removed');
		expect(classifyDeadlineChange(null, new Date('2027-01-01T00:00:00Z'), now, 7)).toBe('set');
		expect(classifyDeadlineChange(null, dec2, now, 7)).toBe('too_soon');
	});
});

const date = fc.date({
	min: new Date('2020-01-01T00:00:00Z'),
	max: new Date('2030-01-01T00:00:00Z'),
	noInvalidDate: true
});

describe('classifyDeadlineChange (properties)', () => {
	it('an allowed change never ends earlier than the minimum ahead, unless it extends', () => {
		fc.assert(
			fc.property(
				fc.option(date),
				fc.option(date),
				date,
				fc.integer({ min: 1, max: 60 }),
				(p, n, at, days) => {
					const change = classifyDeadlineChange(p, n, at, days);
					if (deadlineChangeAllowed(change) && change !== 'unchanged' && change !== 'extended') {
						expect(n!.getTime()).toBeGreaterThanOrEqual(at.getTime() + days * 86_400_000);
					}
					if (change === 'extended') expect(n!.getTime()).toBeGreaterThan(p!.getTime());
				}
			)
		);
	});
	it('extending is always allowed, and a longer minimum never allows more', () => {
		fc.assert(
			fc.property(
				date,
				fc.integer({ min: 1, max: 1e9 }),
				date,
				fc.integer({ min: 1, max: 59 }),
				(p, ms, at, days) => {
					expect(classifyDeadlineChange(p, new Date(p.getTime() + ms), at, days)).toBe('extended');
					const next = new Date(p.getTime() - ms);
					if (!deadlineChangeAllowed(classifyDeadlineChange(p, next, at, days)))
						expect(deadlineChangeAllowed(classifyDeadlineChange(p, next, at, days + 1))).toBe(
							false
						);
				}
			)
		);
	});
});
