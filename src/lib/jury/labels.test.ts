import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '$lib/domain/locale';
import { PROCEDURES } from '$lib/domain/procedure';
import { juryItemWords, selectionPriceWords } from './labels';

// An outside tester's report: an open challenge's jury page spoke of "lopulliset
// tarjoukset". Final tenders belong to an innovation partnership; an open challenge's
// selection scores concepts.
const TENDER: Record<Locale, RegExp> = { fi: /tarjou/i, sv: /anbud/i, en: /tender/i };
const CONCEPT: Record<Locale, RegExp> = { fi: /konsept/i, sv: /koncept/i, en: /concept/i };

/** Every word of the selection's items and prices in a challenge of `procedure`. */
function selectionWords(procedure: (typeof PROCEDURES)[number], locale: Locale): string[] {
	const words = juryItemWords(procedure, 'selection');
	const price = selectionPriceWords(procedure);
	const options = { locale };
	return [
		words.heading({}, options),
		words.frozen({ time: '1.2.2027 klo 12.00' }, options),
		words.conflictsFirst({}, options),
		price.column({}, options),
		price.missing({}, options),
		price.unpriced({ teams: 'A' }, options)
	];
}

describe('juryItemWords', () => {
	it.each(LOCALES)(
		'words an open challenge’s selection by its concepts, never tenders (%s)',
		(locale) => {
			for (const text of selectionWords('open_challenge', locale)) {
				expect(text).not.toMatch(TENDER[locale]);
				expect(text).toMatch(CONCEPT[locale]);
			}
			const none = juryItemWords('open_challenge', 'selection').noItems({}, { locale });
			expect(none).not.toMatch(TENDER[locale]);
		}
	);

	it.each(LOCALES)('words a partnership’s selection by its final tenders (%s)', (locale) => {
		for (const text of selectionWords('innovation_partnership', locale))
			expect(text).toMatch(TENDER[locale]);
		// Its deadline is the final tenders' (the stage's name there), not the concepts'.
		const none = juryItemWords('innovation_partnership', 'selection').noItems({}, { locale });
		expect(none).toMatch(TENDER[locale]);
		expect(none).not.toMatch(CONCEPT[locale]);
	});

	it('words the shortlisting’s applications alike in either procedure', () => {
		expect(juryItemWords('open_challenge', 'shortlisting')).toBe(
			juryItemWords('innovation_partnership', 'shortlisting')
		);
		for (const locale of LOCALES)
			expect(juryItemWords('open_challenge', 'shortlisting').heading({}, { locale })).not.toMatch(
				TENDER[locale]
			);
	});

	it('reproduces the report: the Finnish open challenge has no "lopulliset tarjoukset"', () => {
		const words = juryItemWords('open_challenge', 'selection');
		expect(words.heading({}, { locale: 'fi' })).toBe('Konsepti sellaisena kuin se jätettiin');
		expect(words.conflictsFirst({}, { locale: 'fi' })).not.toMatch(/lopulli/i);
	});
});
