import { changeTimetable, TimetableRefused } from '$lib/server/challenges/editor';
import { saveSection } from '$lib/server/challenges/save-section';
import { invalid, readForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const raw = (await readForm(request)) ?? {};
		try {
			// One capability: read the procedure and deadline, parse, judge the deadline, save.
			return await saveSection(locals, user, params.id, raw, raw.reason ?? '', (tx, editor) =>
				changeTimetable(tx, editor, params.id, raw, locals.locale ?? 'fi')
			);
		} catch (e) {
			if (e instanceof TimetableRefused) return invalid(raw, e.errors, 400, e.inputs);
			throw e;
		}
	}
};
