import { diffWordsWithSpace } from 'diff';
import type { FieldChange } from './amendments';
import { LOCALES, type Locale, type LocalizedText } from './locale';

/** A run of words a diff keeps, adds or removes. */
export interface DiffPart {
	op: 'same' | 'added' | 'removed';
	text: string;
}

/**
 * Above this many words and spaces changed the diff is not worth showing word by word
 * (jsdiff's maxEditLength: it gives up early instead of spending time on it).
 */
const MAX_EDIT_LENGTH = 2000;

/**
 * A word-level diff of two texts, words and whitespace as tokens (jsdiff's
 * diffWordsWithSpace, a well-kept library rather than our own algorithm): the parts
 * joined in order with `removed` left out give `after`, with `added` left out give
 * `before`. Texts too different to compare word by word (over MAX_EDIT_LENGTH tokens
 * changed) come back as one removal and one addition. Used by the amendment log and
 * by concept versions.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
	if (before === after) return before ? [{ op: 'same', text: before }] : [];
	const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_EDIT_LENGTH });
	if (!changes) {
		return [
			...(before ? [{ op: 'removed' as const, text: before }] : []),
			...(after ? [{ op: 'added' as const, text: after }] : [])
		];
	}
	const parts: DiffPart[] = [];
	for (const c of changes) {
		const op = c.added ? 'added' : c.removed ? 'removed' : 'same';
		const last = parts.at(-1);
		if (last?.op === op) last.text += c.value;
		else parts.push({ op, text: c.value });
	}
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

/** One changed field as the page shows it: the view and the field's name in the reader's language. */
export type LabelledChange = ChangeView & { label: string };

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
