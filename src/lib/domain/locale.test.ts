import { describe, expect, it } from 'vitest';
import { isLocale, pickLocalized, textFor } from './locale';

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

describe('textFor: the one rule for text in another language (issue 12)', () => {
	it("marks text only when it is not in the page's language", () => {
		const names = { fi: 'Helsingin kaupunki', sv: 'Helsingfors stad', en: 'City of Helsinki' };
		expect(textFor(names, 'sv', 'fi')).toEqual({
			text: 'Helsingfors stad',
			lang: 'sv',
			attr: undefined
		});
		expect(textFor({ en: 'Aalto University' }, 'fi', 'en')).toEqual({
			text: 'Aalto University',
			lang: 'en',
			attr: 'en'
		});
	});

	it('takes one string as written in the primary language', () => {
		expect(textFor('Head of Employment Services', 'fi', 'en').attr).toBe('en');
		expect(textFor('Työllisyyspalvelujen päällikkö', 'fi', 'fi').attr).toBeUndefined();
		expect(textFor(null, 'fi', 'en')).toEqual({ text: '', lang: 'en', attr: 'en' });
	});
});
