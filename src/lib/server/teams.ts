import type { Database, Principal, Queryable } from './db';
import { notifier } from './notifier';
import type { Locale } from '$lib/domain/locale';
import type { TeamForm, TeamProjectForm } from '$lib/domain/team-schemas';
import type { TeamProject } from '$lib/domain/work-history';
import { hashToken } from './auth/tokens';

export interface TeamSummary {
	id: string;
	name: string;
	description: string;
	homeOrganisations: string[];
	/** The team's working language: its description and common projects are in it. */
	lang: Locale;
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
	/** When the invitee declined it; the lead sees it until inviting again or removing it. */
	declinedAt: Date | null;
}

export interface TeamApplication {
	id: string;
	challengeSlug: string;
	challengeTitle: Record<string, string>;
	primaryLocale: string;
	status: 'draft' | 'submitted';
	submittedAt: Date | null;
	/** Applications to the challenge are open now (private.applications_open). */
	open: boolean;
	/** The application's last event on record was a withdrawal. */
	withdrawn: boolean;
	/** The screening decision on the present submission, if any. */
	decision: { eligible: boolean; decidedAt: string } | null;
}

export interface TeamDetail extends TeamSummary {
	members: TeamMember[];
	invitations: Invitation[];
	projects: TeamProject[];
	applications: TeamApplication[];
}

/**
 * What applicationPhase (domain/application-phase.ts) reads, from an application `a`, its
 * challenge `c` and its screening decision `d` (left joined): `open`, `withdrawn` and
 * `decision`, so that every list names the application's state as its own page does.
 */
export const PHASE_COLUMNS = `private.applications_open(c.id) as open,
  coalesce((select e.kind = 'withdrawn' from public.application_events e
    where e.application_id = a.id order by e.at desc limit 1), false) as withdrawn,
  case when d.application_id is null then null
    else json_build_object('eligible', d.eligible, 'decidedAt', d.decided_at) end as decision`;

/** A month column as 'YYYY-MM'. */
export const month = (column: string) => `to_char(${column}, 'YYYY-MM')`;

/** A `TeamProject` from a row `p` of public.team_projects, members in a stable order. */
export const PROJECT_COLUMNS = `p.id, p.title, ${month('p.start_month')} as start,
  ${month('p.end_month')} as "end", p.description, p.evidence_url as "evidenceUrl",
  p.evidence_file as "evidenceFile", coalesce(array(select user_id from public.team_project_members pm
    where pm.project_id = p.id order by user_id), '{}') as "memberIds"`;
/** 'YYYY-MM' → the first day of that month, as the database stores months. */
export const monthDate = (m: string | null) => (m ? `${m}-01` : null);

/**
 * Creates the team with the caller as its lead and first member. Its working language is
 * `form.lang` when given, else the caller's interface language (the column's default).
 */
export async function createTeam(tx: Queryable, form: TeamForm): Promise<string> {
	const [row] = await tx.query<{ id: string }>('select public.create_team($1, $2, $3) as id', [
		form.name,
		form.description,
		form.organisations
	]);
	if (form.lang)
		await tx.query('update public.teams set lang = $2 where id = $1', [row.id, form.lang]);
	return row.id;
}

/**
 * The lead saves the team's details (RLS: only the lead's update touches a row; none
 * returned otherwise). A form without `lang` keeps the working language.
 */
export function updateTeam(tx: Queryable, teamId: string, form: TeamForm) {
	return tx.query(
		`update public.teams set name = $2, description = $3, home_organisations = $4,
		   lang = coalesce($5, lang)
		 where id = $1 returning id`,
		[teamId, form.name, form.description, form.organisations, form.lang ?? null]
	);
}

/** The teams the caller belongs to, by name. */
export function myTeams(tx: Queryable, userId: string, locale: Locale) {
	return tx.query<TeamSummary>(
		`select t.id, t.name, t.description, t.home_organisations as "homeOrganisations", t.lang,
		   t.lead_id as "leadId", (select count(*)::int from public.team_members m where m.team_id = t.id) as "memberCount"
		 from public.teams t join public.team_members me on me.team_id = t.id and me.user_id = $1
		 order by public.sort_key(t.name, $2), t.id`,
		[userId, locale]
	);
}

/**
 * A team with its members (by the name shown: display name, else address, in the reader's
 * alphabet), invitations, common projects and applications; null
 * when not visible. All five reads are sent together (one round trip, issue 16): the
 * members' lead flag names the lead through the team's id.
 */
export async function getTeam(
	tx: Queryable,
	teamId: string,
	locale: Locale
): Promise<TeamDetail | null> {
	const [[team], members, invitations, projects, applications] = await Promise.all([
		tx.query<TeamSummary>(
			`select t.id, t.name, t.description, t.home_organisations as "homeOrganisations", t.lang,
			   t.lead_id as "leadId", 0 as "memberCount"
			 from public.teams t where t.id = $1`,
			[teamId]
		),
		tx.query<TeamMember>(
			`select m.user_id as "userId", coalesce(p.display_name, '') as "displayName",
			   coalesce(p.email, '') as email, m.joined_at as "joinedAt",
			   m.user_id = (select t.lead_id from public.teams t where t.id = $1) as "isLead"
			 from public.team_members m left join public.profiles p on p.id = m.user_id
			 where m.team_id = $1
			 order by public.sort_key(coalesce(nullif(p.display_name, ''), p.email, ''), $2), p.email`,
			[teamId, locale]
		),
		tx.query<Invitation>(
			`select id, email, created_at as "createdAt", expires_at as "expiresAt", accepted_at as "acceptedAt",
			   declined_at as "declinedAt"
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
			   ${PHASE_COLUMNS}
			 from public.applications a join public.challenges c on c.id = a.challenge_id
			 left join public.screening_decisions d on d.application_id = a.id
			 where a.team_id = $1 order by a.created_at desc`,
			[teamId]
		)
	]);
	if (!team) return null;
	return {
		...team,
		memberCount: members.length,
		members,
		invitations,
		projects,
		applications
	};
}

export type InviteResult = { ok: true } | { ok: false; reason: 'already_member' | 'not_lead' };

/**
 * The lead invites an address to the team through public.invite_to_team, which makes
 * the link's token, keeps only its hash and enqueues the mail with the link (in the
 * invitee's language when the address has an account, else in all three) in this transaction; a new invitation replaces an open one.
 * Refuses a member ('already_member') and anyone but the lead ('not_lead'); over the
 * inviter's limit it throws the database's TK429 (see http/limits.ts, limitedBy).
 */
export async function inviteMember(
	tx: Queryable,
	teamId: string,
	email: string
): Promise<InviteResult> {
	const [{ outcome }] = await tx.query<{ outcome: 'invited' | 'already_member' | 'not_lead' }>(
		'select public.invite_to_team($1, $2) as outcome',
		[teamId, email]
	);
	return outcome === 'invited' ? { ok: true } : { ok: false, reason: outcome };
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
	status: 'open' | 'accepted' | 'declined' | 'expired';
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
	'joined' | 'already_member' | 'wrong_account' | 'expired' | 'used' | 'declined' | 'unknown';

export type DeclineResult = 'declined' | 'used' | 'expired' | 'unknown';

/**
 * The invitee declines through the mailed link (public.decline_team_invitation): holding
 * the token is enough, signed in or not. Returns 'declined' (also when it already was),
 * or why not: 'used' (accepted), 'expired', 'unknown'. The lead sees it declined.
 */
export async function declineInvitation(tx: Queryable, token: string): Promise<DeclineResult> {
	const [row] = await tx.query<{ result: DeclineResult }>(
		'select public.decline_team_invitation($1) as result',
		[hashToken(token)]
	);
	return row.result;
}

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
 * `removeMember` as `user` (the lead removing a member, or a member leaving), and once
 * committed the removed person's sockets close (the notifier): the team's boards are
 * no longer theirs. Returns whether someone was removed.
 */
export async function removeTeamMember(
	db: Database,
	user: NonNullable<Principal>,
	teamId: string,
	memberId: string
): Promise<boolean> {
	const removed = await db.as(user, (tx) => removeMember(tx, teamId, memberId));
	if (removed) notifier().accessChanged(memberId);
	return removed;
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
