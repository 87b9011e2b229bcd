import { z } from 'zod';
import { emailField, localeField } from './account-schemas';
import { KNOWN_COMPETENCE_AREAS } from './challenge-schemas';
import { isMonth, normaliseArea, validateWorkEntry, type Month } from './experience';
import { isBlank, isFilled } from './text';

// Error messages are message keys; the page shows them in the reader's language.

/** The most organisations a team names (public.teams.home_organisations: cardinality ≤ 20). */
export const TEAM_ORGANISATIONS_MAX = 20;

/** The longest name of one of a team's organisations. */
export const TEAM_ORGANISATION_NAME_MAX = 200;

export const teamSchema = z.object({
	name: z
		.string({ error: 'error_required' })
		.trim()
		.min(2, { error: 'error_team_name_short' })
		.max(120, { error: 'error_text_long' })
		.refine(isFilled, { error: 'error_required' }),
	description: z.string().trim().max(2000, { error: 'error_text_long' }).default(''),
	// Comma-separated in the form, a list in the database.
	organisations: z
		.string()
		.trim()
		.max(1000, { error: 'error_text_long' })
		.default('')
		.transform((s) => [
			...new Set(
				s
					.split(',')
					.map((o) => o.trim())
					.filter((o) => !isBlank(o))
			)
		])
		.pipe(
			z
				.array(
					z.string().max(TEAM_ORGANISATION_NAME_MAX, { error: 'error_team_organisation_long' })
				)
				.max(TEAM_ORGANISATIONS_MAX, { error: 'error_team_organisations_many' })
		),
	// The team's working language, the language of its description (WCAG 3.1.2). Left out,
	// a new team takes its creator's interface language and a saved one keeps its own.
	lang: localeField.optional()
});
export type TeamForm = z.output<typeof teamSchema>;

export const inviteSchema = z.object({ email: emailField });

export const memberSchema = z.object({ userId: z.uuid({ error: 'error_form' }) });

/**
 * The earliest month a work history may name: a working life listed today began after
 * it, so 1900-01 is a typo, refused at its field (the future is refused with the period).
 */
export const WORK_MONTH_MIN = '1950-01';

const monthField = z
	.string({ error: 'error_required' })
	.trim()
	.refine(isFilled, { error: 'error_required', abort: true })
	.refine(isMonth, { error: 'error_month_invalid', abort: true })
	.refine((v) => v >= WORK_MONTH_MIN, { error: 'error_month_year' });

const optionalMonth = z
	.string()
	.trim()
	.default('')
	.refine((v) => v === '' || isMonth(v), { error: 'error_month_invalid', abort: true })
	.refine((v) => v === '' || v >= WORK_MONTH_MIN, { error: 'error_month_year' });

const evidenceUrl = z
	.string()
	.trim()
	.max(1000, { error: 'error_text_long' })
	.default('')
	.refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), { error: 'error_url_invalid' });

/** Start and end months checked together: in order, and neither in the future (Helsinki). */
function periodIssues(
	value: { start: Month; end: Month; ongoing: boolean },
	ctx: z.RefinementCtx,
	today: () => Date
) {
	const end = value.ongoing ? null : value.end || null;
	if (!value.ongoing && !value.end) {
		ctx.addIssue({ code: 'custom', path: ['end'], message: 'error_end_or_ongoing' });
		return;
	}
	const codes = validateWorkEntry({ start: value.start, end }, today());
	const at: Record<string, { path: string; message: string }> = {
		end_before_start: { path: 'end', message: 'error_end_before_start' },
		start_in_future: { path: 'start', message: 'error_month_future' },
		end_in_future: { path: 'end', message: 'error_month_future' }
	};
	for (const code of codes) {
		const issue = at[code];
		if (issue) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
	}
}

/** A required line of text of at most 200 characters. */
const requiredText = z
	.string({ error: 'error_required' })
	.trim()
	.refine(isFilled, { error: 'error_required', abort: true })
	.max(200, { error: 'error_text_long' });

/** What a work entry and a common project both have: a period, what was done, evidence. */
const periodAndEvidence = {
	start: monthField,
	end: optionalMonth,
	ongoing: z
		.string()
		.optional()
		.transform((v) => v === 'on'),
	description: z.string().trim().max(2000, { error: 'error_text_long' }).default(''),
	evidenceUrl
};

const areaKey = z
	.string({ error: 'error_required' })
	.trim()
	.refine(isFilled, { error: 'error_required', abort: true })
	.max(100, { error: 'error_text_long' });

/** A work-history entry as the form posts it; `today` is injectable for tests. */
export function workEntrySchema(today: () => Date = () => new Date()) {
	return z
		.object({
			area: areaKey,
			// When area is 'other', the person names it.
			otherArea: z.string().trim().max(100, { error: 'error_text_long' }).default(''),
			organisation: requiredText,
			role: requiredText,
			...periodAndEvidence,
			// The language the entry is written in; left out, the writer's interface language.
			lang: localeField.optional()
		})
		.superRefine((value, ctx) => {
			if (value.area === 'other' && !value.otherArea) {
				ctx.addIssue({ code: 'custom', path: ['otherArea'], message: 'error_required' });
			}
			periodIssues(value, ctx, today);
		})
		.transform(({ area, otherArea, ongoing, end, ...rest }) => ({
			...rest,
			area: area === 'other' ? normaliseArea(otherArea) : area,
			end: ongoing ? null : end
		}));
}
export type WorkEntryForm = z.output<ReturnType<typeof workEntrySchema>>;

/** A project the team did together: at least two of its members took part. */
export function teamProjectSchema(today: () => Date = () => new Date()) {
	return z
		.object({
			title: requiredText,
			...periodAndEvidence,
			memberIds: z
				.array(z.uuid({ error: 'error_form' }))
				.transform((ids) => [...new Set(ids)])
				.pipe(z.array(z.uuid()).min(2, { error: 'error_project_two_members' }))
		})
		.superRefine((value, ctx) => periodIssues(value, ctx, today))
		.transform(({ ongoing, end, ...rest }) => ({ ...rest, end: ongoing ? null : end }));
}
export type TeamProjectForm = z.output<ReturnType<typeof teamProjectSchema>>;

export const isKnownArea = (area: string) =>
	(KNOWN_COMPETENCE_AREAS as readonly string[]).includes(area);
