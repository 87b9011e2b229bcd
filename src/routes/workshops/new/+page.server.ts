import { error, redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { z } from 'zod';
import { listFilterOf, parseListQuery } from '$lib/domain/list-filter';
import { moveAgendaRow, parseSchedule, readMove } from '$lib/domain/workshop-schemas';
import { invalid, readForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { roleRefusal } from '$lib/server/http/role-refusals';
import {
	candidates,
	challengeChoice,
	isFacilitator,
	scheduleFromForm,
	UnknownExperts
} from '$lib/server/workshops/planning';
import { WorkshopGuestRefused, WorkshopTeamRefused } from '$lib/server/workshops/schedule';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const chosen = z.uuid().safeParse(url.searchParams.get('challenge'));
	return locals.db.as(user, async (tx) => {
		if (!(await isFacilitator(tx))) error(403, 'error_workshop_not_facilitator');
		const query = parseListQuery(url.searchParams, ['all']);
		const choice = await challengeChoice(
			tx,
			getLocale(),
			listFilterOf(query).words,
			chosen.success ? chosen.data : null
		);
		const challenge = choice.chosen;
		return {
			challenges: choice,
			q: query.q,
			challengeId: challenge?.id ?? null,
			candidates: challenge ? await candidates(tx, challenge.id, getLocale()) : null
		};
	});
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const raw = await readForm(request);
		if (!raw) return invalid({}, { form: 'error_form_unreadable' });
		// A move button without JavaScript: the same form comes back with the agenda reordered.
		const move = readMove(raw.move);
		if (move) {
			const { move: _button, ...rest } = raw;
			return { values: moveAgendaRow(rest, move.index, move.direction), errors: {} };
		}
		const parsed = parseSchedule(raw);
		if (!parsed.ok) return invalid(raw, parsed.errors);
		let id: string;
		try {
			id = await locals.db.as(user, async (tx) => {
				if (!(await isFacilitator(tx))) error(403, 'error_workshop_not_facilitator');
				// The database enqueues everyone's invitation as the teams and guests are put
				// in (private.mail_workshop_team, private.mail_workshop_guest).
				return scheduleFromForm(tx, parsed.data);
			});
		} catch (err) {
			if (err instanceof UnknownExperts)
				return invalid(raw, { experts: 'error_workshop_expert_unknown' }, 400, {
					emails: err.emails.join(', ')
				});
			if (err instanceof WorkshopGuestRefused)
				return invalid(raw, { experts: `error_${err.code}` }, 400, { who: err.who });
			// The facilitator on a team that applied to the challenge: not neutral in its workshop.
			const role = roleRefusal(err);
			if (role) return invalid(raw, { challengeId: role.key }, role.status);
			if (err instanceof WorkshopTeamRefused)
				return invalid(raw, { teams: 'error_workshop_team_not_eligible' });
			if (/row-level security/.test(String(err)))
				return invalid(raw, { challengeId: 'error_workshop_challenge' }, 403);
			throw err;
		}
		redirect(303, `/workshops/${id}?notice=scheduled`);
	}
};
