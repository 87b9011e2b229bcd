import { describe, expect, it } from 'vitest';
import type { Database, Principal } from '../../src/lib/server/db/database';
import { openVerificationLink, signUp, verifyEmail } from '../../src/lib/server/auth/accounts';
import { validateSession } from '../../src/lib/server/auth/sessions';
import { startApplication } from '../../src/lib/server/applications/editor';
import { loadDashboard } from '../../src/lib/server/dashboard';
import {
	acceptInvitation,
	declineInvitation,
	getTeam,
	invitationPreview,
	inviteMember
} from '../../src/lib/server/teams';
import { describeEachDatabase } from './databases';
import { createOpenChallenge, createTeamWith, setDeadline } from './application-fixtures';
import { createOrganisation, createUser } from './fixtures';
import { drainOutbox, invitationToken } from './mail-helpers';

/**
 * Issue 12, Solver: a home for a solver's work (loadDashboard), sign-up that signs in the
 * browser that signed up (openVerificationLink), and team invitations in the invitee's
 * language that can be declined (supabase/migrations/20261202000400_…).
 */
type User = { id: string; email: string };
const as = (u: User): Principal => u;
const PASSWORD = 'a long passphrase for tests';

async function setLocale(db: Database, user: User, locale: string) {
	await db.service('test: locale', (tx) =>
		tx.query('update public.profiles set locale = $2 where id = $1', [user.id, locale])
	);
}

async function outboxRow(db: Database, email: string) {
	const [row] = await db.service('test: outbox', (tx) =>
		tx.query<{ locale: string; params: Record<string, unknown> }>(
			`select locale, params from private.mail_outbox where template = 'team_invitation'
			 and to_email = $1 order by id desc limit 1`,
			[email]
		)
	);
	return row;
}

describeEachDatabase('a solver’s home, sign-up and invitations', (db) => {
	describe('team invitations', () => {
		it('speak the language of an address with an account, else all three in one mail', async () => {
			const lead = await createUser(db(), 'Lotta Lead');
			const known = await createUser(db(), 'Sven Svensk');
			await setLocale(db(), known, 'sv');
			const team = await createTeamWith(db(), lead.id);
			await db().as(as(lead), (tx) => inviteMember(tx, team.id, known.email));
			const unknown = `nobody-${Date.now()}@test.example`;
			await db().as(as(lead), (tx) => inviteMember(tx, team.id, unknown));

			expect(await outboxRow(db(), known.email)).toMatchObject({
				locale: 'sv',
				params: { everyLanguage: false }
			});
			expect(await outboxRow(db(), unknown)).toMatchObject({
				locale: 'en',
				params: { everyLanguage: true }
			});
			const mails = await drainOutbox(db());
			const sv = mails.find((m) => m.to === known.email)!;
			expect(sv.subject).toMatch(/^Inbjudan till teamet Team \w+$/);
			expect(sv.text).toContain('tacka nej');
			expect(sv.text).not.toContain('Kutsu');
			const all = mails.find((m) => m.to === unknown)!;
			// The inviter's language first, then the other two; one link.
			expect(all.subject).toMatch(
				/^Invitation to the team (Team \w+) \/ Kutsu tiimiin \1 \/ Inbjudan till teamet \1$/
			);
			for (const words of ['Hello,', 'Hei,', 'Hej,', 'decline', 'kieltäytyä', 'tacka nej'])
				expect(all.text).toContain(words);
			expect(all.text.match(/\/invitations\//g)).toHaveLength(1);
		});

		it('can be declined with the link alone; the lead sees it; accepting then is refused', async () => {
			const lead = await createUser(db(), 'Lauri Lead');
			const invitee = await createUser(db(), 'Iida Invitee');
			const team = await createTeamWith(db(), lead.id);
			await db().as(as(lead), (tx) => inviteMember(tx, team.id, invitee.email));
			const token = await invitationToken(db(), invitee.email);

			// Signed out (anon), holding the mailed link.
			expect(await db().as(null, (tx) => declineInvitation(tx, token))).toBe('declined');
			expect(await db().as(null, (tx) => declineInvitation(tx, token))).toBe('declined');
			expect(await db().as(null, (tx) => declineInvitation(tx, 'x'.repeat(32)))).toBe('unknown');
			expect((await db().as(null, (tx) => invitationPreview(tx, token)))?.status).toBe('declined');
			expect((await db().as(as(invitee), (tx) => acceptInvitation(tx, token))).result).toBe(
				'declined'
			);
			const seen = await db().as(as(lead), (tx) => getTeam(tx, team.id, 'en'));
			expect(seen?.invitations).toEqual([
				expect.objectContaining({ email: invitee.email, declinedAt: expect.any(Date) })
			]);
			expect(seen?.members.map((m) => m.userId)).toEqual([lead.id]);

			// Only the function sets it: the lead cannot clear a decline by hand.
			await expect(
				db().as(as(lead), (tx) =>
					tx.query('update public.team_invitations set declined_at = null where team_id = $1', [
						team.id
					])
				)
			).rejects.toThrow(/permission denied/);

			// Inviting again replaces the declined invitation with an open one.
			await db().as(as(lead), (tx) => inviteMember(tx, team.id, invitee.email));
			const again = await invitationToken(db(), invitee.email);
			expect((await db().as(as(invitee), (tx) => acceptInvitation(tx, again))).result).toBe(
				'joined'
			);
			// An accepted invitation cannot be declined.
			expect(await db().as(null, (tx) => declineInvitation(tx, again))).toBe('used');
		});
	});

	describe('the verification link', () => {
		const account = (name: string) => ({
			email: `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@test.example`,
			password: PASSWORD,
			displayName: name,
			locale: 'fi' as const
		});

		it('signs in the browser that signed up, once', async () => {
			const created = await signUp(db(), account('browser'));
			if (!created.ok) throw new Error('not created');
			const opened = await openVerificationLink(db(), created.verifyToken, created.browserNonce);
			expect(opened.verified).toBe(true);
			if (!opened.verified || !opened.session) throw new Error('no session');
			expect(opened.session.locale).toBe('fi');
			const session = await db().service('test: session', (tx) =>
				validateSession(tx, opened.session!.token)
			);
			expect(session?.id).toBe(created.userId);
			// The same link and cookie again: nothing more.
			expect(await openVerificationLink(db(), created.verifyToken, created.browserNonce)).toEqual({
				verified: false
			});
		});

		it('only verifies in another browser, and after a mail scanner the own browser still signs in', async () => {
			const created = await signUp(db(), account('elsewhere'));
			if (!created.ok) throw new Error('not created');
			// Another browser (no cookie, or someone else's): verified, not signed in.
			const other = await signUp(db(), account('other'));
			expect(await openVerificationLink(db(), created.verifyToken, other.browserNonce)).toEqual({
				verified: true,
				session: null
			});
			// Opened again elsewhere: used.
			expect(await verifyEmail(db(), created.verifyToken)).toBe(false);
			// The browser that signed up, afterwards: signed in.
			const mine = await openVerificationLink(db(), created.verifyToken, created.browserNonce);
			expect(mine.verified && mine.session?.token).toBeTruthy();
		});

		it('a taken address gets a nonce too, and nothing signs anyone in', async () => {
			const first = await signUp(db(), account('taken'));
			if (!first.ok) throw new Error('not created');
			const second = await signUp(db(), { ...account('x'), email: account('taken').email });
			expect(second.browserNonce).toMatch(/^[a-z2-7]{32}$/);
			expect(await openVerificationLink(db(), first.verifyToken, second.browserNonce)).toEqual({
				verified: true,
				session: null
			});
		});
	});

	describe('the dashboard', () => {
		it('lists my teams, their applications with the next step, and nothing of others', async () => {
			const owner = await createUser(db(), 'Olga Owner');
			const org = await createOrganisation(db(), owner.id);
			const open = await createOpenChallenge(db(), org.id);
			const closed = await createOpenChallenge(db(), org.id);
			const me = await createUser(db(), 'Minna Member');
			const mate = await createUser(db(), 'Matti Mate');
			const stranger = await createUser(db(), 'Sari Stranger');
			const team = await createTeamWith(db(), me.id, [mate.id]);
			const theirs = await createTeamWith(db(), stranger.id);
			for (const c of [open, closed])
				await db().as(as(me), (tx) => startApplication(tx, c.id, team.id));
			await db().as(as(stranger), (tx) => startApplication(tx, open.id, theirs.id));
			await setDeadline(db(), closed.id, new Date(Date.now() - 1000));

			const home = await loadDashboard(db(), me, 'en');
			expect(home.teams.map((t) => t.id)).toEqual([team.id]);
			expect(home.applications.map((a) => [a.challengeSlug, a.teamId, a.next])).toEqual([
				[open.slug, team.id, 'finish_draft'],
				[closed.slug, team.id, 'draft_closed']
			]);
			expect(home.applications[0].deadline).toBeInstanceOf(Date);
			expect(home.challenges.items).toEqual([]);
			expect(home.facilitator).toBe(false);

			// An owner sees the organisation's challenges; a newcomer an empty home.
			const owners = await loadDashboard(db(), owner, 'en');
			expect(owners.challenges.items.map((c) => c.id).sort()).toEqual([open.id, closed.id].sort());
			const empty = await loadDashboard(db(), await createUser(db(), 'Uusi'), 'en');
			expect(empty).toMatchObject({
				teams: [],
				applications: [],
				workshops: { items: [], total: 0 },
				challenges: { items: [], total: 0 }
			});
		});
	});
});
