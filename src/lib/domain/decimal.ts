/**
 * Numbers as people type them in Finnish, Swedish and English: a decimal comma or point
 * ("7,5", "7.5"), spaces (also no-break and narrow no-break) as thousands separators
 * ("12 500,50"). One grammar for every numeric field (the concept budget and price, the
 * jury's points and step, the owner's counts and shares): a form field is a text input
 * with `inputmode`, never `type="number"`, whose browser reads "1,5" as 15 in an English
 * locale (the comma as a thousands separator) and cannot show "7,5" at all.
 */

/**
 * `typed` with its separators made plain: spaces gone, one decimal comma made a point.
 * Whatever is not a number stays not one (`/^\d+(\.\d+)?$/` and the like decide).
 */
export function plainDecimal(typed: string): string {
	return typed.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
}

/**
 * A typed number: empty (or only spaces) → null; "1,5", "1.5", "12 500,50", "-2", ",5" →
 * the number; anything else (letters, two separators, "1,5,0", "1e3") → NaN, which the
 * field refuses in words rather than guessing.
 */
export function readDecimal(typed: string | undefined | null): number | null {
	const text = plainDecimal(typed ?? '');
	if (text === '') return null;
	return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * A typed whole number: null when empty, NaN when it is no number or has a fraction
 * ("1,5" is refused, never read as 15; "3,0" is 3).
 */
export function readWhole(typed: string | undefined | null): number | null {
	const n = readDecimal(typed);
	return n === null || Number.isInteger(n) ? n : Number.NaN;
}

/**
 * Euros as a person types them, in whole cents: "1500", "1 500,5", "1500.50", "12 000 €",
 * "€ 250" and, unambiguous in English, "1,500.50" and "1,500,000". Null when it is not an
 * amount: letters, a negative amount, a third decimal, more than 12 digits of euros, or
 * one comma before three digits ("1,500": a Finn's 1,5 € or an English 1 500 €? refused in
 * words rather than guessed). The one euro grammar of every form: a concept's budget and
 * price, a production category's bonus. Ranges are the caller's (and the database's).
 */
export function readEuros(typed: string): number | null {
	const t = typed.replace(/[\s\u00a0\u202f]/g, '').replace(/^€|€$/g, '');
	const grouped = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/.exec(t);
	const plain = /^(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(t);
	const ambiguous = grouped && /^\d+,\d{3}$/.test(t);
	const [euros, cents] = plain
		? [plain[1], plain[2]]
		: grouped && !ambiguous
			? [grouped[1].replace(/,/g, ''), grouped[2]]
			: [null, null];
	if (euros === null || euros.length > 12) return null;
	return Number(euros) * 100 + Number((cents ?? '').padEnd(2, '0'));
}
