import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHelsinkiLocal, toHelsinkiLocal } from './helsinki-time';

describe('Helsinki wall-clock time', () => {
	it('is UTC+2 in winter and UTC+3 in summer', () => {
		expect(fromHelsinkiLocal('2026-01-15T12:00')?.toISOString()).toBe('2026-01-15T10:00:00.000Z');
		expect(fromHelsinkiLocal('2026-07-15T12:00')?.toISOString()).toBe('2026-07-15T09:00:00.000Z');
		expect(fromHelsinkiLocal('2026-03-01')?.toISOString()).toBe('2026-02-28T22:00:00.000Z');
	});

	it('refuses malformed and impossible times, including the hour skipped in spring', () => {
		for (const bad of [
			'',
			'2026-13-01',
			'2026-02-30T10:00',
			'2026-01-01T24:00',
			'tomorrow',
			'2026-03-29T03:30'
		]) {
			expect(fromHelsinkiLocal(bad), bad).toBeNull();
		}
	});

	it('shows an instant as Helsinki time', () => {
		expect(toHelsinkiLocal(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25T03:30');
		expect(toHelsinkiLocal(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25T03:30');
	});

	it('round-trips every whole minute (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: Date.UTC(2020, 0, 1) / 60000, max: Date.UTC(2035, 0, 1) / 60000 }),
				(minutes) => {
					const local = toHelsinkiLocal(new Date(minutes * 60000));
					const back = fromHelsinkiLocal(local);
					expect(back).not.toBeNull();
					expect(toHelsinkiLocal(back!)).toBe(local);
				}
			)
		);
	});
});
