import { z } from 'zod';
import { PHASE_KINDS, type Phase } from './board';
import { fromHelsinkiLocal } from './helsinki-time';
import type { FormErrors, RawForm } from './challenge-schemas';

// Error messages are message keys; the page shows them in the reader's language.

export const WORKSHOP_MODES = ['shared', 'team_boards'] as const;
export const AGENDA_MAX = 30;
/** Empty agenda rows offered after the filled ones, as the criteria editor does. */
export const AGENDA_BLANK_ROWS = 2;

export interface ScheduleForm {
	challengeId: string;
	title: string;
	startsAt: Date;
	mode: (typeof WORKSHOP_MODES)[number];
	agenda: Phase[];
	teamIds: string[];
	staffIds: string[];
	expertEmails: string[];
}

const basics = z.object({
	challengeId: z.uuid({ error: 'error_workshop_challenge' }),
	title: z
		.string({ error: 'error_required' })
		.trim()
		.min(2, { error: 'error_workshop_title' })
		.max(200, { error: 'error_text_long' }),
	startsAt: z
		.string({ error: 'error_required' })
		.transform((v) => fromHelsinkiLocal(v))
		.pipe(z.date({ error: 'error_workshop_starts_at' })),
	mode: z.enum(WORKSHOP_MODES, { error: 'error_workshop_mode' })
});

const phaseRow = z.object({
	kind: z.enum(PHASE_KINDS, { error: 'error_workshop_phase_kind' }),
	title: z
		.string()
		.trim()
		.min(1, { error: 'error_workshop_phase_title' })
		.max(80, { error: 'error_text_long' }),
	minutes: z.coerce
		.number({ error: 'error_workshop_phase_minutes' })
		.int({ error: 'error_workshop_phase_minutes' })
		.min(1, { error: 'error_workshop_phase_minutes' })
		.max(480, { error: 'error_workshop_phase_minutes' })
});

const emailList = z.array(z.email({ error: 'error_workshop_expert_email' })).max(50, {
	error: 'error_workshop_expert_many'
});

/** Ids from checkbox fields `<prefix><uuid>`, each checked once. */
const checkedIds = (raw: RawForm, prefix: string) =>
	Object.keys(raw)
		.filter((k) => k.startsWith(prefix))
		.map((k) => k.slice(prefix.length))
		.filter((id) => z.uuid().safeParse(id).success);

/** The agenda row numbers present in the form (`p<i>_kind`, `p<i>_title`, `p<i>_minutes`). */
const agendaRows = (raw: RawForm) =>
	[...new Set(Object.keys(raw).flatMap((k) => /^p(\d{1,2})_/.exec(k)?.[1] ?? []))]
		.map(Number)
		.sort((a, b) => a - b);

/** Comma, semicolon or space separated addresses, lower case, each once. */
export const splitEmails = (text: string) => [
	...new Set(
		text
			.split(/[,;\s]+/)
			.map((e) => e.trim().toLowerCase())
			.filter(Boolean)
	)
];

/** The schedule form: basics, agenda rows (blank rows skipped), teams, staff, experts. */
export function parseSchedule(
	raw: RawForm
): { ok: true; data: ScheduleForm } | { ok: false; errors: FormErrors } {
	const errors: FormErrors = {};
	const head = basics.safeParse(raw);
	if (!head.success)
		for (const issue of head.error.issues) errors[String(issue.path[0])] ??= issue.message;

	const agenda: Phase[] = [];
	for (const i of agendaRows(raw)) {
		const title = raw[`p${i}_title`]?.trim() ?? '';
		const minutes = raw[`p${i}_minutes`]?.trim() ?? '';
		if (!title && !minutes) continue;
		const row = phaseRow.safeParse({ kind: raw[`p${i}_kind`], title, minutes });
		if (row.success) agenda.push(row.data);
		else
			for (const issue of row.error.issues)
				errors[`p${i}_${String(issue.path[0])}`] ??= issue.message;
	}
	if (!agenda.length && !Object.keys(errors).some((k) => k.startsWith('p')))
		errors.agenda = 'error_workshop_agenda_empty';
	if (agenda.length > AGENDA_MAX) errors.agenda = 'error_workshop_agenda_long';

	const emails = emailList.safeParse(splitEmails(raw.experts ?? ''));
	if (!emails.success) errors.experts = emails.error.issues[0].message;

	const teamIds = checkedIds(raw, 'team_');
	if (head.success && head.data.mode === 'team_boards' && !teamIds.length)
		errors.teams = 'error_workshop_teams_needed';

	if (Object.keys(errors).length || !head.success || !emails.success) return { ok: false, errors };
	return {
		ok: true,
		data: {
			...head.data,
			agenda,
			teamIds,
			staffIds: checkedIds(raw, 'staff_'),
			expertEmails: emails.data
		}
	};
}

/** The agenda as form fields, to fill the editor (the default template at first). */
export const agendaFields = (agenda: Phase[]): RawForm =>
	Object.fromEntries(
		agenda.flatMap((p, i) => [
			[`p${i}_kind`, p.kind],
			[`p${i}_title`, p.title],
			[`p${i}_minutes`, String(p.minutes)]
		])
	);
