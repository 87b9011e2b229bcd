import { describe, expect, it } from 'vitest';
import { formatMonth, formatPeriod } from './month-format';

describe('formatMonth', () => {
	it('names the month in the reader’s language, whatever the server’s zone', () => {
		expect(formatMonth('2024-03', 'en')).toBe('March 2024');
		expect(formatMonth('2024-01', 'fi')).toMatch(/tammikuu.*2024/);
		expect(formatMonth('2024-12', 'sv')).toMatch(/december 2024/);
	});

	it('shows anything that is not a month as it is', () => {
		expect(formatMonth('2024-3', 'en')).toBe('2024-3');
		expect(formatMonth('', 'en')).toBe('');
	});
});

describe('formatPeriod', () => {
	it('joins the start and end, or says the work goes on', () => {
		expect(formatPeriod('2023-05', '2024-02', 'en', 'ongoing')).toBe('May 2023 – February 2024');
		expect(formatPeriod('2023-05', null, 'en', 'ongoing')).toBe('May 2023 – ongoing');
	});
});
