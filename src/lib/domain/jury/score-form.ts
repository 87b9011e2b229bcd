/**
 * The juror's score form (issue 13, "Jurors can"): what a posted form holds, read into the
 * scorecard public.jury_save_scores and public.jury_submit_scores take, and checked by the
 * same rule the database holds (validateScore, parity-tested against
 * private.jury_score_problem), so the page refuses what the database would refuse, in the
 * same words (message keys `jury_refusal_<code>`).
 */
import { z } from 'zod';
import { readDecimal } from '$lib/domain/decimal';
import { isUuid } from '$lib/domain/route-params';
import { validateScore, type ScoreIssueCode } from './scores';
import { isBlank } from '$lib/domain/text';

/** A criterion as the form knows it: its id and the most points it gives. */
export interface FormCriterion {
	id: string;
	maxPoints: number;
}

/** One criterion's score as the database functions take it (points null: left empty). */
export interface ScoreEntry {
	criterion: string;
	points: number | null;
	justification: string;
}

/** The form field of a criterion's points, and of its justification. */
export const pointsField = (criterion: string) => `points_${criterion}`;
export const justificationField = (criterion: string) => `justification_${criterion}`;

/**
 * A typed number of points: empty → null; a decimal comma is read as a point (Finnish and
 * Swedish write 7,5), spaces are thousands separators; anything else → NaN (readDecimal).
 */
export const readPoints = (raw: string | undefined): number | null => readDecimal(raw);

/** Issues a draft may carry (it is saved unfinished): only what a submit needs. */
const DRAFT_ALLOWS: ReadonlySet<ScoreIssueCode> = new Set([
	'score_missing',
	'justification_missing'
]);

/** The field an issue belongs to. */
const fieldOf = (code: ScoreIssueCode, criterion: string) =>
	code.startsWith('score') ? pointsField(criterion) : justificationField(criterion);

/**
 * The schema of a posted score form for `criteria` (in the stage's order) at `step`:
 * parses the text fields into one ScoreEntry per criterion. With `final` (submit) every
 * criterion needs points and a justification that stand; a draft only needs what it
 * gives to stand (points in range and on the step, a justification not too long).
 * Issues carry the field name as path and a message key as message: the database's words
 * (`jury_refusal_<code>`), or `juror_points_not_a_number` for text that is no number.
 */
export function scoreFormSchema(criteria: readonly FormCriterion[], step: number, final: boolean) {
	return z.record(z.string(), z.string()).transform((raw, ctx): ScoreEntry[] =>
		criteria.map((c) => {
			const points = readPoints(raw[pointsField(c.id)]);
			const justification = raw[justificationField(c.id)] ?? '';
			if (Number.isNaN(points)) {
				ctx.addIssue({
					code: 'custom',
					path: [pointsField(c.id)],
					message: 'juror_points_not_a_number'
				});
			}
			for (const code of validateScore({ points, justification }, c.maxPoints, step)) {
				if (Number.isNaN(points) && code.startsWith('score')) continue;
				if (!final && DRAFT_ALLOWS.has(code)) continue;
				ctx.addIssue({
					code: 'custom',
					path: [fieldOf(code, c.id)],
					message: `jury_refusal_${code}`
				});
			}
			return { criterion: c.id, points, justification: justification.trim() };
		})
	);
}

/** A revision of one submitted score in the consensus step: new points, justification, reason. */
export function revisionSchema(maxPoints: number, step: number) {
	return z
		.object({
			score: z.uuid('jury_refusal_bad_input'),
			points: z.string().default(''),
			justification: z.string().default(''),
			reason: z.string().default('')
		})
		.transform((raw, ctx) => {
			const points = readPoints(raw.points);
			if (Number.isNaN(points)) {
				ctx.addIssue({ code: 'custom', path: ['points'], message: 'juror_points_not_a_number' });
			}
			for (const code of validateScore(
				{ points, justification: raw.justification },
				maxPoints,
				step
			)) {
				if (Number.isNaN(points) && code.startsWith('score')) continue;
				ctx.addIssue({
					code: 'custom',
					path: [code.startsWith('score') ? 'points' : 'justification'],
					message: `jury_refusal_${code}`
				});
			}
			const reason = raw.reason.trim();
			if (isBlank(reason))
				ctx.addIssue({ code: 'custom', path: ['reason'], message: 'jury_refusal_reason_missing' });
			else if (reason.length > 2000) {
				ctx.addIssue({ code: 'custom', path: ['reason'], message: 'jury_refusal_reason_too_long' });
			}
			return {
				score: raw.score,
				points: points ?? 0,
				justification: raw.justification.trim(),
				reason
			};
		});
}

/** The form field of an item's declaration: 'yes' a conflict of interest, 'no' none. */
export const conflictField = (item: string) => `conflict_${item}`;

/**
 * The declarations a posted conflict form holds: every `conflict_<item>` answered 'yes'
 * or 'no' (unanswered ones are left out), and whether the juror confirmed (`confirm` =
 * 'yes'), which a conflict needs because it is final. An item id that is no uuid is
 * refused (jury_refusal_bad_input); the database refuses an item the stage does not score.
 */
export const declarationFormSchema = z.record(z.string(), z.string()).transform((raw, ctx) => {
	const declarations: { item: string; conflict: boolean }[] = [];
	for (const [field, value] of Object.entries(raw)) {
		if (!field.startsWith('conflict_') || (value !== 'yes' && value !== 'no')) continue;
		const item = field.slice('conflict_'.length);
		if (!isUuid(item)) {
			ctx.addIssue({ code: 'custom', path: ['form'], message: 'jury_refusal_bad_input' });
			continue;
		}
		declarations.push({ item, conflict: value === 'yes' });
	}
	return { declarations, confirmed: raw.confirm === 'yes' };
});
