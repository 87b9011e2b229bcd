import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { pluralRulesOnce } from '../../scripts/plural-rules-once.js';
import { m } from '$lib/paraglide/messages';
import { loadMessages } from '$lib/messages.testing';

// Issue 11, item 11: "At least 1 team members", "1 pistettä", "1 jäsentä". Every message
// that puts a count before words that inflect uses the language's plural rules (fi, sv,
// en). This scan keeps a new one from slipping in: every placeholder name is either a
// count or not, and a count needs plural variants unless it is listed below with why not.

const LOCALES = ['fi', 'sv', 'en'] as const;

/** Placeholders that hold a number of something. */
const COUNTS = new Set([
	'count',
	'minutes',
	'hours',
	'days',
	'months',
	'years',
	'points',
	'max',
	'have',
	'need',
	'unscreened',
	'used',
	'budget',
	'megabytes',
	'price',
	'quality',
	'page',
	'pages',
	// The jury (issue 13): how many it proposes, items scored of assigned, jurors.
	'k',
	'assigned',
	'submitted',
	'items',
	'jurors',
	'available',
	'wanted',
	// Selection (issue 14): the total of quality and price points.
	'total',
	// Proofs of concept and production (issue 14): milestones accepted; clients started and
	// progressed, results reached, and a target's goal and what is reached of it.
	'accepted',
	'started',
	'progressed',
	'results',
	'goal',
	'reached',
	// A long choice (issue 16): how many of its options it offers.
	'shown'
]);
/** Placeholders that do not (names, texts, times, ordinal labels such as "Idea {n}"). */
const NOT_COUNTS = new Set([
	// The privacy notice's address in the export's README (issue 15).
	'url',
	// A formatted length ('1 h 35 min') and a workshop's title.
	'duration',
	'workshop',
	'date',
	'email',
	'emails',
	'status',
	'id',
	'name',
	'legend',
	'names',
	'stages',
	'stage',
	'areas',
	'area',
	'fields',
	'field',
	'organisation',
	'n',
	'title',
	'team',
	'inviter',
	'challenge',
	'time',
	'iso',
	// An already worded wait (limits: "30 seconds", "5 minutes"), plural inside it.
	'wait',
	'reason',
	'decision',
	'text',
	'phase',
	'before',
	'after',
	'conceptsBefore',
	'conceptsAfter',
	'deadline',
	'ended',
	'browser',
	'system',
	'device',
	'lastSeen',
	'since',
	'role',
	// The two ends of a worded list ("Anna and Ben").
	'first',
	'last',
	// The heading of a list whose pages a navigation names ("Pages: Feedback").
	'list',
	'subject',
	// An already worded duration ("2 minutes"), plural inside it, as `wait`.
	'late',
	// The jury (issue 13): a place in a ranking, a juror's name, worded lists of teams and
	// criteria, a percentage, a standard deviation, a score step and revised points (decimals
	// shown after a label or an arrow).
	'rank',
	'juror',
	'teams',
	'entered',
	'left',
	'criteria',
	'share',
	'sd',
	'step',
	'old',
	'new',
	// A criterion's name (a score step that does not divide its maximum); the earliest and
	// latest day a decision may carry (days in words).
	'criterion',
	'earliest',
	'latest',
	// A withdrawn jury invitation: when invited and withdrawn, by whom; the invited address.
	'invited',
	'withdrawn',
	'by',
	// Concepts and what follows (issue 14): a version number ("Version 3") and the two
	// compared, a concept's title, times and days, a person, a month in words, a comment,
	// sums of money (a bonus, an amount per result).
	'version',
	'from',
	'to',
	'concept',
	'at',
	'submittedAt',
	'day',
	'who',
	'month',
	'comment',
	'bonus',
	'amount'
]);

/**
 * Counts that need no plural forms (a message, or `message.placeholder`), and why: the number stands after a label or in
 * brackets ("Members: 3", "Present now (3)"), or before a unit that does not inflect.
 */
const NO_PLURAL_NEEDED: Record<string, string> = {
	fac_duration_minutes: 'abbreviation: min',
	fac_duration_hours: 'abbreviations: h and min',
	org_challenge_count: 'label: count',
	list_count: 'label: count',
	manage_questions: 'label: count',
	manage_answered: 'label: count',
	manage_merged_count: 'label: count',
	teams_member_count: 'label: count',
	workshop_count_notes: 'label: count',
	workshop_my_dots: 'label: count',
	workshop_present: 'count in brackets',
	app_ideas_title: 'count in brackets',
	list_page_of: 'page numbers',
	orgadmin_feedback_page: 'a page address, not a number',
	challenge_price_share: 'percentages',
	app_left_days: 'unit abbreviations d/pv, h',
	app_left_hours: 'unit abbreviations h, min',
	workshop_minutes_short: 'unit abbreviation min',
	screening_months: 'unit abbreviations mo/kk/mån',
	error_body_too_large: 'unit abbreviations MB/Mt',
	'app_chars_count.count': 'followed by "/": the noun agrees with {max}',
	'workshop_votes_used.used': 'followed by "of": the noun agrees with {budget}',
	'screening_counts.count': 'label: count',
	decision_result_points_of: 'a fraction: points / max',
	juror_points_of: 'a fraction: points / max',
	juror_revision_change: 'a fraction after an arrow: old → new / max',
	juror_points: 'a range in brackets: 0–max',
	juror_revise_points: 'a range in brackets: 0–max',
	juror_progress_submitted: 'a fraction: submitted of assigned',
	jurychair_short_item: 'a fraction: available of wanted',
	jurychair_method_disagreement: 'figures after a label (threshold in points, maximum)',
	jurychair_method_price: 'figures after a label (maximum in points)',
	jurychair_results_summary: 'labels: items, jurors',
	decision_form_item_points: 'label: total',
	selection_price_formula: 'labels: quality points, price points, total',
	mail_final_tender_price: 'label: a sum of money',
	'poc_milestones_accepted.accepted': 'a fraction: the noun agrees with {total}',
	'manage_range.total': 'a range: the noun agrees with {count}, the challenges shown',
	'list_shown.total':
		'a range: the words agree with {count}, the rows shown; "of {total}" does not inflect',
	'choice_shown.shown': 'the figure of {count} in the reader’s numbers: the words agree with it',
	'choice_shown.total': 'after "of": does not inflect',
	'manage_merge_more.shown':
		'the figure of {count} in the reader’s numbers: the words agree with it',
	'manage_merge_more.total':
		'after "of" (fi: elative, the same for every number): does not inflect',
	'mywork_workshops_shown.shown': 'after "Showing": a figure that does not inflect',
	'mywork_workshops_shown.total':
		'the figure of {count} in the reader’s numbers: the words agree with it',
	production_progress_line: 'a fraction: reached / goal',
	production_history_line: 'labels: started, progressed, results',
	production_summary_line: 'labels: results, clients progressed / started',
	production_share_of: 'a fraction after a label',
	jurychair_step_not_divisor: 'figures after a label or in brackets (step, maximum points)'
};

type Variant = { declarations?: string[]; selectors?: string[]; match?: Record<string, string> };
type Message = string | Variant[];

const load = (locale: string) => loadMessages<Message>(locale);

const placeholders = (message: Message) => [
	...new Set([...JSON.stringify(message).matchAll(/\{(\w+)\}/g)].map((x) => x[1]))
];

/** The inputs a message selects on by plural rules: `local xPlural = x: plural`. */
function pluralInputs(message: Message): Set<string> {
	if (typeof message === 'string') return new Set();
	const names = new Set<string>();
	for (const v of message) {
		for (const d of v.declarations ?? []) {
			const match = /^local (\w+) = (\w+): plural$/.exec(d);
			if (match && v.selectors?.includes(match[1])) names.add(match[2]);
		}
	}
	return names;
}

describe('plurals', () => {
	it('the three languages have only the plural categories one and other for whole numbers', () => {
		for (const locale of LOCALES) {
			const categories = new Set(
				Array.from({ length: 200 }, (_, i) => new Intl.PluralRules(locale).select(i))
			);
			expect([...categories].sort(), locale).toEqual(['one', 'other']);
		}
	});

	it.each(LOCALES)('every placeholder in %s is known as a count or not', (locale) => {
		const unknown = Object.entries(load(locale)).flatMap(([key, message]) =>
			placeholders(message)
				.filter((p) => !COUNTS.has(p) && !NOT_COUNTS.has(p))
				.map((p) => `${key}: {${p}}`)
		);
		expect(unknown, 'classify new placeholders in src/lib/plurals.test.ts').toEqual([]);
	});

	it.each(LOCALES)(
		'every count in %s has plural variants (or a reason it needs none)',
		(locale) => {
			const missing = Object.entries(load(locale)).flatMap(([key, message]) => {
				if (NO_PLURAL_NEEDED[key]) return [];
				const plural = pluralInputs(message);
				return placeholders(message)
					.filter((p) => COUNTS.has(p) && !plural.has(p) && !NO_PLURAL_NEEDED[`${key}.${p}`])
					.map((p) => `${key}: {${p}}`);
			});
			expect(missing).toEqual([]);
		}
	);

	it.each(LOCALES)('every plural message in %s has a one and an other form', (locale) => {
		for (const [key, message] of Object.entries(load(locale))) {
			if (typeof message === 'string') continue;
			for (const v of message) {
				const keys = Object.keys(v.match ?? {});
				for (const selector of v.selectors ?? []) {
					for (const form of ['one', 'other']) {
						// `*` is the catch-all: it stands for other.
						const forms = form === 'other' ? ['other', '*'] : [form];
						expect(
							keys.some((k) =>
								k.split(/,\s*/).some((part) => forms.some((f) => part === `${selector}=${f}`))
							),
							`${locale}.${key} ${selector}=${form}`
						).toBe(true);
					}
				}
			}
		}
	});

	it('the reported cases read right', () => {
		expect(m.challenge_team_size({ count: 1 }, { locale: 'en' })).toBe('At least 1 team member');
		expect(m.challenge_team_size({ count: 3 }, { locale: 'en' })).toBe('At least 3 team members');
		expect(m.editor_points_total({ points: 1 }, { locale: 'fi' })).toBe('1 piste');
		expect(m.editor_points_total({ points: 70 }, { locale: 'fi' })).toBe('70 pistettä');
		expect(m.workshop_team_members({ count: 1 }, { locale: 'fi' })).toBe('1 jäsen');
		expect(m.workshop_team_members({ count: 4 }, { locale: 'fi' })).toBe('4 jäsentä');
		expect(m.workshop_team_members({ count: 1 }, { locale: 'sv' })).toBe('1 medlem');
		expect(m.workshop_note_dots({ count: 1 }, { locale: 'sv' })).toBe('1 prick');
		expect(m.screening_shortfall_size({ have: 1, need: 2 }, { locale: 'en' })).toBe(
			'The team has 1 member; at least 2 are required.'
		);
	});
});

describe('plural rules made once (issue 16)', () => {
	let imports = 0;
	/** The compiled registry as the build serves it, imported afresh (a module of its own). */
	async function servedRegistry() {
		const code =
			pluralRulesOnce(readFileSync('src/lib/paraglide/registry.js', 'utf8')) +
			`\n// import ${++imports}`;
		const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
		return (await import(/* @vite-ignore */ url)) as {
			plural: (locale: string, input: unknown, options?: Intl.PluralRulesOptions) => string;
		};
	}

	it('answers as a new Intl.PluralRules would, cardinal and ordinal, in every language', async () => {
		const { plural } = await servedRegistry();
		for (const locale of LOCALES)
			for (const type of ['cardinal', 'ordinal'] as const)
				for (const n of [0, 1, 2, 3, 11, 21, 1.5, '7', -1])
					expect(plural(locale, n, { type }), `${locale} ${type} ${n}`).toBe(
						new Intl.PluralRules(locale, { type }).select(Number(n))
					);
	});

	it('makes one Intl.PluralRules per language and options, not one per message', async () => {
		const { plural } = await servedRegistry();
		const made = vi.spyOn(Intl, 'PluralRules');
		try {
			for (let i = 0; i < 50; i++) for (const locale of LOCALES) plural(locale, i, {});
			plural('fi', 2, { type: 'ordinal' });
			expect(made).toHaveBeenCalledTimes(LOCALES.length + 1);
		} finally {
			made.mockRestore();
		}
	});

	it('refuses a registry that no longer has the line it replaces', () => {
		expect(() => pluralRulesOnce('export function plural() { return "other" }')).toThrow(
			/no longer makes Intl.PluralRules/
		);
	});
});
