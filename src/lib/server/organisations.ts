import type { Database, Principal, Queryable } from './db';
import { hashToken } from './auth/tokens';
import { notifier } from './notifier';
import type { Locale, LocalizedText } from '$lib/domain/locale';
import {
	ORGANISATION_KINDS,
	type MemberRole,
	type NewOrganisation
} from '$lib/domain/organisation-schemas';
import type { ListFilter } from '$lib/domain/list-filter';
import type { OrganisationListChoice } from '$lib/domain/list-queries';
import { readPage, type Paged } from '$lib/domain/paging';
import { holdsWords, isChoice, readChoice, type Choice } from './list-sql';

export interface Organisation {
	id: string;
	slug: string;
	/** The name in its primary language (mail, CSV); pages show `names` (issue 12). */
	name: string;
	/** The name in each language it has one, the primary included. */
	names: LocalizedText;
	primaryLocale: Locale;
	kind: NewOrganisation['kind'];
	businessId: string | null;
	website: string | null;
}

export interface Member {
	userId: string;
	displayName: string;
	email: string;
	role: MemberRole;
}

const COLUMNS = `id, slug, name, names, primary_locale as "primaryLocale", kind,
	business_id as "businessId", website`;

/**
 * SQL for an organisation's name as pages show it: `{name, names, primaryLocale, slug}`
 * of the organisation aliased `o`, for json_build_object lists (challenge cards, pages).
 */
export const ORGANISATION_JSON = `json_build_object('name', o.name, 'names', o.names,
	'primaryLocale', o.primary_locale, 'slug', o.slug)`;

/** SQL ordering organisations `o` by their name in locale $n, in the reader's alphabet. */
export const orderByName = (param: string) =>
	`public.sort_key(coalesce(o.names ->> ${param}, o.name), ${param}), o.slug`;

/** How many organisations the admin page shows on one page. */
export const ORGANISATION_PAGE_SIZE = 50;

/** An organisation's names in every language and its address name, folded for a search. */
const ORGANISATION_FOLDED = `public.search_fold(concat_ws(' ', o.name, o.names ->> 'fi',
	o.names ->> 'sv', o.names ->> 'en', o.slug))`;

/**
 * Page `page` (1-based; outside the list the nearest, pageWindow) of the organisations for
 * /organisations and the admin page, with how many challenges each has (as RLS shows
 * them), `size` of them, by name in `locale`; only those of `filter`'s kind whose name
 * (in any language) or address holds its words. The database filters, counts and
 * pages (issue 16: every organisation was sent on each visit). `found` counts the
 * search's organisations by kind.
 */
export async function organisationsPage(
	tx: Queryable,
	filter: ListFilter<OrganisationListChoice>,
	page: number,
	locale: Locale,
	size = ORGANISATION_PAGE_SIZE
): Promise<
	Paged<Organisation & { challenges: number }> & { found: Record<OrganisationListChoice, number> }
> {
	const where = holdsWords(ORGANISATION_FOLDED, '$1', filter.words);
	const [found] = await tx.query<Record<OrganisationListChoice, number>>(
		`select count(*)::int as "all", ${ORGANISATION_KINDS.map(
			(kind) => `count(*) filter (where o.kind = '${kind}')::int as ${kind}`
		).join(', ')}
		 from public.organisations o where ${where}`,
		[filter.words]
	);
	const paged = await readPage(found[filter.state], page, size, (limit, offset) =>
		tx.query<Organisation & { challenges: number }>(
			`select ${COLUMNS},
			   (select count(*)::int from public.challenges c where c.organisation_id = o.id) as challenges
			 from public.organisations o
			 where ${where} and ${isChoice('o.kind', '$2', filter.state)}
			 order by ${orderByName('$3')}, o.id limit $4 offset $5`,
			[filter.words, filter.state, locale, limit, offset]
		)
	);
	return { ...paged, found };
}

/** How many organisations the /challenges filter offers before words narrow it. */
export const ORGANISATION_CHOICE_MAX = 20;

/** An organisation as a choice offers it: its address name and its names. */
export type OrganisationOption = Pick<Organisation, 'slug' | 'name' | 'names' | 'primaryLocale'>;

/**
 * The organisations /challenges can be filtered by: those with a published challenge whose
 * name (in any language) or address holds every one of `words` (folded, list-filter.ts;
 * none: all), by name in `locale`: the first `max` and how many there are (readChoice),
 * with the `chosen` one (a slug from the address) first when it has a published
 * challenge and the words or the cap left it out, so the filter still shows it.
 * Issue 16: every organisation was sent to every visitor of the list.
 */
export async function organisationChoice(
	tx: Queryable,
	words: string[],
	locale: Locale,
	chosen: string | null,
	max = ORGANISATION_CHOICE_MAX
): Promise<Choice<OrganisationOption>> {
	const withChallenges = `select o.slug, o.name, o.names, o.primary_locale as "primaryLocale"
		from public.organisations o
		where exists (select 1 from public.challenges c
		  where c.organisation_id = o.id and c.status = 'published')`;
	const [choice, picked] = await Promise.all([
		readChoice<OrganisationOption>(
			tx,
			`${withChallenges} and ${holdsWords(ORGANISATION_FOLDED, '$2', words)}`,
			// orderByName, on the choice's columns.
			`public.sort_key(coalesce(names ->> $1, name), $1), slug`,
			[locale, words],
			max
		),
		chosen ? tx.query<OrganisationOption>(`${withChallenges} and o.slug = $1`, [chosen]) : []
	]);
	const chosenOne = picked[0];
	return {
		...choice,
		options:
			chosenOne && !choice.options.some((o) => o.slug === chosenOne.slug)
				? [chosenOne, ...choice.options]
				: choice.options
	};
}

export async function getOrganisation(tx: Queryable, slug: string) {
	const [row] = await tx.query<Organisation>(
		`select ${COLUMNS} from public.organisations where slug = $1`,
		[slug]
	);
	return row ?? null;
}

/**
 * Creates an organisation (RLS: platform admins only). Takes the slug asked for or, when
 * another organisation has it, the next free one (slug-2 …), which the database decides
 * (private.free_organisation_slug); returns the id and the slug it got.
 */
export async function createOrganisation(tx: Queryable, org: NewOrganisation) {
	const [row] = await tx.query<{ id: string; slug: string }>(
		`insert into public.organisations (slug, name, names, primary_locale, kind, business_id, website)
		 values ($1, $2, $3::text::jsonb, $4, $5, $6, $7) returning id, slug`,
		[
			org.slug,
			org.name,
			JSON.stringify(org.names),
			org.primaryLocale,
			org.kind,
			org.businessId || null,
			org.website || null
		]
	);
	return row;
}

/** How many members an organisation's page shows on one page. */
export const MEMBER_PAGE_SIZE = 50;

/** SQL for a member of organisation $1 as Member, with their profile (`p`, left joined). */
const MEMBER = `select m.user_id as "userId", coalesce(p.display_name, '') as "displayName",
	coalesce(p.email, '') as email, m.role
	from public.organisation_members m left join public.profiles p on p.id = m.user_id
	where m.organisation_id = $1`;

/** A member's name and address as shown, folded for a search. */
const MEMBER_FOLDED = `public.search_fold(concat_ws(' ', p.display_name, p.email))`;

/**
 * Page `page` (1-based; outside the list the nearest, pageWindow) of the members of an
 * organisation the caller may see (RLS: fellow members and platform admins) whose name or
 * address holds every one of `words` (folded, list-filter.ts; none: all), `size` of
 * them: owners first, then by the name shown (display name, else address) in `locale`'s
 * alphabet. The database filters, counts and pages (issue 16: every member was sent on
 * each visit).
 */
export async function membersPage(
	tx: Queryable,
	organisationId: string,
	words: string[],
	page: number,
	locale: Locale,
	size = MEMBER_PAGE_SIZE
): Promise<Paged<Member>> {
	const where = holdsWords(MEMBER_FOLDED, '$2', words);
	const [{ total }] = await tx.query<{ total: number }>(
		`select count(*)::int as total from public.organisation_members m
		 left join public.profiles p on p.id = m.user_id
		 where m.organisation_id = $1 and ${where}`,
		[organisationId, words]
	);
	return readPage(total, page, size, (limit, offset) =>
		tx.query<Member>(
			`${MEMBER} and ${where}
			 order by m.role desc, public.sort_key(coalesce(nullif(p.display_name, ''), p.email, ''), $3),
			   p.email, m.user_id
			 limit $4 offset $5`,
			[organisationId, words, locale, limit, offset]
		)
	);
}

/** One member of the organisation the caller may see (RLS), or null: whom a removal asks about. */
export async function memberOf(tx: Queryable, organisationId: string, userId: string) {
	const [row] = await tx.query<Member>(`${MEMBER} and m.user_id = $2`, [organisationId, userId]);
	return row ?? null;
}

export async function canManageMembers(tx: Queryable, organisationId: string) {
	const [row] = await tx.query<{ ok: boolean }>(
		'select (private.is_platform_admin() or private.is_org_owner($1)) as ok',
		[organisationId]
	);
	return row.ok;
}

export type AddMemberResult = 'added' | 'updated' | 'no_account';

/**
 * Adds a person with an account by email, or changes their role when already a member,
 * straight through RLS as the Data API allows an owner; with the person's id. The app
 * invites instead (inviteOrganisationMember, issue 12); this stays the direct path.
 */
export async function addMember(
	tx: Queryable,
	organisationId: string,
	email: string,
	role: MemberRole
): Promise<{ outcome: AddMemberResult; userId: string | null }> {
	const [found] = await tx.query<{ id: string | null }>(
		'select private.user_id_by_email($1) as id',
		[email]
	);
	if (!found?.id) return { outcome: 'no_account', userId: null };
	const [row] = await tx.query<{ inserted: boolean }>(
		`insert into public.organisation_members (organisation_id, user_id, role) values ($1, $2, $3)
		 on conflict (organisation_id, user_id) do update set role = excluded.role
		 returning (xmax = 0) as inserted`,
		[organisationId, found.id, role]
	);
	return { outcome: row.inserted ? 'added' : 'updated', userId: found.id };
}

export type InviteOutcome = 'invited' | 'already_member' | 'forbidden';

/**
 * An owner (or a platform admin) invites a person by email with a role
 * (public.invite_to_organisation): no account is needed; the mail goes through the
 * outbox with a link only the invited address can accept. Refuses over the 'invite'
 * limit (TK429, answered 429 by the app).
 */
export async function inviteOrganisationMember(
	tx: Queryable,
	organisationId: string,
	email: string,
	role: MemberRole
): Promise<InviteOutcome> {
	const [row] = await tx.query<{ outcome: InviteOutcome }>(
		'select public.invite_to_organisation($1, $2, $3) as outcome',
		[organisationId, email, role]
	);
	return row.outcome;
}

export interface OrganisationInvitation {
	id: string;
	email: string;
	role: MemberRole;
	expiresAt: Date;
}

/** How many open invitations an organisation's page lists on one page. */
export const INVITATION_PAGE_SIZE = 20;

const OPEN_INVITATIONS = `from public.organisation_invitations
	where organisation_id = $1 and accepted_at is null and expires_at > now()`;

/**
 * Page `page` (1-based; outside the list the nearest, pageWindow) of the organisation's open
 * invitations (not accepted, not expired), `size` of them, newest first (RLS: owners and
 * platform admins see them; anyone else an empty page). The database counts and pages
 * (issue 16: an organisation inviting its whole staff listed every invitation on each visit).
 */
export async function openInvitationsPage(
	tx: Queryable,
	organisationId: string,
	page: number,
	size = INVITATION_PAGE_SIZE
): Promise<Paged<OrganisationInvitation>> {
	const [{ total }] = await tx.query<{ total: number }>(
		`select count(*)::int as total ${OPEN_INVITATIONS}`,
		[organisationId]
	);
	return readPage(total, page, size, (limit, offset) =>
		tx.query<OrganisationInvitation>(
			`select id, email, role, expires_at as "expiresAt" ${OPEN_INVITATIONS}
			 order by created_at desc, id limit $2 offset $3`,
			[organisationId, limit, offset]
		)
	);
}

/** Withdraws an open invitation (RLS: owners and platform admins); whether one was. */
export async function withdrawInvitation(tx: Queryable, organisationId: string, id: string) {
	const rows = await tx.query(
		`delete from public.organisation_invitations
		 where id = $1 and organisation_id = $2 and accepted_at is null returning id`,
		[id, organisationId]
	);
	return rows.length === 1;
}

export interface OrganisationInvitationPreview {
	slug: string;
	names: LocalizedText;
	primaryLocale: Locale;
	invitedEmail: string;
	inviterName: string;
	role: MemberRole;
	status: 'open' | 'accepted' | 'expired';
}

/** What the invitation page shows, by the mailed token (anyone holding it); null if unknown. */
export async function organisationInvitationPreview(tx: Queryable, token: string) {
	const [row] = await tx.query<OrganisationInvitationPreview>(
		`select slug, names, primary_locale as "primaryLocale", invited_email as "invitedEmail",
		   inviter_name as "inviterName", role, status
		 from public.organisation_invitation_preview($1)`,
		[hashToken(token)]
	);
	return row ?? null;
}

export type AcceptOutcome =
	'joined' | 'already_member' | 'wrong_account' | 'expired' | 'used' | 'unknown';

/**
 * Accepts an invitation as the signed-in user (public.accept_organisation_invitation):
 * only the invited address may. Returns the outcome and the organisation's slug.
 */
export async function acceptOrganisationInvitation(
	tx: Queryable,
	token: string
): Promise<AcceptOutcome> {
	const [row] = await tx.query<{ outcome: AcceptOutcome }>(
		'select public.accept_organisation_invitation($1) as outcome',
		[hashToken(token)]
	);
	return row.outcome;
}

export type RoleOutcome = 'changed' | 'unchanged' | 'not_member' | 'last_owner' | 'forbidden';

/**
 * Changes a member's role in place as `user` (public.set_organisation_member_role: an
 * owner or a platform admin; the last owner stays one). A change closes the person's
 * sockets once committed (the notifier), so their pages load their rights again.
 */
export async function changeMemberRole(
	db: Database,
	user: NonNullable<Principal>,
	organisationId: string,
	memberId: string,
	role: MemberRole
): Promise<RoleOutcome> {
	const outcome = await db.as(user, async (tx) => {
		const [row] = await tx.query<{ outcome: RoleOutcome }>(
			'select public.set_organisation_member_role($1, $2, $3) as outcome',
			[organisationId, memberId, role]
		);
		return row.outcome;
	});
	if (outcome === 'changed') notifier().accessChanged(memberId);
	return outcome;
}

export type RemoveOutcome = 'removed' | 'not_member' | 'last_owner' | 'forbidden';

/**
 * Removes a member as `user` (public.remove_organisation_member: an owner or a platform
 * admin; never the last owner); once committed the person's sockets close (the notifier).
 */
export async function removeOrganisationMember(
	db: Database,
	user: NonNullable<Principal>,
	organisationId: string,
	memberId: string
): Promise<RemoveOutcome> {
	const outcome = await db.as(user, async (tx) => {
		const [row] = await tx.query<{ outcome: RemoveOutcome }>(
			'select public.remove_organisation_member($1, $2) as outcome',
			[organisationId, memberId]
		);
		return row.outcome;
	});
	if (outcome === 'removed') notifier().accessChanged(memberId);
	return outcome;
}
