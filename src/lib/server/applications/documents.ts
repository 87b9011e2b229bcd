import type { Queryable } from '../db';

/** The stored key and name of an application's document, when RLS shows it to the caller. */
export async function findDocument(tx: Queryable, applicationId: string, documentId: string) {
	const [doc] = await tx.query<{ fileKey: string; fileName: string }>(
		`select file_key as "fileKey", file_name as "fileName" from public.application_documents
		 where id = $1 and application_id = $2`,
		[documentId, applicationId]
	);
	return doc ?? null;
}
