import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalDomain, canonicalEmail, EMAIL_MAX_LENGTH, hasNonAsciiLocalPart } from './email';

const domainToAscii = (domain: string) => canonicalDomain(domain)?.ascii ?? null;

describe('canonicalEmail (issue 11, item 10)', () => {
	it('accepts an internationalised domain, typed either way, in one form', () => {
		expect(canonicalEmail('nimi@äänekoski.fi')).toBe('nimi@äänekoski.fi');
		expect(canonicalEmail(' Nimi@ÄÄNEKOSKI.FI ')).toBe('nimi@äänekoski.fi');
		expect(canonicalEmail('nimi@xn--nekoski-4waa.fi')).toBe('nimi@äänekoski.fi');
		// Decomposed (a + combining diaeresis), as some keyboards and pastes give it.
		expect(canonicalEmail('nimi@a\u0308a\u0308nekoski.fi')).toBe('nimi@äänekoski.fi');
		expect(canonicalEmail('kirjaamo@ålands.ax')).toBe('kirjaamo@ålands.ax');
		expect(canonicalEmail('info@straße.de')).toBe('info@straße.de');
		expect(canonicalEmail('info@пример.рф')).toBe('info@пример.рф');
		expect(canonicalEmail('info@xn--e1afmkfd.xn--p1ai')).toBe('info@пример.рф');
		expect(canonicalEmail('info@例え．テスト')).toBe('info@例え.テスト');
		expect(domainToAscii('äänekoski.fi')).toBe('xn--nekoski-4waa.fi');
	});

	it('keeps plain addresses as before: trimmed, lower case', () => {
		expect(canonicalEmail('Owner@Hel.Example')).toBe('owner@hel.example');
		expect(canonicalEmail("o'brien+talkoot@team.example")).toBe("o'brien+talkoot@team.example");
	});

	it('refuses what is not an address', () => {
		for (const bad of [
			'',
			'nimi',
			'@äänekoski.fi',
			'nimi@',
			'nimi@äänekoski',
			'nimi@äänekoski.fi.',
			'nimi@-äänekoski.fi',
			'nimi@ääne koski.fi',
			'nimi@ääne/koski.fi',
			'nimi@127.0.0.1',
			'nimi@0x7f.1',
			'nimi@xn--zz.fi',
			'.nimi@äänekoski.fi',
			'ni..mi@äänekoski.fi',
			'jörö@äänekoski.fi',
			'nimi@ääne_koski.fi',
			`nimi@${'a'.repeat(64)}.fi`,
			`${'a'.repeat(65)}@äänekoski.fi`,
			`nimi@${`${'ä'.repeat(60)}.`.repeat(5)}fi`,
			'nimi@xn--zz.fi',
			'nimi@xn--ab-.fi'
		])
			expect(canonicalEmail(bad), bad).toBeNull();
	});

	it('is idempotent and agrees with the URL parser on every domain it accepts', () => {
		const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäöåüßøæéèçñłšžõþðÄÖÅÉ0123456789-');
		const label = fc.array(letter, { minLength: 1, maxLength: 20 }).map((l) => l.join(''));
		const domain = fc
			.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('fi', 'se', 'ax'))
			.map(([labels, tld]) => [...labels, tld].join('.'));
		fc.assert(
			fc.property(domain, (d) => {
				const email = canonicalEmail(`Nimi@${d}`);
				const ascii = domainToAscii(d);
				expect(email === null).toBe(ascii === null);
				if (!email || !ascii) return;
				expect(canonicalEmail(email)).toBe(email);
				const decoded = email.slice('nimi@'.length);
				// Decoding the A-labels gives back a domain the parser maps to the same ASCII.
				expect(domainToAscii(decoded)).toBe(ascii);
				expect(decoded).toBe(decoded.normalize('NFC').toLowerCase());
				expect(`nimi@${ascii}`.length).toBeLessThanOrEqual(EMAIL_MAX_LENGTH);
			}),
			{ numRuns: 500 }
		);
	});

	it('refuses an A-label whose Unicode the URL parser refuses, without throwing', () => {
		// Found by the property below: `xn--00aa-0dh` decodes to marks no host may start with.
		expect(canonicalEmail('a@xn--00aa-0dh.fi')).toBeNull();
	});

	it('ends on any input, A-labels made up included, and is idempotent when it accepts', () => {
		const label = fc.oneof(
			fc.string({ maxLength: 12 }),
			fc.stringMatching(/^xn--[a-z0-9-]{1,12}$/),
			fc.constantFrom('äänekoski', 'xn--nekoski-4waa', 'fi', '')
		);
		fc.assert(
			fc.property(
				fc.string({ maxLength: 8 }),
				fc.array(label, { maxLength: 4 }),
				(local, labels) => {
					const email = canonicalEmail(`${local}@${labels.join('.')}`);
					if (email !== null) expect(canonicalEmail(email)).toBe(email);
				}
			),
			{ numRuns: 2000 }
		);
	});
});

describe('hasNonAsciiLocalPart (issue 16, item 1)', () => {
	it('tells an address refused only for a letter before the @', () => {
		expect(canonicalEmail('jürgen@example.fi')).toBeNull();
		expect(hasNonAsciiLocalPart('jürgen@example.fi')).toBe(true);
		expect(hasNonAsciiLocalPart(' Jürgen@äänekoski.fi ')).toBe(true);
	});
	it('is false for ASCII before the @ and for addresses refused for more', () => {
		expect(hasNonAsciiLocalPart('jurgen@äänekoski.fi')).toBe(false);
		expect(hasNonAsciiLocalPart('jürgen@')).toBe(false);
		expect(hasNonAsciiLocalPart('jür gen@example.fi')).toBe(false);
		expect(hasNonAsciiLocalPart('jürgen')).toBe(false);
	});
});
