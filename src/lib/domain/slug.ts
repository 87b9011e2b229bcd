import anyAscii from 'any-ascii';

/** The longest slug made of a name, before the database adds any `-2`, `-3` … */
export const SLUG_MAX_LENGTH = 60;

/**
 * A URL-safe name made of a display name or title (issue 11, item 6): every letter is
 * transliterated to ASCII by any-ascii (`Ørsted` → `orsted`, `Straße` → `strasse`,
 * `Æbleskiver` → `aebleskiver`, `Metsähallitus Oy` → `metsahallitus-oy`), so no Latin
 * letter is dropped; letters of other scripts are romanised; apostrophes vanish; every other
 * run of characters becomes one hyphen. At most `SLUG_MAX_LENGTH` characters, cut at a
 * word boundary where one is near; '' when nothing of the name is left (the caller picks a
 * fallback). Unique only per caller: the database makes it unique (private.free_slug).
 */
export function slugify(name: string): string {
	// Letter by letter: a letter's transliteration is letters only (any-ascii writes ẝ as
	// "s." and ŉ as "'n", which would otherwise split a word).
	const ascii = Array.from(name.normalize('NFC'), (ch) =>
		/\p{L}/u.test(ch) ? anyAscii(ch).replace(/[^A-Za-z0-9]/g, '') : anyAscii(ch)
	)
		.join('')
		.toLowerCase()
		.replace(/['`]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (ascii.length <= SLUG_MAX_LENGTH) return ascii;
	const cut = ascii.slice(0, SLUG_MAX_LENGTH + 1);
	const boundary = cut.lastIndexOf('-');
	return boundary >= SLUG_MAX_LENGTH / 2 ? cut.slice(0, boundary) : cut.slice(0, SLUG_MAX_LENGTH);
}
