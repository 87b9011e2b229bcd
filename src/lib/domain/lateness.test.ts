import { describe, expect, it } from 'vitest';
import { lateness } from './lateness';

describe('lateness', () => {
	it('keeps the two largest units', () => {
		expect(lateness(5)).toEqual({ seconds: 5 });
		expect(lateness(125)).toEqual({ minutes: 2, seconds: 5 });
		expect(lateness(90 * 60 + 7)).toEqual({ hours: 1, minutes: 30 });
		expect(lateness(86_400 * 2 + 3600 * 3 + 59)).toEqual({ days: 2, hours: 3 });
	});

	it('leaves out a zero unit after the largest', () => {
		expect(lateness(86_400 + 30)).toEqual({ days: 1 });
		expect(lateness(3600)).toEqual({ hours: 1 });
	});

	it('a refused attempt was late by at least a second', () => {
		expect(lateness(0.2)).toEqual({ seconds: 1 });
		expect(lateness(-3)).toEqual({ seconds: 1 });
		expect(lateness(Number.NaN)).toEqual({ seconds: 1 });
	});
});
