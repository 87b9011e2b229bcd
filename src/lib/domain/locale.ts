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
		if (value) return { text: value, lang, fallback: lang !== wanted };
	}
	return { text: '', lang: wanted, fallback: false };
}
