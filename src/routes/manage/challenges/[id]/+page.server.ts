import { error, fail, redirect } from '@sveltejs/kit';
import { answerSchema, mergeSchema } from '$lib/domain/challenge-schemas';
import { publishIssues } from '$lib/domain/publish';
import { getChallengeDetail } from '$lib/server/challenges/detail';
import { publishChallenge } from '$lib/server/challenges/editor';
import { notifyFollowers } from '$lib/server/challenges/notify';
import { answerQuestion, mergeQuestion } from '$lib/server/challenges/questions';
import { forgetVisitorViews } from '$lib/server/challenges/visitor-cache';
import { invalid, parseForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/guards';
import { translate } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
	const { challenge } = await parent();
	const issues = challenge.status === 'draft' ? publishIssues(challenge) : [];
	return { issues: issues.map((key) => translate(key)) };
};

export const actions: Actions = {
	publish: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		const outcome = await locals.db.as(user, async (tx) => {
			const challenge = await getChallengeDetail(tx, { id: params.id }, user.id);
			if (!challenge?.canManage) return null;
			const issues = publishIssues(challenge);
			if (issues.length) return { issues: issues.map((key) => translate(key)) };
			return { published: await publishChallenge(tx, params.id), slug: challenge.slug };
		});
		if (!outcome) error(404, 'Not found');
		if ('issues' in outcome) return fail(400, { issues: outcome.issues });
		if (!outcome.published)
			return fail(403, { issues: [translate('procurement_error_not_on_team')] });
		forgetVisitorViews();
		redirect(303, `/challenges/${outcome.slug}`);
	},
	answer: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, answerSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const { questionId, answer } = parsed.data;
		// The function checks the challenge and the question before it writes anything.
		const result = await locals.db.as(user, async (tx) => {
			const outcome = await answerQuestion(tx, params.id, questionId, answer);
			if (outcome === 'unknown' || outcome === 'merged') return null;
			const [q] = await tx.query<{ body: string }>(
				'select body from public.challenge_questions where id = $1',
				[questionId]
			);
			if (!q) return null;
			// The followers' mail is enqueued with the answer, in its transaction.
			await notifyFollowers(tx, params.id, { kind: 'answer', question: q.body, answer });
			return q;
		});
		if (!result) return invalid(parsed.values, { form: 'error_forbidden' }, 403);
		forgetVisitorViews();
		return { answered: questionId };
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
