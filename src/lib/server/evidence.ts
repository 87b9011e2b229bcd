import type { Queryable } from './db';
import { MAX_EVIDENCE_BYTES } from '$lib/domain/upload-limits';
import { getStorage, IMAGE_TYPES, type CheckResult } from './storage';

export { MAX_EVIDENCE_BYTES };

export const EVIDENCE_TYPES: readonly string[] = [...IMAGE_TYPES, 'application/pdf'];

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
 * team submitted to a challenge of theirs) AND have been uploaded by that row's owner
 * (public.stored_objects: a work entry's person, a member or the creator of the project's
 * team, a document's uploader). A key pointed at someone else's file reads nothing.
 */
export async function canReadEvidence(tx: Queryable, key: string): Promise<boolean> {
	const [row] = await tx.query<{ ok: boolean }>(
		`select exists (
		     select 1 from public.work_entries w
		     join public.stored_objects o on o.key = w.evidence_file and o.owner_id = w.user_id
		     where w.evidence_file = $1)
		   or exists (
		     select 1 from public.team_projects p
		     join public.stored_objects o on o.key = p.evidence_file
		     where p.evidence_file = $1 and (o.owner_id = p.created_by or exists (
		       select 1 from public.team_members m where m.team_id = p.team_id and m.user_id = o.owner_id)))
		   or exists (
		     select 1 from public.application_documents d
		     join public.stored_objects o on o.key = d.file_key and o.owner_id = d.uploaded_by
		     where d.file_key = $1) as ok`,
		[key]
	);
	return row.ok;
}

/** SQLSTATE of the database's refusal to change a submitted application's content. */
const NOT_A_DRAFT = '55000';

/** Whether a database error is the refusal to change a submitted application. */
export const isNotADraft = (e: unknown) =>
	typeof e === 'object' && e !== null && (e as { code?: string }).code === NOT_A_DRAFT;

/**
 * Attaches a stored file to a draft (RLS: a member of its team, while it is a draft). The
 * database waits for a submit in flight and refuses the attach once the application is
 * submitted (SQLSTATE 55000; the caller's transaction is then aborted, so call this last
 * in it and catch with isNotADraft), so a document is either in the snapshot or not
 * attached at all. The key must be the caller's own upload.
 */
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
