import type { Queryable } from './db';
import type { WorkEntryForm } from '$lib/domain/team-schemas';
import type { WorkHistoryEntry } from '$lib/domain/work-history';
import { month, monthDate } from './teams';

/** A `WorkHistoryEntry` from a row of public.work_entries. */
export const WORK_ENTRY_COLUMNS = `id, area, organisation, role, ${month('start_month')} as start,
  ${month('end_month')} as "end", description, evidence_url as "evidenceUrl",
  evidence_file as "evidenceFile", lang`;

/** The caller's own work history, newest first. */
export function myWorkEntries(tx: Queryable, userId: string) {
	return tx.query<WorkHistoryEntry>(
		`select ${WORK_ENTRY_COLUMNS} from public.work_entries where user_id = $1
		 order by coalesce(end_month, 'infinity'::date) desc, start_month desc`,
		[userId]
	);
}

/** The form's columns in table order, area to evidence address, as query parameters. */
const formParams = (form: WorkEntryForm) => [
	form.area,
	form.organisation,
	form.role,
	monthDate(form.start),
	monthDate(form.end),
	form.description,
	form.evidenceUrl,
	form.lang ?? null
];

export async function addWorkEntry(
	tx: Queryable,
	form: WorkEntryForm,
	evidenceFile: string | null
): Promise<string> {
	const [row] = await tx.query<{ id: string }>(
		`insert into public.work_entries
		   (area, organisation, role, start_month, end_month, description, evidence_url, lang,
		    evidence_file)
		 values ($1, $2, $3, $4, $5, $6, nullif($7, ''), coalesce($8, private.caller_locale()), $9)
		 returning id`,
		[...formParams(form), evidenceFile]
	);
	return row.id;
}

/**
 * Changes an entry of the caller's; `evidenceFile` undefined keeps the current file.
 * Returns null when the entry is not the caller's (nothing changed), else the file it no
 * longer refers to (replaced or removed), for the caller to drop after the commit.
 */
export async function updateWorkEntry(
	tx: Queryable,
	id: string,
	form: WorkEntryForm,
	evidenceFile: string | null | undefined
): Promise<{ replaced: string | null } | null> {
	const [before] = await tx.query<{ evidence_file: string | null }>(
		'select evidence_file from public.work_entries where id = $1 and user_id = auth.uid() for update',
		[id]
	);
	if (!before) return null;
	const rows = await tx.query(
		`update public.work_entries set area = $2, organisation = $3, role = $4, start_month = $5,
		   end_month = $6, description = $7, evidence_url = nullif($8, ''), lang = coalesce($9, lang),
		   evidence_file = case when $11 then $10 else evidence_file end
		 where id = $1 and user_id = auth.uid() returning id`,
		[id, ...formParams(form), evidenceFile ?? null, evidenceFile !== undefined]
	);
	if (rows.length !== 1) return null;
	const replaced =
		evidenceFile !== undefined && before.evidence_file !== evidenceFile
			? before.evidence_file
			: null;
	return { replaced };
}

/** Deletes an entry of the caller's; null when there was none, else its file (to drop). */
export async function deleteWorkEntry(
	tx: Queryable,
	id: string
): Promise<{ file: string | null } | null> {
	const [row] = await tx.query<{ evidence_file: string | null }>(
		'delete from public.work_entries where id = $1 and user_id = auth.uid() returning evidence_file',
		[id]
	);
	return row ? { file: row.evidence_file } : null;
}
