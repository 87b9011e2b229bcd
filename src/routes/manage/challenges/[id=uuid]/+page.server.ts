import { answerSchema, mergeSchema, rewordSchema } from '$lib/domain/challenge-schemas';
import { publishIssueTexts } from '$lib/server/challenges/editor';
import {
	answerQuestion,
	editQuestionWording,
	mergeQuestion,
	QUESTION_QUEUE_PAGE_SIZE,
	questionQueue,
	wordingEdits
} from '$lib/server/challenges/questions';
import { keptFields, keptQuery, listPage, listSearch } from '$lib/domain/kept-query';
import { searchWords } from '$lib/domain/search';
import { renderMarkdown } from '$lib/server/markdown';
import { forgetVisitorViews } from '$lib/server/challenges/visitor-cache';
import { invalid, parseForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

/** The address fields of the pages of the question queue shown, which its forms keep. */
const WAITING_PAGE = 'questions-page';
const ANSWERED_PAGE = 'answered-page';
/** The address field of the words that find questions to merge into (ChoiceSearch). */
const MERGE_SEARCH = 'merge-q';

export const load: PageServerLoad = async ({ parent, locals, url, params }) => {
	const user = requireUser(locals, url);
	const { challenge } = await parent();
	const issues = challenge.status === 'draft' ? publishIssueTexts(challenge, new Date()) : [];
	const mergeSearch = listSearch(url.searchParams.get(MERGE_SEARCH));
	const { queue, edits } = await locals.db.as(user, async (tx) => {
		const queue = await questionQueue(tx, params.id, {
			waiting: listPage(url.searchParams.get(WAITING_PAGE)),
			answered: listPage(url.searchParams.get(ANSWERED_PAGE)),
			mergeWords: searchWords(mergeSearch)
		});
		// Earlier wordings of the waiting questions shown (issue 12): seen only by those
		// who run the dialogue.
		const shown = queue.waiting.items.map((q) => q.id);
		return { queue, edits: await wordingEdits(tx, params.id, shown) };
	});
	// The answers shown as the public reads them: Markdown through the one sanitiser.
	const answers = Object.fromEntries(
		queue.answered.items.map((q) => [q.id, renderMarkdown(q.answer ?? '')])
	);
	return {
		issues,
		queue,
		edits,
		answers,
		queueSize: QUESTION_QUEUE_PAGE_SIZE,
		// The forms keep the pages and the merge search; the search keeps the pages.
		kept: keptQuery(url.searchParams, [WAITING_PAGE, ANSWERED_PAGE, MERGE_SEARCH]),
		mergeSearch: {
			name: MERGE_SEARCH,
			value: mergeSearch,
			keep: keptFields(url.searchParams, [WAITING_PAGE, ANSWERED_PAGE])
		}
	};
};

export const actions: Actions = {
	answer: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, answerSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const { questionId, answer } = parsed.data;
		// The function checks the challenge and the question before it writes anything.
		// The followers' mail is enqueued by the database with the answer (private.mail_answer).
		const outcome = await locals.db.as(user, (tx) =>
			answerQuestion(tx, params.id, questionId, answer)
		);
		if (outcome === 'unknown' || outcome === 'merged')
			return invalid(parsed.values, { form: 'error_forbidden' }, 403);
		forgetVisitorViews();
		return { answered: questionId };
	},
	reword: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, rewordSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const { questionId, wording } = parsed.data;
		// The database keeps the original with who and when (question_wording_edits).
		const outcome = await locals.db.as(user, (tx) =>
			editQuestionWording(tx, params.id, questionId, wording)
		);
		if (outcome === 'invalid') return invalid(parsed.values, { wording: 'error_required' });
		if (outcome === 'answered')
			return invalid(parsed.values, { form: 'od_error_reword_answered' }, 409);
		if (outcome === 'unknown' || outcome === 'merged')
			return invalid(parsed.values, { form: 'error_forbidden' }, 403);
		forgetVisitorViews();
		return { reworded: questionId };
	},
	merge: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, mergeSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const merged = await locals.db.as(user, (tx) =>
			mergeQuestion(tx, params.id, parsed.data.questionId, parsed.data.into)
		);
		if (!merged) return invalid(parsed.values, { form: 'error_merge_invalid' });
		forgetVisitorViews();
		return { merged: parsed.data.questionId };
	}
};
