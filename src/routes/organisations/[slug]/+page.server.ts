import { error } from '@sveltejs/kit';
import { addMemberSchema, removeMemberSchema } from '$lib/domain/organisation-schemas';
import { listPublishedChallenges } from '$lib/server/challenges/list';
import { invalid, parseForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/guards';
import {
	addMember,
	canManageMembers,
	getOrganisation,
	listMembers,
	removeMember
} from '$lib/server/organisations';
import { disconnectUser } from '$lib/server/realtime/sessions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) =>
	locals.db.as(locals.user, async (tx) => {
		const organisation = await getOrganisation(tx, params.slug);
		if (!organisation) error(404, 'Not found');
		const [challenges, members, canManage] = await Promise.all([
			listPublishedChallenges(tx, organisation.id),
			locals.user ? listMembers(tx, organisation.id) : [],
			locals.user ? canManageMembers(tx, organisation.id) : false
		]);
		return { organisation, challenges, members, canManage };
	});

async function organisationId(locals: App.Locals, slug: string) {
	const org = await locals.db.as(locals.user, (tx) => getOrganisation(tx, slug));
	if (!org) error(404, 'Not found');
	return org.id;
}

export const actions: Actions = {
	addMember: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const orgId = await organisationId(locals, params.slug);
		const parsed = await parseForm(request, addMemberSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const { email, role } = parsed.data;
		const saved = await locals.db.as(user, async (tx) => {
			if (!(await canManageMembers(tx, orgId))) return 'forbidden' as const;
			return addMember(tx, orgId, email, role);
		});
		if (saved === 'forbidden') return invalid(parsed.values, { form: 'error_forbidden' }, 403);
		if (saved.outcome === 'no_account')
			return invalid(parsed.values, { email: 'error_member_no_account' }, 404);
		// A changed role: their live connections load their rights again.
		if (saved.outcome === 'updated' && saved.userId) disconnectUser(saved.userId);
		return { memberSaved: saved.outcome, email };
	},
	removeMember: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const orgId = await organisationId(locals, params.slug);
		const parsed = await parseForm(request, removeMemberSchema);
		if (!parsed.ok) return invalid(parsed.values, { form: 'error_form' });
		const removed = await locals.db.as(user, (tx) => removeMember(tx, orgId, parsed.data.userId));
		if (!removed) return invalid(parsed.values, { form: 'error_forbidden' }, 403);
		disconnectUser(parsed.data.userId);
		return { memberRemoved: true };
	}
};
