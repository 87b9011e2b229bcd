import type { Queryable } from './db';
import type { MemberRole, NewOrganisation } from '$lib/domain/organisation-schemas';

export interface Organisation {
	id: string;
	slug: string;
	name: string;
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

const COLUMNS = `id, slug, name, kind, business_id as "businessId", website`;

export function listOrganisations(tx: Queryable) {
	return tx.query<Organisation & { challenges: number }>(
		`select ${COLUMNS},
		   (select count(*)::int from public.challenges c where c.organisation_id = o.id) as challenges
		 from public.organisations o order by name`
	);
}

export async function getOrganisation(tx: Queryable, slug: string) {
	const [row] = await tx.query<Organisation>(
		`select ${COLUMNS} from public.organisations where slug = $1`,
		[slug]
	);
	return row ?? null;
}

/** Creates an organisation (RLS: platform admins only); null when the slug is taken. */
export async function createOrganisation(tx: Queryable, org: NewOrganisation) {
	const [row] = await tx.query<{ id: string }>(
		`insert into public.organisations (slug, name, kind, business_id, website)
		 values ($1, $2, $3, $4, $5) on conflict (slug) do nothing returning id`,
		[org.slug, org.name, org.kind, org.businessId || null, org.website || null]
	);
	return row?.id ?? null;
}

/** Members the caller may see (RLS: fellow members and platform admins). */
export function listMembers(tx: Queryable, organisationId: string) {
	return tx.query<Member>(
		`select m.user_id as "userId", coalesce(p.display_name, '') as "displayName",
		        coalesce(p.email, '') as email, m.role
		 from public.organisation_members m left join public.profiles p on p.id = m.user_id
		 where m.organisation_id = $1
		 order by m.role desc, p.display_name`,
		[organisationId]
	);
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
 * Adds a person by email, or changes their role when already a member; with the person's
 * id, so that a changed role can close their live connections (realtime disconnectUser).
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

export async function removeMember(tx: Queryable, organisationId: string, userId: string) {
	const rows = await tx.query(
		'delete from public.organisation_members where organisation_id = $1 and user_id = $2 returning user_id',
		[organisationId, userId]
	);
	return rows.length === 1;
}
