import { error, redirect } from '@sveltejs/kit';
import { fileResponse, getStorage, SIGNED_URL_SECONDS } from '../storage';

/**
 * A private upload as a download: takes the row RLS showed the reader (its stored key and
 * the name it was uploaded under) or nothing; answers the file as an attachment, or 404
 * when the reader may not see the row or the file is gone. Application documents, concept
 * attachments and milestone evidence files are all served this way.
 */
export async function privateDownload(
	row: { fileKey: string; fileName: string } | null | undefined
): Promise<Response> {
	const storage = getStorage('private');
	const url =
		row &&
		(await storage.signedUrl(row.fileKey, { seconds: SIGNED_URL_SECONDS, download: row.fileName }));
	if (url) redirect(303, url);
	const file = row && (await storage.get(row.fileKey));
	if (!row || !file) error(404, 'Not found');
	return fileResponse(
		file,
		'private',
		`attachment; filename*=UTF-8''${encodeURIComponent(row.fileName)}`
	);
}
