import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { parseSchedule } from '$lib/domain/workshop-schemas';
import { invalid, readForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/guards';
import {
	candidates,
	isFacilitator,
	publishedChallenges,
	scheduleFromForm,
	UnknownExperts
} from '$lib/server/workshops/planning';
import { WorkshopTeamRefused } from '$lib/server/workshops/schedule';
import { mailInvitations } from '$lib/server/workshops/invitations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const chosen = z.uuid().safeParse(url.searchParams.get('challenge'));
	return locals.db.as(user, async (tx) => {
		if (!(await isFacilitator(tx))) error(403, 'error_workshop_not_facilitator');
		const challenges = await publishedChallenges(tx);
		const challenge = chosen.success ? challenges.find((c) => c.id === chosen.data) : undefined;
		return {
			challenges,
			challengeId: challenge?.id ?? null,
			candidates: challenge ? await candidates(tx, challenge.id) : null
		};
	});
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const raw = await readForm(request);
		if (!raw) return invalid({}, { form: 'error_form_unreadable' });
		const parsed = parseSchedule(raw);
		if (!parsed.ok) return invalid(raw, parsed.errors);
		let id: string;
		try {
			id = await locals.db.as(user, async (tx) => {
				if (!(await isFacilitator(tx))) error(403, 'error_workshop_not_facilitator');
				const scheduled = await scheduleFromForm(tx, parsed.data);
				// The invitations are enqueued in the scheduling transaction.
				await mailInvitations(tx, scheduled);
				return scheduled;
			});
		} catch (err) {
			if (err instanceof UnknownExperts)
				return invalid(raw, { experts: 'error_workshop_expert_unknown' }, 400, {
					emails: err.emails.join(', ')
				});
			if (err instanceof WorkshopTeamRefused)
				return invalid(raw, { teams: 'error_workshop_team_not_eligible' });
			if (/row-level security/.test(String(err)))
				return invalid(raw, { challengeId: 'error_workshop_challenge' }, 403);
			throw err;
		}
		redirect(303, `/workshops/${id}?notice=scheduled`);
	}
};
