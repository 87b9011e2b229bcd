/**
 * What a chair sends to record a decision (issue 13): zod schemas of the items and the
 * details that public.decision_prepare / public.decision_correct take
 * (supabase/migrations/20261206000100_decisions.sql). Lengths are the database's; the
 * rules of the decision itself (top k, deviation, reasons) are checked at publication
 * (public.decision_publish, the rule of checkDecision in ./decision.ts).
 */
import { z } from 'zod';
import { LOCALES } from '$lib/domain/locale';
import { isBlank } from '$lib/domain/text';
import { readFinnishDay } from '$lib/domain/finnish-datetime';

export const DECIDED_STAGES = ['shortlisting', 'selection', 'proof_of_concept'] as const;
export type DecidedStage = (typeof DECIDED_STAGES)[number];

const points = z.number().min(0).max(9_999_999).nullable().optional();

/**
 * The kinds of item a decision names: an application (screening, shortlisting), a final
 * tender (selection), a concept (proof-of-concept go / no-go).
 */
export const DECISION_ITEM_KINDS = ['application', 'final_tender', 'concept'] as const;
export type DecisionItemKind = (typeof DECISION_ITEM_KINDS)[number];

/** One item of a decision: chosen or not, its rank in the jury's ranking, the reason. */
export const decisionItemSchema = z.object({
	itemKind: z.enum(DECISION_ITEM_KINDS).default('application'),
	item: z.uuid(),
	chosen: z.boolean(),
	rank: z.number().int().min(1).max(100_000).nullable().optional(),
	reason: z.string().max(4000).default(''),
	quality: points,
	price: points,
	total: points
});
export type DecisionItemInput = z.input<typeof decisionItemSchema>;

/** The decision's text and signature; unset fields take the database's defaults. */
export const decisionDetailsSchema = z.object({
	rationale: z.string().max(8000).optional(),
	deviation: z.string().max(4000).optional(),
	signatory: z.string().max(200).optional(),
	decidedOn: z.iso.date().optional(),
	comparisonPublished: z.boolean().optional(),
	appeal: z.string().max(8000).optional(),
	lang: z.enum(LOCALES).optional()
});
export type DecisionDetailsInput = z.input<typeof decisionDetailsSchema>;

export const decisionDraftSchema = z.object({
	items: z.array(decisionItemSchema).max(10_000),
	details: decisionDetailsSchema.default({})
});
export type DecisionDraftInput = z.input<typeof decisionDraftSchema>;

/** What the decision form needs of each ranked item: the jury's results, not the form's. */
export interface RankedItem {
	item: string;
	/** The item's kind; an application when absent. */
	kind?: DecisionItemKind;
	rank: number;
	quality: number | null;
	price: number | null;
	total: number | null;
}

/**
 * The chair's decision form as a draft (issue 13). Takes the posted text fields — a
 * checkbox `chosen:<item>` and a text `reason:<item>` per item, `rationale`, `deviation`,
 * `signatory`, `decidedOn` (d.m.yyyy or YYYY-MM-DD), `appeal`, `comparisonPublished` — and the stage's
 * ranked items as the server computed them: ranks and points come from there, never from
 * the form, and an item the form names but the stage does not rank is ignored. Blank
 * details are left out, so the database's defaults (the timetable's signatory and day,
 * the default appeal text) apply. Returns DecisionDraftInput for prepare/correct.
 */
export function decisionFormDraft(
	form: Readonly<Record<string, string>>,
	ranked: readonly RankedItem[]
): DecisionDraftInput {
	const text = (name: string) => {
		const value = form[name]?.trim();
		return value === undefined || isBlank(value) ? undefined : value;
	};
	// Typed as every day field of the app (d.m.yyyy) or as ISO; kept as typed when it is
	// neither, so that decisionDraftIssue refuses it.
	const typed = text('decidedOn');
	const reading = typed ? readFinnishDay(typed) : null;
	const decidedOn = reading?.ok ? reading.day : typed;
	return {
		items: ranked.map((r) => ({
			itemKind: r.kind ?? 'application',
			item: r.item,
			chosen: form[`chosen:${r.item}`] === 'on',
			rank: r.rank,
			reason: form[`reason:${r.item}`]?.trim() ?? '',
			quality: r.quality,
			price: r.price,
			total: r.total
		})),
		details: {
			rationale: text('rationale'),
			deviation: text('deviation'),
			signatory: text('signatory'),
			decidedOn,
			appeal: text('appeal'),
			comparisonPublished: form.comparisonPublished === 'on'
		}
	};
}

/**
 * Why a draft would not parse with decisionDraftSchema, as the database's refusal code
 * (so the page answers in the same words), or null when it parses: a reason over 4000
 * characters (decision_reason_too_long), a justification over 4000
 * (decision_justification_too_long), a day that is not a calendar day (decision_bad_input),
 * other text over its length (decision_text_too_long).
 */
export function decisionDraftIssue(draft: DecisionDraftInput): string | null {
	const parsed = decisionDraftSchema.safeParse(draft);
	if (parsed.success) return null;
	const [first, field] = parsed.error.issues[0].path;
	if (first === 'items') return 'decision_reason_too_long';
	if (field === 'deviation') return 'decision_justification_too_long';
	if (field === 'decidedOn') return 'decision_bad_input';
	return 'decision_text_too_long';
}
