/**
 * Search the way a Finn (or a Swede, or an English speaker) types (issue 11, item 5):
 * letters folded (ä → a, ö → o, å → a, é → e, ß → ss …, so "tekoaly" finds "Tekoäly"),
 * one inflectional ending taken off each word ("valmennuksen" finds "valmennus",
 * "työhön" finds "Työ…", "utbildningen" finds "utbildning"), each word a prefix, all
 * required. Small typos are left to trigram similarity in SQL (src/lib/server/challenges/list.ts).
 */

// Latin letters to their lower-case base letter, the same table as public.search_fold
// in SQL (20261201000500_nordic_text.sql; tests/integration/search.test.ts holds them equal).
const FOLD_FROM =
	'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïðñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľĿŀŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻǾǿȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ';
const FOLD_TO =
	'abcdefghijklmnopqrstuvwxyzaaaaaaceeeeiiiidnoooooouuuuyaaaaaaceeeeiiiidnoooooouuuuyyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiijjkkllllllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzsoouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaaooaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyy';
const EXPANSIONS: [string, string][] = [
	['ß', 'ss'],
	['Æ', 'ae'],
	['æ', 'ae'],
	['Œ', 'oe'],
	['œ', 'oe'],
	['Ĳ', 'ij'],
	['ĳ', 'ij'],
	['Þ', 'th'],
	['þ', 'th'],
	['Ǣ', 'ae'],
	['ǣ', 'ae'],
	['Ǽ', 'ae'],
	['ǽ', 'ae']
];
// Tables built at load are marked pure, so a page that imports this module without folding
// (a list's address helpers) does not carry them (issue 16: a visitor's JavaScript).
const FOLD = /* @__PURE__ */ (() => new Map([...FOLD_FROM].map((c, i) => [c, FOLD_TO[i]])))();

/**
 * Text as search compares it: Latin letters lower-case without accents (æ → ae, ß → ss,
 * þ → th), combining marks dropped, anything else unchanged. Equal to public.search_fold.
 */
export function foldForSearch(text: string): string {
	let out = text.normalize('NFC').replace(/[\u0300-\u036f]/g, '');
	for (const [from, to] of EXPANSIONS) out = out.replaceAll(from, to);
	return [...out].map((c) => FOLD.get(c) ?? c).join('');
}

// Finnish case, plural and possessive endings, Swedish definite and plural forms, English
// plurals and -ing, folded (ä → a, ö → o), longest first; one is taken off a word.
const ENDINGS = [
	// Finnish
	'isiin',
	'sten',
	'iksi',
	'ista',
	'issa',
	'ille',
	'illa',
	'ilta',
	'ihin',
	'iden',
	'itten',
	'ineen',
	'seen',
	'siin',
	'nsa',
	'mme',
	'nne',
	'ksi',
	'ssa',
	'sta',
	'lla',
	'lta',
	'lle',
	'tta',
	'hon',
	'han',
	'hen',
	'hin',
	'hun',
	'hyn',
	'nen',
	'sen',
	'set',
	'sia',
	'ien',
	'jen',
	'ina',
	'ita',
	'ja',
	'en',
	'na',
	'ta',
	'an',
	'on',
	'in',
	'un',
	'yn',
	'ni',
	'si',
	// Swedish
	'arna',
	'erna',
	'orna',
	'heten',
	'ande',
	'ende',
	'het',
	'ens',
	'ets',
	'ar',
	'er',
	'or',
	'et',
	// English
	'ings',
	'ing',
	'ies',
	'es',
	'ed',
	// one letter
	'a',
	'e',
	'i',
	'n',
	's',
	't'
].sort((a, b) => b.length - a.length);

/**
 * The part of a folded word that its inflected forms share: one ending off, keeping at
 * least three letters (four before a one-letter ending); a Finnish -kse-/-ksi- form back
 * to what its -s word starts with ("valmennuksen" → "valmennu", as in "valmennus").
 */
export function searchStem(word: string): string {
	const kse = /^(.{3,}[aeiouy])ks[aei]/.exec(word);
	if (kse) return kse[1];
	let stem = word;
	for (const ending of ENDINGS) {
		const keep = word.length - ending.length;
		if (word.endsWith(ending) && keep >= (ending.length === 1 ? 4 : 3)) {
			stem = word.slice(0, keep);
			break;
		}
	}
	return stem;
}

/** The folded words someone typed (letters and digits only), at most 8 of at most 40. */
export function searchWords(input: string): string[] {
	const words = foldForSearch(input).match(/[\p{L}\p{N}]+/gu) ?? [];
	return words.slice(0, 8).map((w) => w.slice(0, 40));
}

/**
 * A tsquery ('simple' configuration, over folded text) of the words someone typed: each
 * word's stem as a prefix, all required. Only letters and digits pass, so the result is
 * always valid tsquery syntax; '' means no search.
 */
export function prefixQuery(input: string): string {
	return searchWords(input)
		.map((w) => `${searchStem(w)}:*`)
		.join(' & ');
}
