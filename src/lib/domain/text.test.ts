import { describe, expect, it } from 'vitest';
import { BLANK_CHARACTERS, FORMAT_CHARACTERS, isBlank, storedFileName } from './text';

/** Every code point of a general category, as the running JavaScript engine knows it. */
function everyCodePoint(pattern: RegExp): string {
	let out = '';
	for (let c = 0; c <= 0x10ffff; c++) {
		if (c >= 0xd800 && c <= 0xdfff) continue;
		const ch = String.fromCodePoint(c);
		if (pattern.test(ch)) out += ch;
	}
	return out;
}

describe('isBlank', () => {
	it('lists exactly the format (Cf) characters and the whitespace trim() removes', () => {
		expect(FORMAT_CHARACTERS).toBe(everyCodePoint(/^\p{Cf}$/u));
		expect(BLANK_CHARACTERS).toBe(everyCodePoint(/^\s$/u));
	});

	it('is blank when empty, null or whitespace only', () => {
		for (const t of [null, undefined, '', ' ', '\t\n', '\u00a0', '\u3000', BLANK_CHARACTERS])
			expect(isBlank(t), JSON.stringify(t)).toBe(true);
	});

	// The outside tester's cases, then one character of each Cf range.
	const INVISIBLE = [
		'\u200b\u00a0 \u2060',
		'\u00a0\u200b',
		'\u200b\u2060',
		'\u200b',
		'\u00a0',
		'\u2060',
		'\ufeff',
		'\u00ad',
		'\u0600\u0605',
		'\u061c',
		'\u06dd',
		'\u070f',
		'\u0890\u0891',
		'\u08e2',
		'\u180e',
		'\u200b\u200c\u200d\u200e\u200f',
		'\u202a\u202b\u202c\u202d\u202e',
		'\u2060\u2061\u2062\u2063\u2064',
		'\u2066\u2067\u2068\u2069\u206a\u206f',
		'\ufff9\ufffa\ufffb',
		'\u{110bd}\u{110cd}',
		'\u{13430}\u{1343f}',
		'\u{1bca0}\u{1bca3}',
		'\u{1d173}\u{1d17a}',
		'\u{e0001}\u{e0020}\u{e007f}',
		` ${FORMAT_CHARACTERS}\t${BLANK_CHARACTERS}`
	];
	it.each(INVISIBLE)('is blank when only whitespace and format characters: %j', (t) => {
		expect(isBlank(t)).toBe(true);
	});

	it('is not blank when anything visible is there, however little', () => {
		const VISIBLE = [
			'a',
			' a ',
			'.',
			'\u0085',
			`${FORMAT_CHARACTERS}x`,
			'\u200bx\u200b',
			'👩\u200d💻', // an emoji ZWJ sequence
			'می\u200cخواهم', // Persian with a zero-width non-joiner
			'🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}', // a tag sequence flag
			'\u034f' // combining grapheme joiner is Mn, not Cf
		];
		for (const t of VISIBLE) expect(isBlank(t), JSON.stringify(t)).toBe(false);
	});
});

describe('storedFileName', () => {
	const key = '00000000-0000-4000-8000-000000000001.pdf';

	it('keeps a name that shows something, format characters and all', () => {
		expect(storedFileName('liite.pdf', key)).toBe('liite.pdf');
		expect(storedFileName('\u200bliite.pdf', key)).toBe('\u200bliite.pdf');
	});

	it.each(['', '   ', '\u200b\u2060', undefined])('stores the key for the name %j', (name) => {
		expect(storedFileName(name, key)).toBe(key);
	});

	it('cuts a long name to 255 characters', () => {
		expect(storedFileName('a'.repeat(300), key)).toBe('a'.repeat(255));
	});
});
