import { error } from '@sveltejs/kit';
import { parseCriteria } from '$lib/domain/challenge-schemas';
import type { Stage } from '$lib/domain/stages';
import { saveCriteria } from '$lib/server/challenges/editor';
import { saveSection } from '$lib/server/challenges/save-section';
import { invalid, readForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/guards';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const stages = await locals.db.as(user, (tx) =>
			tx.query<{ stage: Stage }>(
				`select s.stage from public.challenge_stages s where s.challenge_id = $1
				 and private.is_challenge_member(s.challenge_id)`,
				[params.id]
			)
		);
		const raw = (await readForm(request)) ?? {};
		if (!raw) error(400, 'Bad request');
		const parsed = parseCriteria(
			raw,
			stages.map((s) => s.stage)
		);
		if (!parsed.ok) return invalid(raw, parsed.errors);
		return saveSection(locals, user, params.id, raw, parsed.reason, (tx, editor) =>
			saveCriteria(tx, editor, params.id, parsed.data, parsed.reason)
		);
	}
};
