import { error, redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { z } from 'zod';
import {
	inviteSchema,
	memberSchema,
	teamProjectSchema,
	teamSchema
} from '$lib/domain/team-schemas';
import { parseEvidenceForm, refuse } from '$lib/server/http/evidence-form';
import { withFileChanges } from '$lib/server/uploads';
import { parseForm } from '$lib/server/http/forms';
import { limitedBy } from '$lib/server/http/limits';
import { translate } from '$lib/server/i18n';
import { requireUser } from '$lib/server/http/guards';
import {
	addTeamProject,
	deleteTeamProject,
	getTeam,
	handOverLead,
	inviteMember,
	removeTeamMember,
	revokeInvitation,
	updateTeam
} from '$lib/server/teams';
import type { Actions, PageServerLoad } from './$types';

const itemSchema = z.object({ id: z.uuid({ error: 'error_form' }) });

/** Back to the team page with a notice, at the section the action belongs to. */
const done = (id: string, notice: string, section: string, extra = '') =>
	redirect(303, `/teams/${id}?notice=${notice}${extra}#${section}`);

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const team = await locals.db.as(user, (tx) => getTeam(tx, params.id, getLocale()));
	if (!team) error(404, 'Not found');
	return { team, isLead: team.leadId === user.id, me: user.id };
};

export const actions: Actions = {
	save: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const id = params.id;
		const parsed = await parseForm(request, teamSchema);
		if (!parsed.ok) return refuse('save', parsed.values, parsed.errors);
		const rows = await locals.db.as(user, (tx) => updateTeam(tx, id, parsed.data));
		if (!rows.length) return refuse('save', parsed.values, { form: 'error_team_not_lead' }, 403);
		done(id, 'saved', 'details');
	},

	invite: async (event) => {
		const { locals, url, params, request } = event;
		const user = requireUser(locals, url);
		const id = params.id;
		const parsed = await parseForm(request, inviteSchema);
		if (!parsed.ok) return refuse('invite', parsed.values, parsed.errors);
		// The database counts the lead's invitations and mails the link (invite_to_team).
		const result = await limitedBy(event, () =>
			locals.db.as(user, (tx) => inviteMember(tx, id, parsed.data.email))
		);
		if ('limited' in result)
			return refuse('invite', parsed.values, { form: translate(result.key, result.params) }, 429);
		if (!result.ok && result.reason === 'already_member') {
			return refuse('invite', parsed.values, { email: 'error_invite_member' }, 409);
		}
		if (!result.ok) return refuse('invite', parsed.values, { form: 'error_team_not_lead' }, 403);
		done(id, 'invited', 'invite', `&to=${encodeURIComponent(parsed.data.email)}`);
	},

	revoke: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const id = params.id;
		const parsed = await parseForm(request, itemSchema);
		const ok =
			parsed.ok && (await locals.db.as(user, (tx) => revokeInvitation(tx, id, parsed.data.id)));
		if (!ok) return refuse('invitations', {}, { form: 'error_item_gone' }, 404);
		done(id, 'revoked', 'invitations');
	},

	remove: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const id = params.id;
		const parsed = await parseForm(request, memberSchema);
		// Their sockets close on every instance; the team's boards are no longer theirs.
		const ok = parsed.ok && (await removeTeamMember(locals.db, user, id, parsed.data.userId));
		if (!ok) return refuse('members', {}, { form: 'error_team_member_not_removed' }, 403);
		done(id, 'removed', 'members');
	},

	handover: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const id = params.id;
		const parsed = await parseForm(request, memberSchema);
		const ok =
			parsed.ok && (await locals.db.as(user, (tx) => handOverLead(tx, id, parsed.data.userId)));
		if (!ok) return refuse('members', {}, { form: 'error_team_handover' }, 403);
		done(id, 'handed', 'members');
	},

	leave: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		const id = params.id;
		const left = await removeTeamMember(locals.db, user, id, user.id);
		if (!left) return refuse('members', {}, { form: 'team_lead_cannot_leave' }, 409);
		redirect(303, '/teams?left=1');
	},

	addProject: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const id = params.id;
		const parsed = await parseEvidenceForm(request, teamProjectSchema(), ['memberIds']);
		if (!parsed.ok) return refuse('project', parsed.values, parsed.errors, parsed.status);
		const { upload } = parsed;
		const project = await withFileChanges(locals.db, 'private', (files) =>
			locals.db.as(user, async (tx) => {
				const added = await addTeamProject(tx, id, parsed.data, parsed.evidenceFile);
				// Stored only once the project (RLS: the team's members) is in.
				if (added && upload) await files.write(upload);
				return added;
			})
		);
		if (!project) {
			return refuse('project', parsed.values, { memberIds: 'error_project_not_members' }, 403);
		}
		done(id, 'project_added', 'projects');
	},

	deleteProject: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const id = params.id;
		const parsed = await parseForm(request, itemSchema);
		const ok =
			parsed.ok &&
			(await withFileChanges(locals.db, 'private', (files) =>
				locals.db.as(user, async (tx) => {
					const deleted = await deleteTeamProject(tx, id, parsed.data.id);
					files.drop(deleted?.file);
					return deleted !== null;
				})
			));
		if (!ok) return refuse('projects', {}, { form: 'error_item_gone' }, 404);
		done(id, 'project_deleted', 'projects');
	}
};
