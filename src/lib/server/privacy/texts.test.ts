import { describe, expect, it } from 'vitest';
import { archiveNames } from '$lib/domain/data-export';
import { categoriesInUse } from '$lib/domain/personal-data';
import { categoryTexts, readme } from './texts';
import { retentionMonths } from './notice';

describe('the notice’s and the archive’s words', () => {
	for (const locale of ['fi', 'sv', 'en'] as const) {
		it(`every category of the map has all its words in ${locale}`, () => {
			const texts = categoryTexts(locale);
			expect(texts.map((t) => t.category)).toEqual(categoriesInUse());
			for (const t of texts)
				for (const part of [t.name, t.what, t.purpose, t.basis, t.retention]) {
					expect(part).not.toMatch(/^privacy_cat_/);
					expect(part).not.toContain('{');
				}
		});

		it(`the README names the person and every file in ${locale}`, () => {
			const text = readme('pia@example.fi', new Date('2026-07-01T09:00:00Z'), locale);
			expect(text).toContain('pia@example.fi');
			expect(text).toContain('2026-07-01T12:00:00+03:00');
			for (const name of archiveNames().slice(1)) expect(text).toContain(`- ${name}: `);
			expect(text).toContain('- files/: ');
			expect(text).toMatch(/\/privacy\n$/);
		});
	}

	it('states the configured retention months (24 by default)', () => {
		const { applications, audit } = retentionMonths();
		const en = categoryTexts('en');
		expect(en.find((t) => t.category === 'applications')?.retention).toContain(
			`${applications} months`
		);
		expect(en.find((t) => t.category === 'security')?.retention).toContain(`${audit} months`);
	});

	it('counts the months with each language’s plural forms', async () => {
		const { translate } = await import('../i18n');
		expect(translate('privacy_cat_security_retention', { months: 1 }, 'en')).toMatch(/^1 month,/);
		expect(translate('privacy_cat_security_retention', { months: 1 }, 'sv')).toMatch(/^1 månad,/);
		expect(translate('privacy_cat_security_retention', { months: 1 }, 'fi')).toMatch(
			/^1 kuukausi,/
		);
		expect(translate('privacy_cat_security_retention', { months: 24 }, 'fi')).toMatch(
			/^24 kuukautta,/
		);
	});
});
