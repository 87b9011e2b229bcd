import { isBlank } from './text';

export const LOCALES = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const isLocale = (value: unknown): value is Locale =>
	typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** Text given in several languages: `{ fi: "…", en: "…" }`. */
export type LocalizedText = Partial<Record<Locale, string>>;

/**
 * The text in the wanted language, else in the primary language, else any. `lang`
 * says which language the text is in, so the page can mark it (WCAG 3.1.2).
 */
export function pickLocalized(
	text: LocalizedText,
	wanted: Locale,
	primary: Locale
): { text: string; lang: Locale; fallback: boolean } {
	for (const lang of [wanted, primary, ...LOCALES]) {
		const value = text[lang]?.trim();
		if (value && !isBlank(value)) return { text: value, lang, fallback: lang !== wanted };
	}
	return { text: '', lang: wanted, fallback: false };
}

/**
 * One rule for every text a page shows that may be in another language than the page
 * (WCAG 3.1.2): takes text in several languages (organisation names, challenge texts) or
 * one string written in `primary` (a signatory, a custom competence area, a question);
 * returns the text for `wanted` with the language it is in, and `lang` to put on its
 * element: that language when it differs from the page's, else undefined.
 */
export function textFor(
	text: LocalizedText | string | null | undefined,
	wanted: Locale,
	primary: Locale
): { text: string; lang: Locale; attr: Locale | undefined } {
	const picked =
		typeof text === 'string' || text == null
			? { text: text ?? '', lang: primary }
			: pickLocalized(text, wanted, primary);
	return {
		text: picked.text,
		lang: picked.lang,
		attr: picked.lang === wanted ? undefined : picked.lang
	};
}

/** Stands for text given separately in a message, so that a page can wrap it (splitAtSlot). */
export const SLOT = '\u0000';

/**
 * A message rendered with SLOT for one placeholder, split around it: [before, after].
 * Lets a page put text in another language inside a sentence with its own `lang`.
 */
export function splitAtSlot(sentence: string): [string, string] {
	const at = sentence.indexOf(SLOT);
	return at < 0 ? [sentence, ''] : [sentence.slice(0, at), sentence.slice(at + SLOT.length)];
}
