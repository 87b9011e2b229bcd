/**
 * What a chair sends to record a decision (issue 13): zod schemas of the items and the
 * details that public.decision_prepare / public.decision_correct take
 * (supabase/migrations/20261206000100_decisions.sql). Lengths are the database's; the
 * rules of the decision itself (top k, deviation, reasons) are checked at publication
 * (public.decision_publish, the rule of checkDecision in ./decision.ts).
 */
import { z } from 'zod';
import { LOCALES } from '$lib/domain/locale';

export const DECIDED_STAGES = ['shortlisting', 'selection', 'proof_of_concept'] as const;
export type DecidedStage = (typeof DECIDED_STAGES)[number];

const points = z.number().min(0).max(9_999_999).nullable().optional();

/** One item of a decision: chosen or not, its rank in the jury's ranking, the reason. */
export const decisionItemSchema = z.object({
	itemKind: z.literal('application').default('application'),
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
