import { z } from 'zod';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { LOCALES } from './locale';
import { isBlank } from './text';

/** Character limits of a preliminary idea's fields (the database checks the same). */
export const IDEA_LIMITS = { title: 120, problem: 1000, idea: 2000, value: 1000 } as const;
export type IdeaField = keyof typeof IDEA_LIMITS;
export const IDEA_FIELDS = Object.keys(IDEA_LIMITS) as IdeaField[];
export const EXPLANATION_LIMIT = 2000;

/** The most ideas an application holds (public.application_ideas: position 1…10). */
export const IDEAS_MAX = 10;

/** The most requirement answers a save carries: far above any challenge's requirements. */
const ANSWERS_MAX = 100;

export interface Idea {
	position: number;
	title: string;
	problem: string;
	idea: string;
	value: string;
}

export interface Answer {
	requirementId: string;
	meets: boolean | null;
	explanation: string;
}

const text = (max: number) => z.string().max(max, { error: 'error_idea_too_long' }).default('');

const ideaSchema = z.object({
	// An idea past the last is one too many; any other position is no form of ours.
	position: z
		.number({ error: 'error_form' })
		.int({ error: 'error_form' })
		.min(1, { error: 'error_form' })
		.max(IDEAS_MAX, { error: 'error_ideas_many' }),
	title: text(IDEA_LIMITS.title),
	problem: text(IDEA_LIMITS.problem),
	idea: text(IDEA_LIMITS.idea),
	value: text(IDEA_LIMITS.value)
});

const answerSchema = z.object({
	requirementId: z.uuid(),
	meets: z.boolean().nullable(),
	explanation: z.string().max(EXPLANATION_LIMIT, { error: 'error_text_long' }).default('')
});

/** What the editor saves, as JSON or as a form: the draft version it was based on and its content. */
export const draftSchema = z
	.object({
		version: z
			.number({ error: 'error_form' })
			.int({ error: 'error_form' })
			.min(1, { error: 'error_form' }),
		ideas: z.array(ideaSchema).max(IDEAS_MAX, { error: 'error_ideas_many' }),
		answers: z.array(answerSchema).max(ANSWERS_MAX, { error: 'error_form' }),
		// The language of the application (fi, sv or en: what the buyer accepts); left
		// out, the draft keeps its own (at first the team's working language).
		lang: z.enum(LOCALES, { error: 'error_locale_invalid' }).optional()
	})
	.strict()
	.refine((d) => new Set(d.ideas.map((i) => i.position)).size === d.ideas.length, {
		error: 'error_form'
	});
export type Draft = z.output<typeof draftSchema>;

/**
 * The editor's form fields `idea<n>_<field>`, `req_<id>_meets`, `req_<id>_explanation` and
 * `lang`, as draftSchema takes them.
 */
export function draftFromForm(raw: Record<string, string>): unknown {
	const ideas = new Map<number, Record<string, unknown>>();
	const answers = new Map<string, Record<string, unknown>>();
	for (const [key, value] of Object.entries(raw)) {
		const idea = /^idea(\d{1,2})_(title|problem|idea|value)$/.exec(key);
		if (idea) {
			const position = Number(idea[1]);
			ideas.set(position, { ...(ideas.get(position) ?? { position }), [idea[2]]: value });
		}
		const req = /^req_([0-9a-f-]{36})_(meets|explanation)$/.exec(key);
		if (req) {
			const current = answers.get(req[1]) ?? { requirementId: req[1], meets: null };
			if (req[2] === 'meets')
				current.meets = value === 'yes' ? true : value === 'no' ? false : null;
			else current.explanation = value;
			answers.set(req[1], current);
		}
	}
	return {
		version: Number(raw.version),
		ideas: [...ideas.values()],
		answers: [...answers.values()],
		...(raw.lang ? { lang: raw.lang } : {})
	};
}

export type Readiness =
	| { code: 'idea_missing'; position: number; field: IdeaField }
	| { code: 'idea_too_long'; position: number; field: IdeaField }
	| { code: 'too_many_ideas'; have: number; need: number }
	| { code: 'answer_missing'; requirementId: string };

/**
 * What still keeps a draft from being submitted: exactly `ideaCount` complete ideas
 * within their limits (a field of whitespace only is missing: isBlank) and a yes/no
 * answer to every minimum requirement. The database refuses the same drafts
 * (`private.submission_problem`, called by public.submit_application); the parity test
 * tests/integration/rule-parity.test.ts feeds both the same cases.
 */
export function submissionProblems(
	ideas: Idea[],
	answers: Answer[],
	ideaCount: number,
	requirementIds: string[]
): Readiness[] {
	const problems: Readiness[] = [];
	const byPosition = new Map(ideas.map((i) => [i.position, i]));
	for (let position = 1; position <= ideaCount; position++) {
		const idea = byPosition.get(position);
		for (const field of IDEA_FIELDS) {
			const value = idea?.[field].trim() ?? '';
			if (isBlank(value)) problems.push({ code: 'idea_missing', position, field });
			else if (value.length > IDEA_LIMITS[field])
				problems.push({ code: 'idea_too_long', position, field });
		}
	}
	const extra = ideas.filter(
		(i) => i.position > ideaCount && IDEA_FIELDS.some((f) => !isBlank(i[f]))
	);
	if (extra.length) {
		problems.push({ code: 'too_many_ideas', have: ideaCount + extra.length, need: ideaCount });
	}
	const answered = new Set(answers.filter((a) => a.meets !== null).map((a) => a.requirementId));
	for (const id of requirementIds) {
		if (!answered.has(id)) problems.push({ code: 'answer_missing', requirementId: id });
	}
	return problems;
}

/** JSON with object keys sorted at every depth, so equal content always has one text. */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(
					Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))
				)
			: v
	);
}

/** The SHA-256 every member receives: of the canonical JSON of the submitted content. */
export function contentDigest(content: unknown): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(canonicalJson(content))));
}

export interface ScreeningMark {
	requirementId: string;
	met: boolean;
	reason: string;
}

export interface Screening {
	marks: ScreeningMark[];
	decision: { eligible: boolean; justification: string } | null;
}

/**
 * The owner's screening form: `met_<id>` yes/no and `reason_<id>` per minimum requirement,
 * `decision` eligible/ineligible and its `justification`. A requirement not met needs a
 * reason; a decision needs every requirement marked and a justification; and an
 * application that fails a minimum requirement cannot be found eligible.
 */
export function parseScreening(
	raw: Record<string, string>,
	requirementIds: string[]
): { ok: true; data: Screening } | { ok: false; errors: Record<string, string> } {
	const errors: Record<string, string> = {};
	const marks: ScreeningMark[] = [];
	for (const id of requirementIds) {
		const met = raw[`met_${id}`] ?? '';
		const reason = (raw[`reason_${id}`] ?? '').trim();
		if (reason.length > 2000) errors[`reason_${id}`] = 'error_text_long';
		if (met !== 'yes' && met !== 'no') continue;
		if (met === 'no' && isBlank(reason)) errors[`reason_${id}`] = 'error_reason_for_unmet';
		marks.push({ requirementId: id, met: met === 'yes', reason });
	}
	const decision = raw.decision ?? '';
	const justification = (raw.justification ?? '').trim();
	if (justification.length > 4000) errors.justification = 'error_text_long';
	let decided: Screening['decision'] = null;
	if (decision === 'eligible' || decision === 'ineligible') {
		for (const id of requirementIds) {
			if (!marks.some((m) => m.requirementId === id)) errors[`met_${id}`] ??= 'error_mark_required';
		}
		if (isBlank(justification)) errors.justification = 'error_justification_required';
		if (decision === 'eligible' && marks.some((m) => !m.met)) {
			errors.decision = 'error_eligible_with_unmet';
		}
		decided = { eligible: decision === 'eligible', justification };
	} else if (decision !== '') errors.decision = 'error_form';
	if (Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, data: { marks, decision: decided } };
}
