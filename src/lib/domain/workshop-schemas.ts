import { z } from 'zod';
import { PHASE_KINDS, type Phase } from './board';
import { emailAddress } from './account-schemas';
import { canonicalEmail } from './email';
import { finnishDateTimeField } from './finnish-datetime';
import { LOCALES, type Locale } from './locale';
import type { FormErrors, RawForm } from './challenge-schemas';
import { isBlank, isFilled } from './text';

// Error messages are message keys; the page shows them in the reader's language.

export const WORKSHOP_MODES = ['shared', 'team_boards'] as const;
/** The most phases a workshop's agenda has. */
export const AGENDA_MAX = 30;
/** The most experts one invitation names. */
export const WORKSHOP_EXPERTS_MAX = 50;
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
		.max(200, { error: 'error_text_long' })
		.refine(isFilled, { error: 'error_workshop_title' }),
	// Typed as Finns write it (`1.12.2026 9.00`), read in Helsinki time; each refusal says why.
	startsAt: finnishDateTimeField,
	mode: z.enum(WORKSHOP_MODES, { error: 'error_workshop_mode' })
});

const titleIn = z.string().trim().max(80, { error: 'error_text_long' }).optional();
const phaseRow = z.object({
	kind: z.enum(PHASE_KINDS, { error: 'error_workshop_phase_kind' }),
	// In any of the app's languages, at least one; the board shows the reader's, else another.
	title: z
		.object({ fi: titleIn, sv: titleIn, en: titleIn })
		.transform((t) => Object.fromEntries(Object.entries(t).filter(([, v]) => !isBlank(v))))
		.refine((t) => Object.keys(t).length > 0, { error: 'error_workshop_phase_title' }),
	minutes: z.coerce
		.number({ error: 'error_workshop_phase_minutes' })
		.int({ error: 'error_workshop_phase_minutes' })
		.min(1, { error: 'error_workshop_phase_minutes' })
		.max(480, { error: 'error_workshop_phase_minutes' })
});

const emailList = z.array(emailAddress('error_workshop_expert_email')).max(WORKSHOP_EXPERTS_MAX, {
	error: 'error_workshop_expert_many'
});

/** Ids from checkbox fields `<prefix><uuid>`, each checked once. */
const checkedIds = (raw: RawForm, prefix: string) =>
	Object.keys(raw)
		.filter((k) => k.startsWith(prefix))
		.map((k) => k.slice(prefix.length))
		.filter((id) => z.uuid().safeParse(id).success);

/** The agenda row numbers present in the form (`p<i>_kind`, `p<i>_title_<locale>`, `p<i>_minutes`). */
const agendaRows = (raw: RawForm) =>
	[...new Set(Object.keys(raw).flatMap((k) => /^p(\d{1,2})_/.exec(k)?.[1] ?? []))]
		.map(Number)
		.sort((a, b) => a - b);

/** Comma, semicolon or space separated addresses, each once (canonical when valid). */
export const splitEmails = (text: string) => [
	...new Set(
		text
			.split(/[,;\s]+/)
			.map((e) => canonicalEmail(e) ?? e.trim())
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
		if (isBlankRow(raw, i)) continue;
		const title = Object.fromEntries(LOCALES.map((l) => [l, raw[`p${i}_title_${l}`] ?? '']));
		const minutes = raw[`p${i}_minutes`]?.trim() ?? '';
		const row = phaseRow.safeParse({ kind: raw[`p${i}_kind`], title, minutes });
		if (row.success) agenda.push(row.data);
		else
			for (const issue of row.error.issues)
				errors[`p${i}_${issue.path.map(String).join('_')}`] ??= issue.message;
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

/** Whether agenda row `i` was left empty: no title in any language and no minutes. */
const isBlankRow = (raw: RawForm, i: number) =>
	![...LOCALES.map((l) => `p${i}_title_${l}`), `p${i}_minutes`].some((k) => !isBlank(raw[k]));

/**
 * The agenda as form fields, to fill the editor (the default template at first). A title
 * without languages (planned before titles had them) goes in as `locale`'s.
 */
export const agendaFields = (agenda: Phase[], locale: Locale = 'fi'): RawForm =>
	Object.fromEntries(
		agenda.flatMap((p, i) => [
			[`p${i}_kind`, p.kind],
			...LOCALES.map((l) => [
				`p${i}_title_${l}`,
				(typeof p.title === 'string' ? { [locale]: p.title } : p.title)[l] ?? ''
			]),
			[`p${i}_minutes`, String(p.minutes)]
		])
	);

const AGENDA_FIELD = /^p\d{1,2}_/;

/**
 * The form with agenda row `index` moved one place `direction` among the rows that are
 * filled in (blank rows are left out and the rows numbered again from 0); every other
 * field as it was. Takes the form as posted by the editor's move buttons, so the order
 * can be changed without JavaScript. A move past either end changes only the numbering.
 */
export function moveAgendaRow(raw: RawForm, index: number, direction: 'up' | 'down'): RawForm {
	const filled = agendaRows(raw).filter((i) => !isBlankRow(raw, i));
	const at = filled.indexOf(index);
	const to = direction === 'up' ? at - 1 : at + 1;
	if (at >= 0 && to >= 0 && to < filled.length) [filled[at], filled[to]] = [filled[to], filled[at]];
	const rest = Object.entries(raw).filter(([k]) => !AGENDA_FIELD.test(k));
	const rows = filled.flatMap((from, n) =>
		Object.entries(raw)
			.filter(([k]) => k.startsWith(`p${from}_`))
			.map(([k, v]) => [`p${n}_${k.slice(`p${from}_`.length)}`, v] as const)
	);
	return Object.fromEntries([...rest, ...rows]);
}

/** A move button's value, `<row>:up` or `<row>:down`; null for anything else. */
export function readMove(
	value: string | undefined
): { index: number; direction: 'up' | 'down' } | null {
	const found = /^(\d{1,2}):(up|down)$/.exec(value ?? '');
	return found ? { index: Number(found[1]), direction: found[2] as 'up' | 'down' } : null;
}
