import { error } from '@sveltejs/kit';
import { parseCriteria } from '$lib/domain/challenge-schemas';
import { applyRowOp, parseRowOp } from '$lib/domain/form-rows';
import { saveCriteria } from '$lib/server/challenges/editor';
import { saveSection } from '$lib/server/challenges/save-section';
import { invalid, readForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const raw = await readForm(request);
		if (!raw) error(400, 'Bad request');
		// A row button (add, remove, move) without JavaScript: the form again, edited, unsaved.
		const op = parseRowOp(raw.row);
		if (op) {
			const { row: _row, ...rest } = raw;
			return { edited: true as const, ...applyRowOp(rest, 'c', op) };
		}
		const parsed = parseCriteria(raw);
		if (!parsed.ok) return invalid(raw, parsed.errors);
		return saveSection(locals, user, params.id, raw, parsed.reason, (tx, editor) =>
			saveCriteria(tx, editor, params.id, parsed.data, parsed.reason)
		);
	}
};
