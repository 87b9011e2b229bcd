import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { goNoGoFormItems, milestoneIssue } from '$lib/domain/proof-of-concept';
import { decisionDraftIssue } from '$lib/domain/jury/decision-schemas';
import { correctDecision, prepareDecision, readItems, stageDecisions } from '$lib/server/decisions';
import { readChallengeProofs, startProof, stepMilestone } from '$lib/server/proofs-of-concept';
import { parseForm, readForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { juryRefusal } from '$lib/server/http/jury-refusals';
import { isPocRefusal, pocFailure, pocRefused } from '$lib/server/http/poc-refusals';
import { translate } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

/**
 * The owner's side of the development phase (issue 14): every partner's proof of concept
 * with its milestones, the delivered ones to accept or reject with a reason (asked
 * first: acceptance is final), and the go / no-go decision drafted here and published on
 * its decision document (/decisions/<id>), like every decision.
 */
export const load: PageServerLoad = async ({ locals, url, params, parent }) => {
	const user = requireUser(locals, url);
	const { challenge } = await parent();
	if (!challenge.onTeam && !challenge.managesTeam) error(403, translate('poc_refusal_not_owner'));
	return locals.db.as(user, async (tx) => {
		// Sent together (issue 16).
		const [{ partners, closed }, decisions] = await Promise.all([
			readChallengeProofs(tx, params.id),
			stageDecisions(tx, params.id, 'proof_of_concept')
		]);
		const draft = decisions.find((d) => d.publishedAt === null) ?? null;
		const published = decisions.find((d) => d.publishedAt !== null && !d.replaced) ?? null;
		const base = draft ?? published;
		return {
			partners,
			closed,
			draft,
			published,
			items: base ? await readItems(tx, base.id) : [],
			managesTeam: challenge.managesTeam
		};
	});
};

const reviewSchema = z.object({
	milestone: z.uuid(),
	verdict: z.enum(['accept', 'reject']),
	// Far over any reason the record keeps: refused at the field, the text kept (milestoneIssue
	// words the 4,000-character limit).
	reason: z.string().max(100_000, 'poc_reason_too_long').default(''),
	confirm: z.literal('yes').optional()
});

export const actions: Actions = {
	/** Starts a partner's proof of concept (public.poc_start). */
	start: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, z.object({ concept: z.uuid() }));
		if (!parsed.ok) return fail(400, { error: translate('poc_refusal_unknown') });
		try {
			await locals.db.as(user, (tx) => startProof(tx, parsed.data.concept));
		} catch (e) {
			return pocFailure(e);
		}
		return { started: parsed.data.concept };
	},
	/**
	 * Accepts or rejects a delivered milestone with a reason. Asks first: without
	 * JavaScript the first post only answers which question to show open (`confirm`).
	 */
	review: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, reviewSchema);
		if (!parsed.ok) {
			const { values, errors } = parsed;
			return Object.keys(errors).join() === 'reason' && isPocRefusal(errors.reason)
				? pocRefused(errors.reason, {
						confirm: `${values.milestone}:${values.verdict}`,
						reviewReason: values.reason
					})
				: fail(400, { error: translate('poc_refusal_unknown') });
		}
		const { milestone, verdict, reason, confirm } = parsed.data;
		const ask = `${milestone}:${verdict}`;
		if (confirm !== 'yes') return { confirm: ask };
		const issue = milestoneIssue(verdict, { reason });
		if (issue) return pocRefused(issue, { confirm: ask, reviewReason: reason });
		try {
			const status = await locals.db.as(user, (tx) =>
				stepMilestone(tx, milestone, verdict, { reason })
			);
			return {
				reviewed: translate('poc_saved_step', { status: translate(`poc_status_${status}`) })
			};
		} catch (e) {
			return pocFailure(e, { confirm: ask, reviewReason: reason });
		}
	},
	/**
	 * Saves the go / no-go decision as a draft (or a draft correction of the published one)
	 * and opens its document, where it is published: per partner continue or drop with a
	 * reason, and the rationale. The partners are read again here, never from the form.
	 */
	decide: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const raw = await readForm(request);
		if (!raw) return fail(400, { error: translate('decision_refusal_bad_input') });
		let saved: string;
		try {
			saved = await locals.db.as(user, async (tx) => {
				const { partners } = await readChallengeProofs(tx, params.id);
				const items = goNoGoFormItems(
					raw,
					partners.map((p) => p.conceptId)
				);
				const draft = { items, details: { rationale: raw.rationale?.trim() || undefined } };
				const issue = decisionDraftIssue(draft);
				// Too long for the schema: refused in the database's words, nothing written.
				if (issue) throw { code: 'TK422', hint: issue };
				const published = (await stageDecisions(tx, params.id, 'proof_of_concept')).find(
					(d) => d.publishedAt !== null && !d.replaced
				);
				return published
					? correctDecision(tx, published.id, draft)
					: prepareDecision(tx, params.id, 'proof_of_concept', draft);
			});
		} catch (e) {
			const refusal = juryRefusal(e);
			if (!refusal) throw e;
			return fail(refusal.status, { error: refusal.message, values: raw });
		}
		redirect(303, `/decisions/${saved}`);
	}
};
