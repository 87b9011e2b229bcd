import { json } from '@sveltejs/kit';
import { draftSchema } from '$lib/domain/application-schemas';
import { SAVE_REFUSALS, saveDraftAs } from '$lib/server/applications/editor';
import { translate } from '$lib/server/i18n';
import type { RequestHandler } from './$types';

/** Autosave: 200 {version, savedAt} | 400/401/404/409 {reason, message}. */
export const PUT: RequestHandler = async ({ locals, params, request }) => {
	const id = params.id;
	const user = locals.user;
	if (!user)
		return json({ reason: 'signed_out', message: translate('error_signed_out') }, { status: 401 });
	const body = await request.json().catch(() => undefined);
	const parsed = draftSchema.safeParse(body);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const key = issue.message.startsWith('error_') ? issue.message : 'error_form';
		return json({ reason: 'invalid', message: translate(key), path: issue.path }, { status: 400 });
	}
	const result = await saveDraftAs(locals.db, user, id, parsed.data);
	if (result.ok) return json({ version: result.version, savedAt: result.savedAt });
	const refusal = SAVE_REFUSALS[result.reason];
	return json(
		{ reason: result.reason, message: translate(refusal.message) },
		{ status: refusal.status }
	);
};
