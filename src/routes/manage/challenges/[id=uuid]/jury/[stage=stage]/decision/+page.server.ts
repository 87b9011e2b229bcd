import { error, fail, redirect } from '@sveltejs/kit';
import { isEvaluatedStage } from '$lib/domain/stages';
import { decisionDraftIssue, decisionFormDraft } from '$lib/domain/jury/decision-schemas';
import {
	decisionDayContext,
	readDecisionDay,
	type DecisionDayFieldError
} from '$lib/domain/jury/decision-day';
import { getChallengeDetail } from '$lib/server/challenges/detail';
import { decisionDayMessage } from '$lib/server/http/decision-day';
import { readResults } from '$lib/server/jury/results';
import { correctDecision, prepareDecision, readItems, stageDecisions } from '$lib/server/decisions';
import { readForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { juryFailure, juryRefusal, juryRefusalAsHttp } from '$lib/server/http/jury-refusals';
import { translate } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

/**
 * Recording a stage's decision (issue 13): the jury's ranking and proposed top k, the
 * chair's choice with a reason per item, the rationale, a justification when departing
 * from the proposal, the signatory, the day and (in an open challenge) whether teams see
 * the comparison. Saving makes a draft (or a draft correction of the published decision)
 * and opens its document, where it is published. `?normalise=1` ranks on per-juror
 * normalised totals, as on the results page.
 */
export const load: PageServerLoad = async ({ locals, url, params, parent }) => {
	const user = requireUser(locals, url);
	const { challenge } = await parent();
	if (!challenge.onTeam && !challenge.managesTeam) error(403, translate('jury_refusal_not_chair'));
	const stage = params.stage;
	if (!isEvaluatedStage(stage)) error(404, 'Not found');
	const normalise = url.searchParams.get('normalise') === '1';
	return locals.db
		.as(user, async (tx) => {
			// Sent together (issue 16).
			const [results, decisions] = await Promise.all([
				readResults(tx, params.id, stage, normalise),
				stageDecisions(tx, params.id, stage)
			]);
			if (!results) error(404, translate('jurychair_no_criteria'));
			const draft = decisions.find((d) => d.publishedAt === null) ?? null;
			const published = decisions.find((d) => d.publishedAt !== null && !d.replaced) ?? null;
			const base = draft ?? published;
			return {
				results,
				draft,
				published,
				items: base ? await readItems(tx, base.id) : []
			};
		})
		.catch(juryRefusalAsHttp);
};

export const actions: Actions = {
	/**
	 * Saves the chair's decision as a draft: the items, ranks and points come from the
	 * jury's results read again here (never from the form); the form gives only who is
	 * chosen, the reasons and the decision's text. Corrects the published decision when
	 * the stage has one.
	 */
	save: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const stage = params.stage;
		if (!isEvaluatedStage(stage)) error(404, 'Not found');
		const raw = await readForm(request);
		if (!raw) return juryFailure({ code: 'TK422', hint: 'jury_bad_input' });
		// The day is refused at its field: not a date, no such day, outside the window (the
		// database decides again, and its refusal comes back to the same field).
		const dayError = (message: string) =>
			fail(400, { errors: { decidedOn: message }, values: raw });
		// Refused: the page shows the words and keeps what the chair wrote.
		const refuse = (e: unknown) => {
			const refusal = juryRefusal(e);
			if (!refusal) throw e;
			if (
				refusal.code === 'decision_day_before_challenge' ||
				refusal.code === 'decision_day_in_future'
			)
				return dayError(refusal.message);
			return fail(refusal.status, { error: refusal.message, values: raw });
		};
		let saved: string | { issue: string } | { day: DecisionDayFieldError };
		try {
			saved = await locals.db.as(user, async (tx) => {
				const challenge = await getChallengeDetail(tx, { id: params.id }, user.id);
				if (!challenge) error(404, 'Not found');
				const day = readDecisionDay(
					raw.decidedOn,
					decisionDayContext(challenge, stage, new Date())
				);
				if (!day.ok) return { day: day.error };
				const results = await readResults(tx, params.id, stage, raw.normalise === '1');
				if (!results) error(404, translate('jurychair_no_criteria'));
				const draft = decisionFormDraft(raw, results.items);
				const issue = decisionDraftIssue(draft);
				if (issue) return { issue };
				const published = (await stageDecisions(tx, params.id, stage)).find(
					(d) => d.publishedAt !== null && !d.replaced
				);
				return published
					? correctDecision(tx, published.id, draft)
					: prepareDecision(tx, params.id, stage, draft);
			});
		} catch (e) {
			return refuse(e);
		}
		if (typeof saved !== 'string' && 'day' in saved) return dayError(decisionDayMessage(saved.day));
		if (typeof saved !== 'string') return refuse({ code: 'TK422', hint: saved.issue });
		redirect(303, `/decisions/${saved}`);
	}
};
