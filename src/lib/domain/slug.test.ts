import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN } from './route-params';
import { slugify, SLUG_MAX_LENGTH } from './slug';

/**
 * Every letter of the Latin script up to U+1FFF (Basic Latin to Latin Extended Additional,
 * IPA and phonetic letters), but the few with no letter as their base: tone letters, glottal
 * stops and clicks (ƅ Ƨ ʔ ʕ ǀ …), which any-ascii writes as digits or punctuation.
 */
const LATIN = Array.from({ length: 0x2000 - 0x41 }, (_, i) =>
	String.fromCodePoint(0x41 + i)
).filter((ch) => /\p{Script=Latin}/u.test(ch) && /\p{L}/u.test(ch));
const BASELESS = new Set([...'ƄƅƧƨƸƹƼƽɁɂʔʕʡʢʭˤᴤᴥᵜǀǁǂǃ']);
const LETTERS = LATIN.filter((ch) => !BASELESS.has(ch));

describe('slugify (issue 11, item 6)', () => {
	it('transliterates instead of dropping letters', () => {
		expect(slugify('Ørsted')).toBe('orsted');
		expect(slugify('Straße')).toBe('strasse');
		expect(slugify('Æbleskiver & Œuvre')).toBe('aebleskiver-oeuvre');
		expect(slugify('Þingvellir, Łódź, Đakovo')).toBe('thingvellir-lodz-dakovo');
		expect(slugify('Metsähallitus Oy')).toBe('metsahallitus-oy');
		expect(slugify('Åbo Akademi')).toBe('abo-akademi');
		expect(slugify('Työllistymistä tekoälyllä')).toBe('tyollistymista-tekoalylla');
		expect(slugify('  City of Helsinki — Stara! ')).toBe('city-of-helsinki-stara');
		expect(slugify("Children's Hospital")).toBe('childrens-hospital');
		expect(slugify('ﬁnland')).toBe('finland');
		// Decomposed input (a Mac file name, a paste) is the same name.
		expect(slugify('A\u030alands landskapsregering')).toBe('alands-landskapsregering');
	});

	it('never loses a Latin letter: each one leaves its base in the slug', () => {
		expect(LETTERS.length).toBeGreaterThan(900);
		for (const ch of LETTERS) {
			const slug = slugify(ch);
			expect(slug, `${ch} U+${ch.codePointAt(0)!.toString(16)}`).toMatch(/^[a-z]+$/);
			// A letter with a base and marks (é, ǻ, ḉ …) keeps that base first.
			const base = ch.normalize('NFD')[0].toLowerCase();
			if (/[a-z]/.test(base)) expect(slug.startsWith(base), `${ch} → ${slug}`).toBe(true);
		}
	});

	it('keeps every letter of any words, in order, joined by hyphens', () => {
		const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 6 });
		const separator = fc.constantFrom(' ', '  ', ' – ', ', ', '/', '!', '\t', '.');
		fc.assert(
			fc.property(fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 5 }), (parts) => {
				const name = parts.map(([w, sep]) => w.join('') + sep).join('');
				const expected = parts.map(([w]) => w.map(slugify).join('')).join('-');
				fc.pre(expected.length <= SLUG_MAX_LENGTH);
				expect(slugify(name)).toBe(expected);
			})
		);
	});

	it('always gives a slug the database takes, or an empty string', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (name) => {
				const slug = slugify(name);
				expect(slug === '' || SLUG_PATTERN.test(slug)).toBe(true);
				expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
			})
		);
		const long = slugify('Tekoälyn hyödyntäminen kuntien asiakaspalvelussa ja päätöksenteossa');
		expect(long).toBe('tekoalyn-hyodyntaminen-kuntien-asiakaspalvelussa-ja');
	});
});
