// A shortlisted team's concept (issue 14, "Concepts"): what it saves, how two of its
// versions differ, and the price of its final tender. The database holds the same limits
// (supabase/migrations/20261207000200_concept_functions.sql, public.concept_save and
// public.submit_final_tender refuse with the codes named here), and
// tests/integration/concepts.test.ts feeds both the same cases.
import { z } from 'zod';
import { listDiff, wordDiff, type DiffPart } from './amendment-diff';
import { readEuros } from './decimal';

/** Character limits of a concept's texts (the database checks the same). */
export const CONCEPT_LIMITS = {
	title: 200,
	summary: 1000,
	description: 20000,
	plan: 10000
} as const;
export type ConceptTextField = keyof typeof CONCEPT_LIMITS;
export const CONCEPT_TEXT_FIELDS = Object.keys(CONCEPT_LIMITS) as ConceptTextField[];

/** At most this many budget rows; each row's words at most BUDGET_ITEM_LIMIT characters. */
export const BUDGET_ROWS = 50;
export const BUDGET_ITEM_LIMIT = 200;
/** A budget row or a price at most this many cents (one billion euros). */
export const MAX_CENTS = 100_000_000_000;

/** One row of the budget: what it is for, in whole cents (never negative). */
export interface BudgetRow {
	item: string;
	cents: number;
}

/** What a save writes and a version keeps. */
export interface ConceptContent {
	title: string;
	summary: string;
	description: string;
	plan: string;
	budget: BudgetRow[];
}

const text = (max: number) => z.string().max(max, { error: 'concept_text_too_long' }).default('');

const budgetRowSchema = z.object({
	item: z
		.string()
		.trim()
		.min(1, { error: 'concept_budget_item_blank' })
		.max(BUDGET_ITEM_LIMIT, { error: 'concept_text_too_long' }),
	cents: z
		.number({ error: 'concept_budget_cents_invalid' })
		.int({ error: 'concept_budget_cents_invalid' })
		.min(0, { error: 'concept_budget_cents_invalid' })
		.max(MAX_CENTS, { error: 'concept_budget_cents_invalid' })
});

/** The content of a save, as JSON from the editor. */
export const conceptContentSchema = z
	.object({
		title: text(CONCEPT_LIMITS.title),
		summary: text(CONCEPT_LIMITS.summary),
		description: text(CONCEPT_LIMITS.description),
		plan: text(CONCEPT_LIMITS.plan),
		budget: z.array(budgetRowSchema).max(BUDGET_ROWS, { error: 'concept_budget_too_long' })
	})
	.strict();

/** A save: the version it was based on and the content. */
export const conceptSaveSchema = z
	.object({ version: z.number().int().min(0), content: conceptContentSchema })
	.strict();
export type ConceptSave = z.output<typeof conceptSaveSchema>;

/** The budget's total in cents. */
export const budgetTotal = (budget: readonly BudgetRow[]) =>
	budget.reduce((sum, row) => sum + row.cents, 0);

/**
 * The editor's form (`title`, `summary`, `description`, `plan`, `budget<n>_item`,
 * `budget<n>_euros`, `version`) as conceptSaveSchema takes it: empty budget rows are left
 * out, euros become cents (an amount that is not one stays a string, which the schema
 * refuses as concept_budget_cents_invalid).
 */
export function conceptFromForm(raw: Record<string, string>): unknown {
	const rows = new Map<number, { item: string; euros: string }>();
	for (const [key, value] of Object.entries(raw)) {
		const m = /^budget(\d{1,2})_(item|euros)$/.exec(key);
		if (!m) continue;
		const n = Number(m[1]);
		rows.set(n, { ...(rows.get(n) ?? { item: '', euros: '' }), [m[2]]: value });
	}
	const budget = [...rows.entries()]
		.sort(([a], [b]) => a - b)
		.map(([, r]) => r)
		.filter((r) => r.item.trim() !== '' || r.euros.trim() !== '')
		.map((r) => ({ item: r.item, cents: readEuros(r.euros) ?? r.euros }));
	return {
		version: Number(raw.version),
		content: {
			title: raw.title ?? '',
			summary: raw.summary ?? '',
			description: raw.description ?? '',
			plan: raw.plan ?? '',
			budget
		}
	};
}

/**
 * Why a concept cannot be submitted as a final tender, or null: a title, a summary and a
 * description are needed ('concept_incomplete'; the database checks the same).
 */
export function conceptIncomplete(content: ConceptContent): 'concept_incomplete' | null {
	return [content.title, content.summary, content.description].some((t) => t.trim() === '')
		? 'concept_incomplete'
		: null;
}

/**
 * Whether the price a final tender carries fits the stage (the database's rule in
 * public.submit_final_tender): with a price share above 0 a price of at least one cent
 * is required ('concept_price_missing' when none, 'concept_price_invalid' when 0, negative
 * or over MAX_CENTS); without one no price is taken ('concept_price_not_asked').
 */
export function priceIssue(
	priceShare: number | null,
	priceCents: number | null
): 'concept_price_missing' | 'concept_price_invalid' | 'concept_price_not_asked' | null {
	const asked = (priceShare ?? 0) > 0;
	if (!asked) return priceCents === null ? null : 'concept_price_not_asked';
	if (priceCents === null) return 'concept_price_missing';
	if (!Number.isInteger(priceCents) || priceCents <= 0 || priceCents > MAX_CENTS)
		return 'concept_price_invalid';
	return null;
}

/** How one field differs between two versions. */
export type VersionChange =
	| { kind: 'text'; field: ConceptTextField; parts: DiffPart[] }
	| { kind: 'budget'; removed: string[]; added: string[]; before: number; after: number };

/** A budget row as a reader compares it: its words and amount. */
const rowKey = (row: BudgetRow, euros: (cents: number) => string) =>
	`${row.item.trim()}: ${euros(row.cents)}`;

/**
 * What changed from `before` to `after`, field by field: each text as a word diff
 * (jsdiff, through wordDiff), the budget as the rows removed and added (worded with
 * `euros`) and its totals. Fields that did not change are left out, so two equal
 * versions give []. Line endings are compared as \n.
 */
export function versionChanges(
	before: ConceptContent,
	after: ConceptContent,
	euros: (cents: number) => string
): VersionChange[] {
	const norm = (s: string) => s.replace(/\r\n?/g, '\n');
	const changes: VersionChange[] = [];
	for (const field of CONCEPT_TEXT_FIELDS) {
		const [b, a] = [norm(before[field]), norm(after[field])];
		if (b !== a) changes.push({ kind: 'text', field, parts: wordDiff(b, a) });
	}
	const b = before.budget.map((r) => rowKey(r, euros));
	const a = after.budget.map((r) => rowKey(r, euros));
	if (b.join('\n') !== a.join('\n')) {
		const { removed, added } = listDiff(b, a);
		changes.push({
			kind: 'budget',
			removed,
			added,
			before: budgetTotal(before.budget),
			after: budgetTotal(after.budget)
		});
	}
	return changes;
}
