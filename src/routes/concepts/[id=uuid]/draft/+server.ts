import { json } from '@sveltejs/kit';
import { conceptSaveSchema } from '$lib/domain/concept';
import { saveConcept } from '$lib/server/concepts';
import { conceptRefusal } from '$lib/server/http/concept-refusals';
import { translate } from '$lib/server/i18n';
import type { RequestHandler } from './$types';

/**
 * Autosave of the concept editor, as the application draft's: 200 {version, savedAt} |
 * 400/401/404/409 {reason, message}; a teammate's newer save answers 409 reason
 * 'conflict' (the database refused it: nothing was overwritten).
 */
export const PUT: RequestHandler = async ({ locals, params, request }) => {
	const user = locals.user;
	if (!user)
		return json({ reason: 'signed_out', message: translate('error_signed_out') }, { status: 401 });
	const parsed = conceptSaveSchema.safeParse(await request.json().catch(() => undefined));
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const key = issue.message.startsWith('concept_')
			? issue.message.replace(/^concept_/, 'concept_refusal_')
			: 'error_form';
		return json({ reason: 'invalid', message: translate(key), path: issue.path }, { status: 400 });
	}
	try {
		const saved = await locals.db.as(user, (tx) => saveConcept(tx, params.id, parsed.data));
		return json(saved);
	} catch (e) {
		const refusal = conceptRefusal(e);
		if (!refusal) throw e;
		const reason = refusal.code === 'concept_conflict' ? 'conflict' : refusal.code;
		return json({ reason, message: refusal.message }, { status: refusal.status });
	}
};
