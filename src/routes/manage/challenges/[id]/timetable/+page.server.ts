import { error } from '@sveltejs/kit';
import { parseTimetable } from '$lib/domain/challenge-schemas';
import { saveTimetable } from '$lib/server/challenges/editor';
import { saveSection } from '$lib/server/challenges/save-section';
import { invalid, readForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/guards';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const [challenge] = await locals.db.as(user, (tx) =>
			tx.query<{ procedure: 'open_challenge' | 'innovation_partnership' }>(
				'select procedure from public.challenges where id = $1',
				[params.id]
			)
		);
		if (!challenge) error(404, 'Not found');
		const raw = (await readForm(request)) ?? {};
		const parsed = parseTimetable(raw, challenge.procedure);
		if (!parsed.ok) return invalid(raw, parsed.errors);
		return saveSection(locals, user, params.id, raw, parsed.reason, (tx, editor) =>
			saveTimetable(tx, editor, params.id, parsed.data, parsed.reason)
		);
	}
};
