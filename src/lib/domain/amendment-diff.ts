import type { FieldChange } from './amendments';
import { LOCALES, type Locale, type LocalizedText } from './locale';

/** A run of words a diff keeps, adds or removes. */
export interface DiffPart {
	op: 'same' | 'added' | 'removed';
	text: string;
}

/** Above this many token pairs the diff is not worth computing word by word. */
const MAX_CELLS = 4_000_000;

/** Words and the whitespace between them, each a token, so joining them gives the text back. */
const tokens = (text: string) => text.split(/(\s+)/).filter((t) => t !== '');

function push(parts: DiffPart[], op: DiffPart['op'], text: string) {
	const last = parts.at(-1);
	if (last?.op === op) last.text += text;
	else parts.push({ op, text });
}

/**
 * A word-level diff of two texts (longest common subsequence of words and whitespace):
 * the parts joined in order with `removed` left out give `after`, with `added` left out
 * give `before`. No diff library is installed in the project (issue 12: amendment log), so
 * this is the small classic one; texts too long to compare word by word (over
 * MAX_CELLS token pairs) come back as one removal and one addition.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
	if (before === after) return before ? [{ op: 'same', text: before }] : [];
	const a = tokens(before);
	const b = tokens(after);
	const parts: DiffPart[] = [];
	if (a.length * b.length > MAX_CELLS) {
		if (before) push(parts, 'removed', before);
		if (after) push(parts, 'added', after);
		return parts;
	}
	// lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
	const width = b.length + 1;
	const lcs = new Uint32Array((a.length + 1) * width);
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			lcs[i * width + j] =
				a[i] === b[j]
					? lcs[(i + 1) * width + j + 1] + 1
					: Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
		}
	}
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		if (a[i] === b[j]) {
			push(parts, 'same', a[i]);
			i++;
			j++;
		} else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) push(parts, 'removed', a[i++]);
		else push(parts, 'added', b[j++]);
	}
	while (i < a.length) push(parts, 'removed', a[i++]);
	while (j < b.length) push(parts, 'added', b[j++]);
	return parts;
}

/** What a list gained and lost, each item once, in the order it appears. */
export function listDiff(
	before: string[],
	after: string[]
): { removed: string[]; added: string[] } {
	const had = new Set(before);
	const has = new Set(after);
	return {
		removed: [...had].filter((x) => !has.has(x)),
		added: [...has].filter((x) => !had.has(x))
	};
}

/** One changed field of an amendment, as the log shows it. */
export type ChangeView =
	| { kind: 'text'; field: string; languages: { lang: Locale; parts: DiffPart[] }[] }
	| { kind: 'list'; field: string; removed: string[]; added: string[]; reordered: boolean }
	| { kind: 'value'; field: string; before: string; after: string }
	| { kind: 'spacing'; field: string };

/** A text as a reader compares it: line breaks as \n, no trailing spaces at line ends or around. */
const readable = (text: string) =>
	text
		.replace(/\r\n?/g, '\n')
		.replace(/[ \t]+\n/g, '\n')
		.trim();

const isLocalized = (v: unknown): v is LocalizedText =>
	typeof v === 'object' &&
	v !== null &&
	!Array.isArray(v) &&
	Object.keys(v).length > 0 &&
	Object.entries(v).every(
		([k, x]) => (LOCALES as readonly string[]).includes(k) && typeof x === 'string'
	);

/**
 * How an amendment's change to one field reads: text given in languages as a word diff
 * per language that changed (or 'spacing' when only line endings or spaces did); a list (competence areas, requirements, criteria,
 * timetable) as the items removed and added, each worded by `item`; anything else as
 * old → new, worded by `item`. Takes the stored change ({ field, before, after }, as
 * private.challenge_record writes it); refuses nothing.
 */
export function describeChange(
	change: FieldChange,
	item: (field: string, value: unknown) => string
): ChangeView {
	const { field, before, after } = change;
	if ((isLocalized(before) || before === null) && (isLocalized(after) || after === null)) {
		const b = before ?? {};
		const a = after ?? {};
		const changed = LOCALES.filter((l) => (b[l] ?? '') !== (a[l] ?? ''));
		// Only line endings or spacing differ (a browser sends a textarea's lines with CRLF):
		// said so, not shown as a whole text removed and added.
		const languages = changed
			.filter((l) => readable(b[l] ?? '') !== readable(a[l] ?? ''))
			.map((lang) => ({ lang, parts: wordDiff(readable(b[lang] ?? ''), readable(a[lang] ?? '')) }));
		if (languages.length) return { kind: 'text', field, languages };
		if (changed.length) return { kind: 'spacing', field };
	}
	if (Array.isArray(before) || Array.isArray(after)) {
		const b = (Array.isArray(before) ? before : []).map((x) => item(field, x));
		const a = (Array.isArray(after) ? after : []).map((x) => item(field, x));
		const { removed, added } = listDiff(b, a);
		const reordered = !removed.length && !added.length && b.join('\n') !== a.join('\n');
		return { kind: 'list', field, removed, added, reordered };
	}
	return { kind: 'value', field, before: item(field, before), after: item(field, after) };
}
