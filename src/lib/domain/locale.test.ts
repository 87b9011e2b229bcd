import { describe, expect, it } from 'vitest';
import { isLocale, pickLocalized } from './locale';

describe('pickLocalized', () => {
	const text = { fi: 'Lumiongelma', en: 'Snow Problem' };

	it('gives the wanted language when there is text in it', () => {
		expect(pickLocalized(text, 'en', 'fi')).toEqual({
			text: 'Snow Problem',
			lang: 'en',
			fallback: false
		});
	});

	it('falls back to the primary language and says so', () => {
		expect(pickLocalized(text, 'sv', 'fi')).toEqual({
			text: 'Lumiongelma',
			lang: 'fi',
			fallback: true
		});
	});

	it('skips blank translations and falls back to any language', () => {
		expect(pickLocalized({ sv: '  ', en: 'Only English' }, 'sv', 'fi')).toEqual({
			text: 'Only English',
			lang: 'en',
			fallback: true
		});
		expect(pickLocalized({}, 'fi', 'fi')).toEqual({ text: '', lang: 'fi', fallback: false });
	});
});

describe('isLocale', () => {
	it('accepts only fi, sv and en', () => {
		expect(['fi', 'sv', 'en'].every(isLocale)).toBe(true);
		expect(['de', 'FI', '', null, 1].some(isLocale)).toBe(false);
	});
});
