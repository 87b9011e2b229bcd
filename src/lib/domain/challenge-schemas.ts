import { z } from 'zod';
import { PROCEDURES, type Procedure } from './challenge';
import { LOCALES, type Locale, type LocalizedText } from './locale';
import { localeField, optionalEmailField } from './account-schemas';
import { finnishDateTimeField, finnishDayField } from './finnish-datetime';
import { PROCEDURE_STAGES, type EvaluatedStage } from './stages';
import { validateTimetable, type StageWindow } from './timetable';
import { validateCriteria, type Criterion } from './criteria';
import { isBlank, isFilled } from './text';
import { readDecimal } from './decimal';
import { choiceField, requiredOr } from './field-errors';

/** Form values as posted: every field a string. */
export type RawForm = Record<string, string>;
/** Field name → message key. */
export type FormErrors = Record<string, string>;

export const KNOWN_COMPETENCE_AREAS = [
	'software_development',
	'service_design',
	'business_design',
	'project_management'
] as const;

export const LIMITS = {
	title: 200,
	summary: 300,
	body: 20_000,
	reason: 2000,
	statement: 1000,
	criterion: 300
};

/** `{ fi, sv, en }` from the fields `<prefix>_fi`, `<prefix>_sv`, `<prefix>_en`; blanks left out. */
export function localizedFrom(raw: RawForm, prefix: string): LocalizedText {
	const text: LocalizedText = {};
	for (const locale of LOCALES) {
		const value = raw[`${prefix}_${locale}`]?.trim();
		if (value !== undefined && !isBlank(value)) text[locale] = value;
	}
	return text;
}

function checkLengths(raw: RawForm, prefix: string, max: number, errors: FormErrors) {
	for (const locale of LOCALES) {
		if ((raw[`${prefix}_${locale}`]?.trim().length ?? 0) > max)
			errors[`${prefix}_${locale}`] = 'error_text_long';
	}
}

const reasonField = z.string().trim().max(LIMITS.reason, { error: 'error_text_long' }).default('');

export interface Basics {
	primaryLocale: Locale;
	procedure: Procedure;
	title: LocalizedText;
	summary: LocalizedText;
	body: LocalizedText;
	contactName: string;
	contactEmail: string;
	/** An open challenge's team reads submitted applications before the deadline (opt-out of sealing). */
	applicationsUnsealed?: boolean;
}

const basicsFields = z.object({
	primaryLocale: localeField,
	procedure: choiceField(PROCEDURES),
	contactName: z.string().trim().max(200, { error: 'error_text_long' }).default(''),
	contactEmail: optionalEmailField,
	applicationsUnsealed: z
		.string()
		.optional()
		.transform((v) => v === 'on'),
	reason: reasonField
});

export type Parsed<T> = { ok: true; data: T; reason: string } | { ok: false; errors: FormErrors };

/** The basics form: the title is required in the primary language. */
export function parseBasics(raw: RawForm): Parsed<Basics> {
	const errors: FormErrors = {};
	const fields = basicsFields.safeParse(raw);
	if (!fields.success) for (const i of fields.error.issues) errors[String(i.path[0])] ??= i.message;
	checkLengths(raw, 'title', LIMITS.title, errors);
	checkLengths(raw, 'summary', LIMITS.summary, errors);
	checkLengths(raw, 'body', LIMITS.body, errors);
	const title = localizedFrom(raw, 'title');
	if (fields.success && !title[fields.data.primaryLocale]) {
		errors[`title_${fields.data.primaryLocale}`] = 'error_title_primary_required';
	}
	if (!fields.success || Object.keys(errors).length) return { ok: false, errors };
	const { reason, ...rest } = fields.data;
	return {
		ok: true,
		reason,
		data: {
			...rest,
			title,
			summary: localizedFrom(raw, 'summary'),
			body: localizedFrom(raw, 'body')
		}
	};
}

/**
 * A required Helsinki date-time field as typed (`15.1.2027 16.00`, finnish-datetime.ts):
 * the instant, or null with the field's error — which says what to fix: the format, a day
 * the calendar lacks (31.2.), or a time the spring change skips (error_datetime_skipped).
 */
export function helsinkiField(value: string, field: string, errors: FormErrors): Date | null {
	const parsed = finnishDateTimeField.safeParse(value);
	if (parsed.success) return parsed.data;
	errors[field] = parsed.error.issues[0].message;
	return null;
}

/**
 * The timetable form: `<stage>_start`, `<stage>_end` in Helsinki time as Finns write it
 * (`15.1.2027 16.00`), `<stage>_decision` a day (`15.1.2027`, kept a `YYYY-MM-DD` day end
 * to end), `<stage>_signatory`.
 */
export function parseTimetable(raw: RawForm, procedure: Procedure): Parsed<StageWindow[]> {
	const errors: FormErrors = {};
	const windows: StageWindow[] = [];
	for (const stage of PROCEDURE_STAGES[procedure]) {
		const start = raw[`${stage}_start`]?.trim() ?? '';
		const end = raw[`${stage}_end`]?.trim() ?? '';
		const decision = raw[`${stage}_decision`]?.trim() ?? '';
		const signatory = raw[`${stage}_signatory`]?.trim() ?? '';
		if (!start && !end && !decision && isBlank(signatory)) continue;
		const startsAt = helsinkiField(start, `${stage}_start`, errors);
		const endsAt = helsinkiField(end, `${stage}_end`, errors);
		const day = finnishDayField.safeParse(decision);
		const decisionOn = day.success ? day.data : null;
		if (!day.success) errors[`${stage}_decision`] = day.error.issues[0].message;
		if (signatory.length > 200) errors[`${stage}_signatory`] = 'error_text_long';
		if (startsAt && endsAt)
			windows.push({
				stage,
				startsAt,
				endsAt,
				decisionOn,
				signatory: isBlank(signatory) ? null : signatory
			});
	}
	for (const issue of validateTimetable(procedure, windows)) {
		const field = {
			startsAt: 'start',
			endsAt: 'end',
			decisionOn: 'decision',
			signatory: 'signatory'
		}[issue.field];
		errors[`${issue.stage}_${field}`] ??= `error_timetable_${issue.code}`;
	}
	const reason = reasonField.safeParse(raw.reason);
	if (!reason.success) errors.reason = 'error_text_long';
	if (Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, data: windows, reason: reason.data ?? '' };
}

/** How many criterion and requirement rows a form offers beyond those already saved. */
export const BLANK_ROWS = 2;

export interface CriteriaForm {
	criteria: Criterion[];
	priceShare: number | null;
}

const rowIndexes = (raw: RawForm, prefix: string) =>
	[
		...new Set(
			Object.keys(raw).flatMap((k) => new RegExp(`^${prefix}(\\d{1,3})_`).exec(k)?.[1] ?? [])
		)
	]
		.map(Number)
		.sort((a, b) => a - b);

/** Criteria rows `c<i>_stage`, `c<i>_name_<locale>`, `c<i>_description_<locale>`, `c<i>_points`; blank rows are skipped. */
export function parseCriteria(raw: RawForm): Parsed<CriteriaForm> {
	const errors: FormErrors = {};
	const criteria: Criterion[] = [];
	const rowOf: number[] = [];
	for (const i of rowIndexes(raw, 'c')) {
		const name = localizedFrom(raw, `c${i}_name`);
		const description = localizedFrom(raw, `c${i}_description`);
		const points = raw[`c${i}_points`]?.trim() ?? '';
		if (!Object.keys(name).length && !points && !Object.keys(description).length) continue;
		const stage = raw[`c${i}_stage`] === 'shortlisting' ? 'shortlisting' : 'selection';
		checkLengths(raw, `c${i}_name`, LIMITS.criterion, errors);
		checkLengths(raw, `c${i}_description`, LIMITS.statement, errors);
		const maxPoints = readDecimal(points) ?? NaN;
		if (Number.isNaN(maxPoints)) errors[`c${i}_points`] = 'error_points_invalid';
		criteria.push({ stage: stage as EvaluatedStage, name, description, maxPoints });
		rowOf.push(i);
	}
	const share = raw.priceShare?.trim() ?? '';
	const priceShare = readDecimal(share);
	for (const issue of validateCriteria(criteria, priceShare)) {
		if ('index' in issue) {
			const field =
				issue.code === 'name_missing'
					? `c${rowOf[issue.index]}_name_fi`
					: `c${rowOf[issue.index]}_points`;
			errors[field] ??= `error_criteria_${issue.code}`;
		} else errors.priceShare = 'error_criteria_price_share_out_of_range';
	}
	const reason = reasonField.safeParse(raw.reason);
	if (!reason.success) errors.reason = 'error_text_long';
	if (Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, data: { criteria, priceShare }, reason: reason.data ?? '' };
}

export interface RequirementsForm {
	requirements: LocalizedText[];
	competenceAreas: string[];
	lookbackYears: number;
	minTeamSize: number;
	requireCommonHistory: boolean;
	ideaCount: number;
	shortlistCount: number | null;
	partnerCount: number | null;
	rewards: LocalizedText;
}

const int = (min: number, max: number) =>
	z.coerce
		.number({ error: 'error_number_invalid' })
		.int({ error: 'error_number_invalid' })
		.min(min, { error: 'error_number_range' })
		.max(max, { error: 'error_number_range' });
const optionalInt = (min: number, max: number) =>
	z.preprocess(
		(v) => (typeof v === 'string' && v.trim() === '' ? null : v),
		int(min, max).nullable()
	);

const requirementFields = z.object({
	lookbackYears: int(1, 10),
	minTeamSize: int(1, 50),
	ideaCount: int(1, 10),
	shortlistCount: optionalInt(1, 1000).default(null),
	partnerCount: optionalInt(1, 1000).default(null),
	customAreas: z.string().trim().max(500, { error: 'error_text_long' }).default(''),
	reason: reasonField
});

/** Minimum requirements (rows `r<i>_<locale>`), team requirements, counts and rewards. */
export function parseRequirements(raw: RawForm): Parsed<RequirementsForm> {
	const errors: FormErrors = {};
	const fields = requirementFields.safeParse(raw);
	if (!fields.success) for (const i of fields.error.issues) errors[String(i.path[0])] ??= i.message;
	const requirements: LocalizedText[] = [];
	for (const i of rowIndexes(raw, 'r')) {
		checkLengths(raw, `r${i}`, LIMITS.statement, errors);
		const statement = localizedFrom(raw, `r${i}`);
		if (Object.keys(statement).length) requirements.push(statement);
	}
	checkLengths(raw, 'rewards', LIMITS.statement, errors);
	if (!fields.success || Object.keys(errors).length) return { ok: false, errors };
	const { customAreas, reason, ...counts } = fields.data;
	const custom = customAreas
		.split(',')
		.map((a) => a.trim())
		.filter(Boolean);
	const competenceAreas = [
		...KNOWN_COMPETENCE_AREAS.filter((a) => raw[`area_${a}`] === 'on'),
		...custom
	];
	return {
		ok: true,
		reason,
		data: {
			...counts,
			requirements,
			competenceAreas: [...new Set(competenceAreas)],
			requireCommonHistory: raw.requireCommonHistory === 'on',
			rewards: localizedFrom(raw, 'rewards')
		}
	};
}

export const questionSchema = z.object({
	question: z
		.string({ error: 'error_required' })
		.trim()
		.refine(isFilled, { error: 'error_required', abort: true })
		.max(2000, { error: 'error_text_long' })
});

/** The owner's edited wording of a question before answering (issue 12): as a question's. */
export const rewordSchema = z.object({
	questionId: z.uuid({ error: 'error_form' }),
	wording: z
		.string({ error: 'error_required' })
		.trim()
		.refine(isFilled, { error: 'error_required', abort: true })
		.max(2000, { error: 'error_text_long' })
});

export const answerSchema = z.object({
	questionId: z.uuid({ error: 'error_form' }),
	answer: z
		.string({ error: 'error_required' })
		.trim()
		.refine(isFilled, { error: 'error_required', abort: true })
		.max(5000, { error: 'error_text_long' })
});

export const mergeSchema = z.object({
	questionId: z.uuid({ error: 'error_form' }),
	into: z.uuid({ error: requiredOr('error_merge_invalid') })
});
