import { fail } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { z } from 'zod';
import {
	addTeamMember,
	listTeam,
	removeTeamMember,
	teamCandidates,
	type TeamChange
} from '$lib/server/challenges/team';
import { parseForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { orRoleRefused, RoleRefused } from '$lib/server/http/role-refusals';
import { translate } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';
import { choiceField, requiredOr } from '$lib/domain/field-errors';

export const load: PageServerLoad = async ({ locals, url, params, parent }) => {
	const user = requireUser(locals, url);
	const { challenge } = await parent();
	const { team, candidates } = await locals.db.as(user, async (tx) => ({
		team: await listTeam(tx, params.id, getLocale()),
		candidates: challenge.managesTeam ? await teamCandidates(tx, params.id, getLocale()) : []
	}));
	return { team, candidates };
};

const addSchema = z.object({
	userId: z.uuid({ error: requiredOr('error_form') }),
	role: choiceField(['chair', 'member'], 'error_role_unknown')
});
const removeSchema = z.object({
	userId: z.uuid({ error: 'error_form' }),
	confirm: z.literal('yes').optional()
});

const REFUSALS: Partial<Record<TeamChange, string>> = {
	unknown: 'procurement_team_not_allowed',
	not_in_organisation: 'procurement_team_not_in_organisation',
	last_chair: 'procurement_team_last_chair',
	not_on_team: 'procurement_team_not_on_team'
};

/** The refusal in words, 403 when the caller may not manage the team, else 400. */
const refuse = (change: TeamChange) =>
	fail(change === 'unknown' ? 403 : 400, {
		errors: { form: translate(REFUSALS[change] ?? 'error_form') }
	});

async function nameOf(locals: App.Locals, user: { id: string }, challengeId: string, id: string) {
	const members = await locals.db.as(user, (tx) => listTeam(tx, challengeId, getLocale()));
	return members.find((p) => p.userId === id)?.name ?? '';
}

export const actions: Actions = {
	add: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, addSchema);
		if (!parsed.ok) {
			const errors = Object.fromEntries(
				Object.entries(parsed.errors).map(([k, v]) => [k, translate(v)])
			);
			return fail(400, { errors, values: parsed.values });
		}
		// A juror of the challenge never chairs its jury (role_chair_is_juror): said at the role.
		const change = await orRoleRefused(
			locals.db.as(user, (tx) => addTeamMember(tx, params.id, parsed.data.userId, parsed.data.role))
		);
		if (change instanceof RoleRefused)
			return fail(change.status, { errors: { role: change.message }, values: parsed.values });
		if (change !== 'added' && change !== 'updated') return refuse(change);
		return { added: await nameOf(locals, user, params.id, parsed.data.userId) };
	},
	remove: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, removeSchema);
		if (!parsed.ok) return fail(400, { errors: { form: translate('error_form') } });
		const name = await nameOf(locals, user, params.id, parsed.data.userId);
		// Irreversible for the person's access: ask first (works without JavaScript too).
		if (parsed.data.confirm !== 'yes')
			return { confirmRemove: { userId: parsed.data.userId, name } };
		const change = await locals.db.as(user, (tx) =>
			removeTeamMember(tx, params.id, parsed.data.userId)
		);
		if (change !== 'removed') return refuse(change);
		return { removed: name };
	}
};
