import type { Queryable } from './db';
import type { TeamForm, TeamProjectForm } from '$lib/domain/team-schemas';
import type { TeamProject } from '$lib/domain/work-history';
import { generateToken, hashToken } from './auth/tokens';

export interface TeamSummary {
	id: string;
	name: string;
	description: string;
	homeOrganisations: string[];
	leadId: string;
	memberCount: number;
}

export interface TeamMember {
	userId: string;
	displayName: string;
	email: string;
	joinedAt: Date;
	isLead: boolean;
}

export interface Invitation {
	id: string;
	email: string;
	createdAt: Date;
	expiresAt: Date;
	acceptedAt: Date | null;
}

export interface TeamApplication {
	id: string;
	challengeSlug: string;
	challengeTitle: Record<string, string>;
	primaryLocale: string;
	status: 'draft' | 'submitted';
	submittedAt: Date | null;
	eligible: boolean | null;
}

export interface TeamDetail extends TeamSummary {
	members: TeamMember[];
	invitations: Invitation[];
	projects: TeamProject[];
	applications: TeamApplication[];
}

/** A month column as 'YYYY-MM'. */
export const month = (column: string) => `to_char(${column}, 'YYYY-MM')`;

/** A `TeamProject` from a row `p` of public.team_projects, members in a stable order. */
export const PROJECT_COLUMNS = `p.id, p.title, ${month('p.start_month')} as start,
  ${month('p.end_month')} as "end", p.description, p.evidence_url as "evidenceUrl",
  p.evidence_file as "evidenceFile", coalesce(array(select user_id from public.team_project_members pm
    where pm.project_id = p.id order by user_id), '{}') as "memberIds"`;
/** 'YYYY-MM' → the first day of that month, as the database stores months. */
export const monthDate = (m: string | null) => (m ? `${m}-01` : null);

/** Creates the team with the caller as its lead and first member. */
export async function createTeam(tx: Queryable, form: TeamForm): Promise<string> {
	const [row] = await tx.query<{ id: string }>('select public.create_team($1, $2, $3) as id', [
		form.name,
		form.description,
		form.organisations
	]);
	return row.id;
}

export function updateTeam(tx: Queryable, teamId: string, form: TeamForm) {
	return tx.query(
		`update public.teams set name = $2, description = $3, home_organisations = $4
		 where id = $1 returning id`,
		[teamId, form.name, form.description, form.organisations]
	);
}

/** The teams the caller belongs to. */
export function myTeams(tx: Queryable, userId: string) {
	return tx.query<TeamSummary>(
		`select t.id, t.name, t.description, t.home_organisations as "homeOrganisations",
		   t.lead_id as "leadId", (select count(*)::int from public.team_members m where m.team_id = t.id) as "memberCount"
		 from public.teams t join public.team_members me on me.team_id = t.id and me.user_id = $1
		 order by t.name`,
		[userId]
	);
}

/** A team with its members, invitations, common projects and applications; null when not visible. */
export async function getTeam(tx: Queryable, teamId: string): Promise<TeamDetail | null> {
	const [team] = await tx.query<TeamSummary>(
		`select t.id, t.name, t.description, t.home_organisations as "homeOrganisations",
		   t.lead_id as "leadId", 0 as "memberCount"
		 from public.teams t where t.id = $1`,
		[teamId]
	);
	if (!team) return null;
	const [members, invitations, projects, applications] = await Promise.all([
		tx.query<TeamMember>(
			`select m.user_id as "userId", coalesce(p.display_name, '') as "displayName",
			   coalesce(p.email, '') as email, m.joined_at as "joinedAt", m.user_id = $2 as "isLead"
			 from public.team_members m left join public.profiles p on p.id = m.user_id
			 where m.team_id = $1 order by m.joined_at`,
			[teamId, team.leadId]
		),
		tx.query<Invitation>(
			`select id, email, created_at as "createdAt", expires_at as "expiresAt", accepted_at as "acceptedAt"
			 from public.team_invitations where team_id = $1 and accepted_at is null order by created_at`,
			[teamId]
		),
		tx.query<TeamProject>(
			`select ${PROJECT_COLUMNS} from public.team_projects p where p.team_id = $1
			 order by p.start_month desc`,
			[teamId]
		),
		tx.query<TeamApplication>(
			`select a.id, c.slug as "challengeSlug", c.title as "challengeTitle",
			   c.primary_locale as "primaryLocale", a.status, a.submitted_at as "submittedAt",
			   d.eligible
			 from public.applications a join public.challenges c on c.id = a.challenge_id
			 left join public.screening_decisions d on d.application_id = a.id
			 where a.team_id = $1 order by a.created_at desc`,
			[teamId]
		)
	]);
	return {
		...team,
		memberCount: members.length,
		members,
		invitations,
		projects,
		applications
	};
}

export type InviteResult =
	| { ok: true; token: string; teamName: string }
	| { ok: false; reason: 'already_member' | 'not_lead' };

/** Records an invitation for the address and returns the token for the mailed link. */
export async function inviteMember(
	tx: Queryable,
	teamId: string,
	email: string
): Promise<InviteResult> {
	const [team] = await tx.query<{ name: string; lead: boolean }>(
		`select name, private.is_team_lead(id) as lead from public.teams where id = $1`,
		[teamId]
	);
	if (!team?.lead) return { ok: false, reason: 'not_lead' };
	const [member] = await tx.query(
		`select 1 from public.team_members m join public.profiles p on p.id = m.user_id
		 where m.team_id = $1 and p.email = $2`,
		[teamId, email]
	);
	if (member) return { ok: false, reason: 'already_member' };
	// A new invitation to the same address replaces an open one.
	await tx.query(
		'delete from public.team_invitations where team_id = $1 and email = $2 and accepted_at is null',
		[teamId, email]
	);
	const token = generateToken();
	await tx.query(
		'insert into public.team_invitations (team_id, email, token_hash) values ($1, $2, $3)',
		[teamId, email, hashToken(token)]
	);
	return { ok: true, token, teamName: team.name };
}

export async function revokeInvitation(tx: Queryable, teamId: string, invitationId: string) {
	const rows = await tx.query(
		'delete from public.team_invitations where id = $1 and team_id = $2 returning id',
		[invitationId, teamId]
	);
	return rows.length === 1;
}

export interface InvitationPreview {
	teamName: string;
	invitedEmail: string;
	inviterName: string;
	status: 'open' | 'accepted' | 'expired';
}

export async function invitationPreview(
	tx: Queryable,
	token: string
): Promise<InvitationPreview | null> {
	const [row] = await tx.query<InvitationPreview>(
		`select team_name as "teamName", invited_email as "invitedEmail", inviter_name as "inviterName", status
		 from public.team_invitation_preview($1)`,
		[hashToken(token)]
	);
	return row ?? null;
}

export type AcceptResult =
	'joined' | 'already_member' | 'wrong_account' | 'expired' | 'used' | 'unknown';

export async function acceptInvitation(
	tx: Queryable,
	token: string
): Promise<{ result: AcceptResult; teamId: string | null }> {
	const [row] = await tx.query<{ result: AcceptResult }>(
		'select public.accept_team_invitation($1) as result',
		[hashToken(token)]
	);
	const [team] = await tx.query<{ team_id: string }>(
		'select team_id from public.team_invitations where token_hash = $1',
		[hashToken(token)]
	);
	return { result: row.result, teamId: team?.team_id ?? null };
}

/** The lead removes a member, or a member leaves; the lead must hand over first. */
export async function removeMember(tx: Queryable, teamId: string, userId: string) {
	const rows = await tx.query(
		'delete from public.team_members where team_id = $1 and user_id = $2 returning user_id',
		[teamId, userId]
	);
	return rows.length === 1;
}

/**
 * Hands the lead to another member (RLS: only the lead, only to a member). A person who is
 * not a member is refused here with false: the policy's check would raise an error instead.
 */
export async function handOverLead(tx: Queryable, teamId: string, userId: string) {
	const rows = await tx.query(
		`update public.teams set lead_id = $2 where id = $1
		   and exists (select 1 from public.team_members m where m.team_id = $1 and m.user_id = $2)
		 returning id`,
		[teamId, userId]
	);
	return rows.length === 1;
}

/** Records a project the team did together; null when a person named is not in the team. */
export async function addTeamProject(
	tx: Queryable,
	teamId: string,
	form: TeamProjectForm,
	evidenceFile: string | null
): Promise<string | null> {
	const members = await tx.query<{ user_id: string }>(
		'select user_id from public.team_members where team_id = $1',
		[teamId]
	);
	const ids = new Set(members.map((m) => m.user_id));
	if (!form.memberIds.every((id) => ids.has(id))) return null;
	const [project] = await tx.query<{ id: string }>(
		`insert into public.team_projects
		   (team_id, title, start_month, end_month, description, evidence_url, evidence_file)
		 values ($1, $2, $3, $4, $5, nullif($6, ''), $7) returning id`,
		[
			teamId,
			form.title,
			monthDate(form.start),
			monthDate(form.end),
			form.description,
			form.evidenceUrl,
			evidenceFile
		]
	);
	for (const userId of form.memberIds) {
		await tx.query(
			'insert into public.team_project_members (project_id, user_id) values ($1, $2)',
			[project.id, userId]
		);
	}
	return project.id;
}

/** Deletes a common project (RLS: the team's members); null when none, else its file (to drop). */
export async function deleteTeamProject(
	tx: Queryable,
	teamId: string,
	projectId: string
): Promise<{ file: string | null } | null> {
	const [row] = await tx.query<{ evidence_file: string | null }>(
		'delete from public.team_projects where id = $1 and team_id = $2 returning evidence_file',
		[projectId, teamId]
	);
	return row ? { file: row.evidence_file } : null;
}

/** Team members and their locales, for mail (service: members may not see each other's emails otherwise). */
export function teamRecipients(tx: Queryable, teamId: string) {
	return tx.query<{ email: string; displayName: string; locale: 'fi' | 'sv' | 'en' }>(
		`select p.email, p.display_name as "displayName", p.locale
		 from public.team_members m join public.profiles p on p.id = m.user_id where m.team_id = $1`,
		[teamId]
	);
}
