import { changeTimetable, TimetableRefused } from '$lib/server/challenges/editor';
import { saveSection } from '$lib/server/challenges/save-section';
import { invalid, readForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { translate } from '$lib/server/i18n';
import { conceptsDeadlineWords, type DeadlineChange } from '$lib/domain/deadline-change';
import type { Actions, PageServerLoad } from './$types';

/**
 * The concepts deadline's rule and the words said as it is typed, in the words of the
 * challenge's procedure (conceptsDeadlineWords: final tenders or concepts), worded here so
 * that the page holds no second table of them.
 */
export const load: PageServerLoad = async ({ parent }) => {
	const { challenge } = await parent();
	const words = conceptsDeadlineWords(challenge.procedure);
	return {
		conceptsDeadline: {
			rule: translate(words.rule, { count: challenge.deadlineNoticeDays }),
			// By the verdict (DeadlineChange) worth saying as the deadline is typed.
			live: {
				too_soon: translate(words.refused.too_soon),
				removed: translate(words.refused.removed),
				passed: translate(words.refused.passed),
				shortened: translate(words.shorteningLive)
			} as Partial<Record<DeadlineChange, string>>
		}
	};
};

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
