import { FROM_FIELD, keptQuery, listPage, listSearch, withField } from '$lib/domain/kept-query';
import { searchWords } from '$lib/domain/search';
import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getLocale } from '$lib/paraglide/runtime';
import {
	addMemberSchema,
	memberRoleSchema,
	removeMemberSchema,
	withdrawInvitationSchema
} from '$lib/domain/organisation-schemas';
import {
	listPublishedChallenges,
	ORGANISATION_CHALLENGES_SHOWN
} from '$lib/server/challenges/list';
import { invalid, parseForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { orRoleRefused, RoleRefused } from '$lib/server/http/role-refusals';
import { limitedBy } from '$lib/server/http/limits';
import { translate } from '$lib/server/i18n';
import {
	canManageMembers,
	changeMemberRole,
	getOrganisation,
	inviteOrganisationMember,
	openInvitationsPage,
	INVITATION_PAGE_SIZE,
	MEMBER_PAGE_SIZE,
	memberOf,
	membersPage,
	removeOrganisationMember,
	withdrawInvitation
} from '$lib/server/organisations';
import type { Actions, PageServerLoad } from './$types';

/**
 * What the page's forms and links keep of its address: the list it was reached from
 * (FROM_FIELD), the words the members are searched by (MEMBERS_SEARCH) and the page of
 * them shown (MEMBERS_PAGE).
 */
const MEMBERS_PAGE = 'members-page';
const MEMBERS_SEARCH = 'members-q';
const INVITATIONS_PAGE = 'invitations-page';
const keptHere = (url: URL) =>
	keptQuery(url.searchParams, [FROM_FIELD, MEMBERS_SEARCH, MEMBERS_PAGE, INVITATIONS_PAGE]);

/** Back to the members section with a notice (Post/Redirect/Get: a reload repeats nothing). */
function done(url: URL, slug: string, notice: string): never {
	const back = withField(`/organisations/${slug}`, keptHere(url), 'notice', notice);
	redirect(303, `${back}#members-heading`);
}

export const load: PageServerLoad = async ({ locals, params, url }) =>
	locals.db.as(locals.user, async (tx) => {
		const organisation = await getOrganisation(tx, params.slug);
		if (!organisation) error(404, 'Not found');
		// Removal asks first: ?remove=<id> shows the confirmation, with or without JavaScript.
		const remove = z.uuid().safeParse(url.searchParams.get('remove'));
		const page = listPage(url.searchParams.get(MEMBERS_PAGE));
		const membersQ = listSearch(url.searchParams.get(MEMBERS_SEARCH));
		const [challenges, members, canManage] = await Promise.all([
			listPublishedChallenges(tx, organisation.id, ORGANISATION_CHALLENGES_SHOWN),
			locals.user
				? membersPage(tx, organisation.id, searchWords(membersQ), page, getLocale())
				: null,
			locals.user ? canManageMembers(tx, organisation.id) : false
		]);
		const [invitations, removing] = canManage
			? await Promise.all([
					openInvitationsPage(
						tx,
						organisation.id,
						listPage(url.searchParams.get(INVITATIONS_PAGE))
					),
					remove.success ? memberOf(tx, organisation.id, remove.data) : null
				])
			: [null, null];
		return {
			organisation,
			challenges,
			members,
			membersSize: MEMBER_PAGE_SIZE,
			membersQ,
			kept: keptHere(url),
			canManage,
			invitations,
			invitationsSize: INVITATION_PAGE_SIZE,
			removing,
			notice: url.searchParams.get('notice')
		};
	});

async function organisationId(locals: App.Locals, slug: string) {
	const org = await locals.db.as(locals.user, (tx) => getOrganisation(tx, slug));
	if (!org) error(404, 'Not found');
	return org.id;
}

const ROLE_REFUSALS = {
	forbidden: ['error_forbidden', 403],
	last_owner: ['orgadmin_error_last_owner', 409],
	not_member: ['orgadmin_error_not_member', 404]
} as const;

export const actions: Actions = {
	/** Invites by email (no account needed); the database mails the link. */
	addMember: async (event) => {
		const { locals, url, params, request } = event;
		const user = requireUser(locals, url);
		const orgId = await organisationId(locals, params.slug);
		const parsed = await parseForm(request, addMemberSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const { email, role } = parsed.data;
		const result = await limitedBy(event, () =>
			locals.db.as(user, (tx) => inviteOrganisationMember(tx, orgId, email, role))
		);
		if (typeof result === 'object')
			return invalid(parsed.values, { form: translate(result.key, result.params) }, 429);
		if (result === 'forbidden') return invalid(parsed.values, { form: 'error_forbidden' }, 403);
		if (result === 'already_member')
			return invalid(parsed.values, { email: 'orgadmin_error_already_member' }, 409);
		return { invited: email };
	},
	changeRole: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const orgId = await organisationId(locals, params.slug);
		const parsed = await parseForm(request, memberRoleSchema);
		// A role that is none of the choices is said at the member's row (the page finds the
		// row by values.userId); a member id that names no row leaves only the form to say it.
		if (!parsed.ok)
			return invalid(parsed.values, parsed.errors.userId ? { form: 'error_form' } : parsed.errors);
		const { userId, role } = parsed.data;
		// An owner chairs the jury of each challenge: never a juror of one (role_chair_is_juror).
		const outcome = await orRoleRefused(changeMemberRole(locals.db, user, orgId, userId, role));
		if (outcome instanceof RoleRefused)
			return invalid(parsed.values, { role: outcome.key }, outcome.status);
		if (outcome === 'changed' || outcome === 'unchanged') done(url, params.slug, `role_${outcome}`);
		const [key, status] = ROLE_REFUSALS[outcome];
		return invalid(parsed.values, { form: key }, status);
	},
	removeMember: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const orgId = await organisationId(locals, params.slug);
		const parsed = await parseForm(request, removeMemberSchema);
		if (!parsed.ok) return invalid(parsed.values, { form: 'error_form' });
		// Their sockets close on every instance.
		const outcome = await removeOrganisationMember(locals.db, user, orgId, parsed.data.userId);
		if (outcome === 'removed') done(url, params.slug, 'removed');
		const [key, status] = ROLE_REFUSALS[outcome];
		return invalid(parsed.values, { form: key }, status);
	},
	withdrawInvitation: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const orgId = await organisationId(locals, params.slug);
		const parsed = await parseForm(request, withdrawInvitationSchema);
		if (!parsed.ok) return invalid(parsed.values, { form: 'error_form' });
		const withdrawn = await locals.db.as(user, (tx) =>
			withdrawInvitation(tx, orgId, parsed.data.invitationId)
		);
		if (!withdrawn) return invalid(parsed.values, { form: 'error_forbidden' }, 403);
		done(url, params.slug, 'withdrawn');
	}
};
