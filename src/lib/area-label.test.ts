import { describe, expect, it } from 'vitest';
import { areaLang } from './area-label';

describe('areaLang', () => {
	const areas = ['service_design', 'Machine learning'];
	it('marks an own area matching the challenge’s with its primary language', () => {
		expect(areaLang('machine  LEARNING', areas, 'en', 'fi')).toBe('en');
	});
	it('marks nothing in the page’s own language, for known areas, or for unknown words', () => {
		expect(areaLang('Machine learning', areas, 'fi', 'fi')).toBeUndefined();
		expect(areaLang('service_design', areas, 'en', 'fi')).toBeUndefined();
		expect(areaLang('Koneoppiminen', areas, 'en', 'fi')).toBeUndefined();
	});
});
