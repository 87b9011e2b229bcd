import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { conceptStanding, standingOutcome } from '$lib/domain/concept-standing';
import { readMilestoneForm } from '$lib/domain/proof-of-concept';
import {
	addMilestone,
	attachEvidenceFile,
	detachEvidenceFile,
	readConceptProof,
	readStandingFacts,
	stepMilestone
} from '$lib/server/proofs-of-concept';
import { productionChallengeOf } from '$lib/server/production';
import { readForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { pocFailure, pocRefused } from '$lib/server/http/poc-refusals';
import { translate } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

/**
 * Where a team's concept stands and why (issue 14, one page): the steps from the
 * shortlist to production with the decisions' reasons, and — for a partner — its proof of
 * concept: the milestones to plan, re-plan, start and deliver with evidence (a text,
 * links and files — the files while the milestone is not accepted), the
 * challenge team's acceptance or rejection, and the record of every change. The
 * challenge's team reads it too. 404 for anyone who may not read the concept.
 */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	return locals.db.as(user, async (tx) => {
		// The reads are sent together (issue 16). The production page (bonus) opens for a
		// concept in production to those who read it.
		const [proof, facts, production] = await Promise.all([
			readConceptProof(tx, params.id),
			readStandingFacts(tx, params.id),
			productionChallengeOf(tx, params.id)
		]);
		if (!proof || !facts) error(404, 'Not found');
		const steps = conceptStanding(facts);
		const inProduction = production !== null;
		return {
			inProduction,
			proof,
			facts,
			steps,
			outcome: standingOutcome(steps),
			isPartnerConcept: proof.proofId !== null || facts.selection?.chosen === true
		};
	});
};

const stepSchema = z.object({
	milestone: z.uuid(),
	step: z.enum(['replan', 'start', 'deliver'])
});

export const actions: Actions = {
	/** Adds a milestone (title, due day) to the partner's proof of concept. */
	add: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const raw = (await readForm(request)) ?? {};
		const form = readMilestoneForm('plan', raw);
		if (!form.ok) return pocRefused(form.issue, { at: 'add', values: raw });
		const { title, dueOn } = form.input;
		try {
			await locals.db.as(user, (tx) => addMilestone(tx, params.id, { title, dueOn }));
		} catch (e) {
			return pocFailure(e, { at: 'add', values: raw });
		}
		return { saved: translate('poc_saved_added') };
	},
	/** The partner's step on one milestone: re-plan, start, or deliver with evidence. */
	step: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const raw = (await readForm(request)) ?? {};
		const which = stepSchema.safeParse(raw);
		if (!which.success) return fail(400, { error: translate('poc_refusal_bad_step') });
		const { milestone, step } = which.data;
		const form = readMilestoneForm(step, raw);
		if (!form.ok) return pocRefused(form.issue, { at: milestone, step, values: raw });
		try {
			const status = await locals.db.as(user, (tx) =>
				stepMilestone(tx, milestone, step, form.input)
			);
			return {
				saved: translate('poc_saved_step', { status: translate(`poc_status_${status}`) })
			};
		} catch (e) {
			return pocFailure(e, { at: milestone, step, values: raw });
		}
	},
	/**
	 * Attaches a posted file to a milestone's evidence (the partner's team, until the
	 * milestone is accepted or go / no-go is published): the shared upload checks, then
	 * public.poc_attach_file.
	 */
	attach: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await request.formData().catch(() => null);
		const milestone = z.uuid().safeParse(form?.get('milestone'));
		if (!form || !milestone.success) return fail(400, { error: translate('poc_refusal_unknown') });
		const at = { at: milestone.data, step: 'attach' };
		try {
			const result = await attachEvidenceFile(locals.db, user, milestone.data, form.get('file'));
			// Every upload refusal is about the file chosen: the page shows it at the field.
			if (!result.ok)
				return fail(result.status, { error: translate(result.message), field: 'file', ...at });
		} catch (e) {
			return pocFailure(e, at);
		}
		return { saved: translate('pocx_saved_attached'), ...at };
	},
	/** Removes a file from a milestone's evidence, on the same terms (public.poc_detach_file). */
	detach: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const file = z.uuid().safeParse((await readForm(request))?.file);
		if (!file.success) return fail(400, { error: translate('poc_refusal_unknown') });
		try {
			const removed = await detachEvidenceFile(locals.db, user, file.data);
			if (!removed) return fail(404, { error: translate('poc_refusal_unknown') });
		} catch (e) {
			return pocFailure(e);
		}
		return { saved: translate('pocx_saved_detached') };
	}
};
