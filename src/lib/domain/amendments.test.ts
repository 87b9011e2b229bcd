import { describe, expect, it } from 'vitest';
import { canonical, diffFields } from './amendments';

describe('amendment diff', () => {
	it('lists only the fields that changed, in a stable order', () => {
		const before = {
			title: { fi: 'Lumiongelma', en: 'Snow Problem' },
			idea_count: 3,
			body: { en: 'a' }
		};
		const after = {
			title: { en: 'Snow Problem', fi: 'Lumiongelma' },
			idea_count: 4,
			body: { en: 'b' }
		};
		expect(diffFields(before, after)).toEqual([
			{ field: 'body', before: { en: 'a' }, after: { en: 'b' } },
			{ field: 'idea_count', before: 3, after: 4 }
		]);
	});

	it('treats a missing field as null, and equal dates as equal', () => {
		expect(diffFields({ a: null }, {})).toEqual([]);
		expect(
			diffFields({ at: new Date('2026-01-01T00:00:00Z') }, { at: new Date('2026-01-01T00:00:00Z') })
		).toEqual([]);
		expect(diffFields({}, { reward: '10 000 €' })).toEqual([
			{ field: 'reward', before: null, after: '10 000 €' }
		]);
	});

	it('canonical form ignores key order but not array order', () => {
		expect(canonical({ b: 1, a: [1, 2] })).toBe(canonical({ a: [1, 2], b: 1 }));
		expect(canonical({ a: [1, 2] })).not.toBe(canonical({ a: [2, 1] }));
	});
});
