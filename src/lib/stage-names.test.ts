import { describe, expect, it } from 'vitest';
import { stageLabel } from '$lib/i18n-names';
import { loadMessages } from '$lib/messages.testing';
import { LOCALES, type Locale } from '$lib/domain/locale';
import { PROCEDURES } from '$lib/domain/procedure';
import { DECISION_STAGES, STAGES, stageNameKey } from '$lib/domain/stages';

// Issue 16: one name for each stage, everywhere. The stage keys (stage_…, stage_ip_… for
// the stages an innovation partnership names its own way) hold the names; every page,
// mail, document and log entry names a stage through stageLabel, and no other message
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
		'seulonta'
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
		'urvalet till förhandlingar'
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

describe('stage names (issue 16)', () => {
	it('names every stage in every procedure and language by its stage key', () => {
		for (const locale of LOCALES)
			for (const procedure of PROCEDURES)
				for (const stage of STAGES) {
					const key = stageNameKey(procedure, stage);
					const name = messages[locale][key];
					expect(typeof name, `${locale} ${key}`).toBe('string');
					expect((name as string).trim(), `${locale} ${key}`).not.toBe('');
					expect(stageLabel(procedure, stage, locale), `${locale} ${procedure} ${stage}`).toBe(
						name
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
			expect(stageLabel('innovation_partnership', 'shortlisting', locale)).not.toBe(
				stageLabel('open_challenge', 'shortlisting', locale)
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

	it.each(LOCALES)('has no %s message that is a decision stage name of its own', (locale) => {
		// A key of a group holding just a stage's name is a second name waiting to drift.
		const names = new Set(
			PROCEDURES.flatMap((p) => DECISION_STAGES.map((s) => stageLabel(p, s, locale).toLowerCase()))
		);
		for (const [key, words] of others(locale))
			expect(names.has(words.trim().replace(/[.:]$/, '').toLowerCase()), `${locale}.${key}`).toBe(
				false
			);
	});
});
