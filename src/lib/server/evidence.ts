import type { Queryable } from './db';
import { getStorage, IMAGE_TYPES, type CheckResult } from './storage';

export const EVIDENCE_TYPES: readonly string[] = [...IMAGE_TYPES, 'application/pdf'];
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/**
 * Judges an uploaded evidence file (PDF or image, by its bytes) without storing it; null
 * when none was chosen. The caller stores it (`FileChanges.write`) once the row that refers
 * to it was allowed.
 */
export async function checkEvidence(file: FormDataEntryValue | null): Promise<CheckResult | null> {
	if (!(file instanceof File) || file.size === 0) return null;
	if (file.size > MAX_EVIDENCE_BYTES) return { ok: false, reason: 'too_large' };
	const bytes = new Uint8Array(await file.arrayBuffer());
	return getStorage('private').check(bytes, {
		allowed: EVIDENCE_TYPES,
		maxBytes: MAX_EVIDENCE_BYTES
	});
}

/**
 * Whether the caller may read an evidence file: it must be referenced by a row RLS lets
 * them see (their own work history, their team's projects or documents, or what a
 * team submitted to a challenge of theirs).
 */
export async function canReadEvidence(tx: Queryable, key: string): Promise<boolean> {
	const [row] = await tx.query<{ ok: boolean }>(
		`select exists (select 1 from public.work_entries where evidence_file = $1)
		   or exists (select 1 from public.team_projects where evidence_file = $1)
		   or exists (select 1 from public.application_documents where file_key = $1) as ok`,
		[key]
	);
	return row.ok;
}

/** Attaches a stored file to a draft (RLS: a member of its team, while it is a draft). */
export async function attachDocument(
	tx: Queryable,
	applicationId: string,
	requirementId: string | null,
	file: { key: string; name: string; mime: string; size: number }
) {
	const rows = await tx.query(
		`insert into public.application_documents (application_id, requirement_id, file_key, file_name, mime, size)
		 select $1, $2, $3, $4, $5, $6
		 where private.is_draft_of_my_team($1)
		   and ($2::uuid is null or exists (
		     select 1 from public.challenge_requirements r join public.applications a on a.challenge_id = r.challenge_id
		     where a.id = $1 and r.id = $2))
		 returning id`,
		[applicationId, requirementId, file.key, file.name.slice(0, 255), file.mime, file.size]
	);
	return rows.length === 1;
}

/** Removes a draft's document (RLS); the removed file's key, or null when nothing was removed. */
export async function removeDocument(
	tx: Queryable,
	applicationId: string,
	documentId: string
): Promise<string | null> {
	const [row] = await tx.query<{ file_key: string }>(
		`delete from public.application_documents where id = $1 and application_id = $2
		 returning file_key`,
		[documentId, applicationId]
	);
	return row?.file_key ?? null;
}
