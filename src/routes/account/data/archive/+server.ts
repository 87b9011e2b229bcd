import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/http/guards';
import { hit } from '$lib/server/http/limits';
import { archiveName, exportPersonalData } from '$lib/server/privacy/export';
import { readme } from '$lib/server/privacy/texts';
import type { RequestHandler } from './$types';

/**
 * The "Download my data" archive as a ZIP attachment, never cached. A form POST (no
 * JavaScript needed; the export writes an audit entry, so it is no GET). Over the rate
 * limit (LIMITS.dataExport) it goes back to /account/data, which says how long to wait.
 */
export const POST: RequestHandler = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const ms = await hit(locals.db, 'dataExport', user.id);
	if (ms) redirect(303, `/account/data?wait=${ms}`);
	const zip = await exportPersonalData(locals.db, user, readme(user.email));
	return new Response(zip as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="${archiveName()}"`,
			'content-length': String(zip.byteLength),
			'cache-control': 'no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
