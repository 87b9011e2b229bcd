import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/lib/server/db/database';
import {
	acceptInvitation,
	addTeamProject,
	createTeam,
	deleteTeamProject,
	getTeam,
	handOverLead,
	invitationPreview,
	inviteMember,
	myTeams,
	removeMember,
	revokeInvitation,
	updateTeam
} from '../../src/lib/server/teams';
import {
	addWorkEntry,
	deleteWorkEntry,
	myWorkEntries,
	updateWorkEntry
} from '../../src/lib/server/work-history';
import { canReadEvidence } from '../../src/lib/server/evidence';
import { teamProjectSchema, teamSchema, workEntrySchema } from '../../src/lib/domain/team-schemas';
import { describeEachDatabase } from './databases';
import { createTeamWith } from './application-fixtures';
import { createUser } from './fixtures';
import { invitationToken } from './mail-helpers';

type User = { id: string; email: string };
const as = (u: User): Principal => u;
const today = () => new Date('2026-06-15T12:00:00Z');
const team = (name: string, organisations = '') =>
	teamSchema.parse({ name, description: 'We build things.', organisations });
const entry = (fields: Record<string, string> = {}) =>
	workEntrySchema(today).parse({
		area: 'software_development',
		organisation: 'Acme Oy',
		role: 'Developer',
		start: '2022-01',
		end: '2024-06',
		description: 'Built the booking system.',
		...fields
	});
const project = (memberIds: string[]) =>
	teamProjectSchema(today).parse({
		title: 'Library app',
		start: '2023-02',
		ongoing: 'on',
		memberIds
	});

describeEachDatabase('teams, invitations and work history', (db) => {
	let lead: User;
	let mate: User;
	let invitee: User;
	let outsider: User;

	beforeAll(async () => {
		lead = await createUser(db(), 'Lena Lead');
		mate = await createUser(db(), 'Matti Mate');
		invitee = await createUser(db(), 'Iida Invitee');
		outsider = await createUser(db(), 'Otto Outsider');
	});

	describe('creating a team', () => {
		it('makes the creator its lead and first member; several teams per person', async () => {
			const id = await db().as(as(lead), (tx) =>
				createTeam(tx, team('Team One', 'Aalto, Helsinki, Aalto'))
			);
			await db().as(as(lead), (tx) => createTeam(tx, team('Team Two')));
			const detail = await db().as(as(lead), (tx) => getTeam(tx, id, 'en'));
			expect(detail?.leadId).toBe(lead.id);
			expect(detail?.homeOrganisations).toEqual(['Aalto', 'Helsinki']);
			expect(detail?.members.map((m) => [m.userId, m.isLead])).toEqual([[lead.id, true]]);
			const mine = await db().as(as(lead), (tx) => myTeams(tx, lead.id, 'en'));
			expect(mine.map((t) => t.name)).toEqual(['Team One', 'Team Two']);
			expect(mine[0].memberCount).toBe(1);
		});

		it('refuses a name of only invisible characters by a direct call (issue 17)', async () => {
			await expect(
				db().as(as(lead), (tx) =>
					tx.query(`select public.create_team($1, '', '{}'::text[])`, ['\u200b\u2060\u00a0'])
				)
			).rejects.toMatchObject({ code: '22023' });
		});

		it('hides a team from people outside it', async () => {
			const id = await db().as(as(lead), (tx) => createTeam(tx, team('Hidden')));
			expect(await db().as(as(outsider), (tx) => getTeam(tx, id, 'en'))).toBeNull();
			expect(await db().as(as(outsider), (tx) => updateTeam(tx, id, team('Mine')))).toHaveLength(0);
		});
	});

	describe('invitations', () => {
		let teamId: string;
		beforeAll(async () => {
			teamId = (await createTeamWith(db(), lead.id, [mate.id])).id;
		});

		it('the right account accepts; a forwarded link does not let another in; a used link stays used', async () => {
			const invited = await db().as(as(lead), (tx) => inviteMember(tx, teamId, invitee.email));
			if (!invited.ok) throw new Error(invited.reason);
			const invite = { token: await invitationToken(db(), invitee.email) };
			const preview = await db().as(null, (tx) => invitationPreview(tx, invite.token));
			expect(preview).toMatchObject({
				invitedEmail: invitee.email,
				inviterName: 'Lena Lead',
				status: 'open'
			});
			expect((await db().as(as(outsider), (tx) => acceptInvitation(tx, invite.token))).result).toBe(
				'wrong_account'
			);
			const accepted = await db().as(as(invitee), (tx) => acceptInvitation(tx, invite.token));
			expect(accepted).toEqual({ result: 'joined', teamId });
			expect((await db().as(as(invitee), (tx) => acceptInvitation(tx, invite.token))).result).toBe(
				'used'
			);
			expect(
				(await db().as(as(outsider), (tx) => acceptInvitation(tx, 'no-such-token'))).result
			).toBe('unknown');
			const detail = await db().as(as(invitee), (tx) => getTeam(tx, teamId, 'en'));
			expect(detail?.members.map((m) => m.userId)).toContain(invitee.id);
			expect((await db().as(null, (tx) => invitationPreview(tx, invite.token)))?.status).toBe(
				'accepted'
			);
		});

		it('an expired invitation is refused', async () => {
			const other = await createUser(db(), 'Late Comer');
			const invited = await db().as(as(lead), (tx) => inviteMember(tx, teamId, other.email));
			if (!invited.ok) throw new Error(invited.reason);
			const invite = { token: await invitationToken(db(), other.email) };
			await db().service('test: expire', (tx) =>
				tx.query(
					`update public.team_invitations set expires_at = now() - interval '1 minute'
					 where team_id = $1 and email = $2`,
					[teamId, other.email]
				)
			);
			expect((await db().as(null, (tx) => invitationPreview(tx, invite.token)))?.status).toBe(
				'expired'
			);
			expect((await db().as(as(other), (tx) => acceptInvitation(tx, invite.token))).result).toBe(
				'expired'
			);
		});

		it('a member is not invited twice; only the lead invites and revokes', async () => {
			expect(await db().as(as(lead), (tx) => inviteMember(tx, teamId, mate.email))).toEqual({
				ok: false,
				reason: 'already_member'
			});
			// The lead inviting herself is told the same (issue 16, item 2).
			expect(await db().as(as(lead), (tx) => inviteMember(tx, teamId, lead.email))).toEqual({
				ok: false,
				reason: 'already_member'
			});
			expect(await db().as(as(mate), (tx) => inviteMember(tx, teamId, 'x@test.example'))).toEqual({
				ok: false,
				reason: 'not_lead'
			});
			expect(
				await db().as(as(outsider), (tx) => inviteMember(tx, teamId, 'x@test.example'))
			).toEqual({ ok: false, reason: 'not_lead' });
			const invite = await db().as(as(lead), (tx) => inviteMember(tx, teamId, 'y@test.example'));
			expect(invite.ok).toBe(true);
			const [open] = (await db().as(as(lead), (tx) =>
				getTeam(tx, teamId, 'en')
			))!.invitations.filter((i) => i.email === 'y@test.example');
			expect(await db().as(as(mate), (tx) => revokeInvitation(tx, teamId, open.id))).toBe(false);
			expect(await db().as(as(lead), (tx) => revokeInvitation(tx, teamId, open.id))).toBe(true);
		});
	});

	describe('members and the lead', () => {
		it('the lead removes a member and hands over the lead; others cannot', async () => {
			const other = await createUser(db(), 'Third Member');
			const { id } = await createTeamWith(db(), lead.id, [mate.id, other.id]);
			// A member removes nobody but themselves; nobody removes the lead.
			expect(await db().as(as(mate), (tx) => removeMember(tx, id, other.id))).toBe(false);
			expect(await db().as(as(mate), (tx) => removeMember(tx, id, lead.id))).toBe(false);
			expect(await db().as(as(lead), (tx) => removeMember(tx, id, lead.id))).toBe(false);
			expect(await db().as(as(outsider), (tx) => removeMember(tx, id, mate.id))).toBe(false);
			// Only the lead hands over, and only to a member.
			expect(await db().as(as(mate), (tx) => handOverLead(tx, id, mate.id))).toBe(false);
			expect(await db().as(as(lead), (tx) => handOverLead(tx, id, outsider.id))).toBe(false);
			expect(await db().as(as(lead), (tx) => removeMember(tx, id, other.id))).toBe(true);
			expect(await db().as(as(lead), (tx) => handOverLead(tx, id, mate.id))).toBe(true);
			// The former lead is now a member who may leave.
			expect(await db().as(as(lead), (tx) => removeMember(tx, id, lead.id))).toBe(true);
			const detail = await db().as(as(mate), (tx) => getTeam(tx, id, 'en'));
			expect(detail?.leadId).toBe(mate.id);
			expect(detail?.members.map((m) => m.userId)).toEqual([mate.id]);
		});
	});

	describe('work history', () => {
		it('is kept, changed and removed only by its owner', async () => {
			const id = await db().as(as(mate), (tx) => addWorkEntry(tx, entry(), null));
			const other = await db().as(as(mate), (tx) =>
				addWorkEntry(
					tx,
					entry({ area: 'other', otherArea: 'Data Science', end: '', ongoing: 'on' }),
					null
				)
			);
			const mine = await db().as(as(mate), (tx) => myWorkEntries(tx, mate.id));
			expect(mine.map((e) => e.id)).toEqual([other, id]);
			expect(mine[0]).toMatchObject({ area: 'data science', end: null, start: '2022-01' });
			expect(await db().as(as(outsider), (tx) => myWorkEntries(tx, mate.id))).toEqual([]);
			// A teammate does not see it either.
			const { id: shared } = await createTeamWith(db(), lead.id, [mate.id]);
			expect(shared).toBeTruthy();
			expect(await db().as(as(lead), (tx) => myWorkEntries(tx, mate.id))).toEqual([]);
			const changed = entry({ role: 'Lead developer' });
			expect(
				await db().as(as(outsider), (tx) => updateWorkEntry(tx, id, changed, undefined))
			).toBeNull();
			expect(await db().as(as(outsider), (tx) => deleteWorkEntry(tx, id))).toBeNull();
			expect(await db().as(as(mate), (tx) => updateWorkEntry(tx, id, changed, undefined))).toEqual({
				replaced: null
			});
			expect(await db().as(as(mate), (tx) => deleteWorkEntry(tx, other))).toEqual({ file: null });
			const after = await db().as(as(mate), (tx) => myWorkEntries(tx, mate.id));
			expect(after.map((e) => [e.id, e.role])).toEqual([[id, 'Lead developer']]);
		});

		it('keeps, replaces or removes the evidence file on update', async () => {
			const key = `${randomUUID()}.pdf`;
			const next = `${randomUUID()}.png`;
			const id = await db().as(as(mate), (tx) => addWorkEntry(tx, entry(), key));
			const file = async () =>
				(await db().as(as(mate), (tx) => myWorkEntries(tx, mate.id))).find((e) => e.id === id)
					?.evidenceFile;
			const update = (file: string | null | undefined) =>
				db().as(as(mate), (tx) => updateWorkEntry(tx, id, entry(), file));
			// Each change names the file it no longer refers to, for removal after the commit.
			expect(await update(undefined)).toEqual({ replaced: null });
			expect(await file()).toBe(key);
			expect(await update(next)).toEqual({ replaced: key });
			expect(await file()).toBe(next);
			expect(await update(null)).toEqual({ replaced: next });
			expect(await file()).toBeNull();
		});
	});

	describe('common projects', () => {
		let teamId: string;
		beforeAll(async () => {
			teamId = (await createTeamWith(db(), lead.id, [mate.id])).id;
		});

		it('need two members of this team; a person outside it is refused', async () => {
			expect(
				await db().as(as(lead), (tx) =>
					addTeamProject(tx, teamId, project([lead.id, outsider.id]), null)
				)
			).toBeNull();
			expect(() => project([lead.id])).toThrow();
			const id = await db().as(as(lead), (tx) =>
				addTeamProject(tx, teamId, project([lead.id, mate.id]), null)
			);
			expect(id).toBeTruthy();
			const detail = await db().as(as(mate), (tx) => getTeam(tx, teamId, 'en'));
			expect(detail?.projects).toHaveLength(1);
			expect(detail?.projects[0]).toMatchObject({ title: 'Library app', end: null });
			expect([...detail!.projects[0].memberIds].sort()).toEqual([lead.id, mate.id].sort());
		});

		it('an outsider neither adds nor removes a project', async () => {
			expect(
				await db().as(as(outsider), (tx) =>
					addTeamProject(tx, teamId, project([lead.id, mate.id]), null)
				)
			).toBeNull();
			const id = await db().as(as(mate), (tx) =>
				addTeamProject(tx, teamId, project([lead.id, mate.id]), null)
			);
			expect(await db().as(as(outsider), (tx) => deleteTeamProject(tx, teamId, id!))).toBeNull();
			expect(await db().as(as(mate), (tx) => deleteTeamProject(tx, teamId, id!))).toEqual({
				file: null
			});
		});
	});

	describe('evidence files', () => {
		it('are read by the owner of the entry and by the team of the project, not by outsiders', async () => {
			const { id: teamId } = await createTeamWith(db(), lead.id, [mate.id]);
			const own = `${randomUUID()}.pdf`;
			const shared = `${randomUUID()}.jpg`;
			await db().as(as(mate), (tx) => addWorkEntry(tx, entry(), own));
			await db().as(as(lead), (tx) =>
				addTeamProject(tx, teamId, project([lead.id, mate.id]), shared)
			);
			const can = (u: User | null, key: string) =>
				db().as(u && as(u), (tx) => canReadEvidence(tx, key));
			expect(await can(mate, own)).toBe(true);
			expect(await can(lead, own)).toBe(false);
			expect(await can(outsider, own)).toBe(false);
			// Visitors hold no select privilege on work history at all (the route asks a user).
			await expect(can(null, own)).rejects.toThrow(/permission denied/);
			expect(await can(mate, shared)).toBe(true);
			expect(await can(lead, shared)).toBe(true);
			expect(await can(outsider, shared)).toBe(false);
			await expect(can(null, shared)).rejects.toThrow(/permission denied/);
			expect(await can(mate, `${randomUUID()}.pdf`)).toBe(false);
		});
	});
});
