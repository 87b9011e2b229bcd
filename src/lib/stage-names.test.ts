import { describe, expect, it } from 'vitest';
import { stageLabelAny } from '$lib/i18n-names';
import { loadMessages } from '$lib/messages.testing';
import { LOCALES, type Locale } from '$lib/domain/locale';
import { PROCEDURES } from '$lib/domain/procedure';
import { DECISION_STAGES, PROCEDURE_STAGES, STAGES, stageNameKey } from '$lib/domain/stages';

// Issue 16: one name for each stage, everywhere. The stage keys (stage_…, stage_ip_… for
// the stages an innovation partnership names its own way) hold the names; every page,
// mail, document and log entry names a stage through stageLabelAny, and no other message
// holds a stage's name of its own.

const messages = Object.fromEntries(LOCALES.map((l) => [l, loadMessages(l)])) as Record<
	Locale,
	Record<string, unknown>
>;
/** Every message of `locale` but the stage names, as its words (plural variants joined). */
const others = (locale: Locale) =>
	Object.entries(messages[locale])
		.filter(([key]) => !key.startsWith('stage_'))
		.map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]);

/**
 * The names the jury, chair, audit and decision pages used to give the stages of their own
 * (issue 16), with the inflected forms their sentences used: none may come back.
 */
const RETIRED: Record<Locale, string[]> = {
	fi: [
		'jatkoon valinta',
		'jatkoon valinn',
		'neuvotteluihin valin',
		'kumppanivalin',
		'kumppanien valin',
		'lopullinen valinta',
		'kelpoisuuden arviointi',
		'soveltuvuuden arvioin',
		'kokeiluvaiheen jatko',
		'esivalinn',
		'seulonn',
		'seulonta',
		// The proof of concept pages' own name for the stage after selection.
		'todentami'
	],
	sv: [
		'urval till nästa skede',
		'val av partner',
		'valet av partner',
		'slutligt val',
		'behörighetsprövning',
		'lämplighetsprövning',
		'pilotskede',
		'efter piloten',
		'förhandsurvalet',
		'urvalet till förhandlingar',
		'konceptvalider'
	],
	en: ['final selection', 'selection of partners', 'partner selection']
};

/**
 * The same for other terms of the record that groups worded their own way: an application
 * found eligible ("Kelpoinen", never "Soveltuva"), screening ("tarkastus", never
 * "karsinta") and the go / no-go decision ("Jatkopäätös", "Beslut om fortsättning").
 */
const RETIRED_TERMS: Record<Locale, string[]> = {
	fi: [
		'soveltuva',
		'soveltumat',
		'karsin',
		'karsit',
		'karsii',
		'karsint',
		'kelpoisuusarvio',
		'go/no-go-päätö'
	],
	sv: ['lämplighetsbedömning', 'go/no-go-beslut'],
	en: ['found ineligible']
};

/**
 * The stage after selection is called by each procedure its own way ("Kokeilu" / "Försök" /
 * "Proof of concept" in an open challenge, "Kehitysvaihe" / "Utvecklingsfas" / "Development
 * phase" in an innovation partnership, as in shared/seeds). A message that speaks of it takes
 * the name as its `{stage}` (stageLabelAny); none may name it in its own words, or a page of one
 * procedure would call the stage by the other's name. The words to look for in each language:
 * both names, and their inflected forms the names do not contain. Swedish "försök" on its
 * own is also "attempt" ("Försök igen"), so only its definite and compound forms count.
 */
const AFTER_SELECTION_WORDS: Record<Locale, string[]> = {
	fi: ['kokeilu', 'kehitysvaihe'],
	sv: ['försöket', 'försöken', 'försöks', 'utvecklingsfas'],
	en: ['proof of concept', 'proofs of concept', 'development phase']
};

/**
 * Negotiations belong to an innovation partnership alone (its stage names "Valinta
 * neuvotteluihin", "Neuvottelut"): an open challenge's shortlisting is a selection to the
 * next stage, its workshops co-creation. No message but those names speaks of them.
 */
const NEGOTIATION_WORDS: Record<Locale, string> = {
	fi: 'neuvottel',
	sv: 'förhandl',
	en: 'negotiat'
};

/**
 * The messages of pages about every challenge at once (the home page, the privacy notice),
 * which name both procedures' terms side by side; each must name both, checked below.
 */
const BOTH_AFTER_SELECTION = [
	'home_lead',
	'privacy_cat_production_name',
	'privacy_cat_production_what',
	'privacy_cat_production_purpose'
];
/** The same for the workshops: "co-creation or negotiation". */
const BOTH_WORKSHOPS = ['privacy_cat_workshops_purpose'];

describe('stage names (issue 16)', () => {
	it('names every stage in every procedure and language by its stage key', () => {
		for (const locale of LOCALES)
			for (const procedure of PROCEDURES)
				for (const stage of STAGES) {
					const key = stageNameKey(procedure, stage);
					const name = messages[locale][key];
					expect(typeof name, `${locale} ${key}`).toBe('string');
					expect((name as string).trim(), `${locale} ${key}`).not.toBe('');
					expect(stageLabelAny(procedure, stage, locale), `${locale} ${procedure} ${stage}`).toBe(
						name
					);
				}
	});

	it('names a stage for a reader who does not know the procedure by each procedure’s name', () => {
		// The /challenges stage filter over every procedure (an outside tester's report: it
		// offered only "Kokeilu" for the stage a partnership calls "Kehitysvaihe").
		expect(stageLabelAny(null, 'proof_of_concept', 'fi')).toBe('Kokeilu / Kehitysvaihe');
		expect(stageLabelAny(null, 'concepts', 'sv')).toBe('Koncept / Slutliga anbud');
		expect(stageLabelAny(null, 'shortlisting', 'en')).toBe(
			'Shortlisting / Selection for negotiations'
		);
		// A stage both procedures name alike, or only one has, by that one name.
		expect(stageLabelAny(null, 'selection', 'fi')).toBe('Valinta');
		expect(stageLabelAny(null, 'production', 'en')).toBe('Production phase');
		for (const locale of LOCALES)
			for (const stage of STAGES) {
				const across = stageLabelAny(null, stage, locale);
				for (const procedure of PROCEDURES)
					if (PROCEDURE_STAGES[procedure].includes(stage))
						expect(across.split(' / '), `${locale} ${stage}`).toContain(
							stageLabelAny(procedure, stage, locale)
						);
			}
	});

	it('names a partnership its own way only where the Act does, the rest as an open challenge', () => {
		const own = STAGES.filter(
			(s) => stageNameKey('innovation_partnership', s) !== stageNameKey('open_challenge', s)
		);
		expect(own).toEqual([
			'applications',
			'shortlisting',
			'workshops',
			'concepts',
			'proof_of_concept'
		]);
		// Every stage_ip_ key is one stageNameKey gives: none is left over unused.
		const ipKeys = Object.keys(messages.en).filter((k) => k.startsWith('stage_ip_'));
		expect(ipKeys.sort()).toEqual(own.map((s) => `stage_ip_${s}`).sort());
		// Selection for negotiations: the partnership's shortlisting has its own name.
		for (const locale of LOCALES)
			expect(stageLabelAny('innovation_partnership', 'shortlisting', locale)).not.toBe(
				stageLabelAny('open_challenge', 'shortlisting', locale)
			);
	});

	it.each(LOCALES)('leaves no other name of a stage in any %s message', (locale) => {
		for (const [key, words] of others(locale))
			for (const retired of RETIRED[locale])
				expect(words.toLowerCase(), `${locale}.${key} names a stage "${retired}"`).not.toContain(
					retired
				);
	});

	it.each(LOCALES)('words the record’s other terms one way in %s', (locale) => {
		for (const [key, words] of others(locale))
			for (const retired of RETIRED_TERMS[locale])
				expect(words.toLowerCase(), `${locale}.${key} says "${retired}"`).not.toContain(retired);
	});

	it.each(LOCALES)('has no %s message that is a stage name of its own', (locale) => {
		// A key of a group holding just a stage's name is a second name waiting to drift: the
		// decision stages' names, and the partnership's own names of the stages the owner's
		// tabs show (the final tenders, the stage after selection), which an open challenge
		// would read as its own. (The open challenge's "Koncept" is also Swedish for one
		// concept, so it is not looked for.)
		const names = new Set([
			...PROCEDURES.flatMap((p) =>
				DECISION_STAGES.map((s) => stageLabelAny(p, s, locale).toLowerCase())
			),
			...(['concepts', 'proof_of_concept'] as const).map((s) =>
				stageLabelAny('innovation_partnership', s, locale).toLowerCase()
			)
		]);
		for (const [key, words] of others(locale))
			expect(names.has(words.trim().replace(/[.:]$/, '').toLowerCase()), `${locale}.${key}`).toBe(
				false
			);
	});

	it.each(LOCALES)('calls the stage after selection by its stage name only, in %s', (locale) => {
		const words = AFTER_SELECTION_WORDS[locale];
		// The words are the stage names: each procedure's name is found by them (but the
		// Swedish open challenge's bare "Försök", which see above).
		for (const procedure of PROCEDURES) {
			const name = stageLabelAny(procedure, 'proof_of_concept', locale).toLowerCase();
			if (locale === 'sv' && procedure === 'open_challenge') expect(name).toBe('försök');
			else
				expect(
					words.some((w) => name.includes(w)),
					`${locale} ${procedure} ${name}`
				).toBe(true);
		}
		for (const [key, text] of others(locale)) {
			const lower = text.toLowerCase();
			const named = words.filter((w) => lower.includes(w));
			if (BOTH_AFTER_SELECTION.includes(key))
				expect(named.length, `${locale}.${key} names both procedures' stages`).toBeGreaterThan(
					locale === 'sv' ? 0 : 1
				);
			else expect(named, `${locale}.${key} names the stage after selection itself`).toEqual([]);
		}
	});

	it.each(LOCALES)(
		'speaks of negotiations only in a partnership’s stage names, in %s',
		(locale) => {
			const word = NEGOTIATION_WORDS[locale];
			for (const stage of STAGES)
				expect(stageLabelAny('open_challenge', stage, locale).toLowerCase()).not.toContain(word);
			expect(stageLabelAny('innovation_partnership', 'workshops', locale).toLowerCase()).toContain(
				word
			);
			for (const [key, text] of others(locale))
				if (BOTH_WORKSHOPS.includes(key))
					expect(text.toLowerCase(), `${locale}.${key}`).toMatch(
						/yhteiskehit|samutveckl|co-creation/
					);
				else
					expect(text.toLowerCase(), `${locale}.${key} speaks of negotiations`).not.toContain(word);
		}
	);
});
