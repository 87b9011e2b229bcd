import { expect, it } from 'vitest';
import type { Database, Principal } from '../../src/lib/server/db';
import { applicationPhase } from '../../src/lib/domain/application-phase';
import { startApplication } from '../../src/lib/server/applications/editor';
import { loadDashboard } from '../../src/lib/server/dashboard';
import { declineInvitation, getTeam, inviteMember } from '../../src/lib/server/teams';
import { describeEachDatabase } from './databases';
import { createOpenChallenge, createTeamWith, setDeadline } from './application-fixtures';
import { createOrganisation, createUser } from './fixtures';
import { drainOutbox, invitationToken } from './mail-helpers';

/**
 * Issue 12 leftovers: a declined team invitation is mailed to the lead in the lead's
 * language (supabase/migrations/20261203000300_decline_mails_lead.sql), and the team page
 * and the dashboard name an application's state as its own page does (applicationPhase).
 */
type User = { id: string; email: string };
const as = (u: User): Principal => u;

async function setLocale(db: Database, user: User, locale: string) {
	await db.service('test: locale', (tx) =>
		tx.query('update public.profiles set locale = $2 where id = $1', [user.id, locale])
	);
}

describeEachDatabase('issue 12 leftovers', (db) => {
	it('mails the lead, in the lead’s language, once, when an invitee declines', async () => {
		const lead = await createUser(db(), 'Liisa Lead');
		await setLocale(db(), lead, 'fi');
		const invitee = `declines-${Date.now()}@test.example`;
		const team = await createTeamWith(db(), lead.id);
		await db().as(as(lead), (tx) => inviteMember(tx, team.id, invitee));
		const token = await invitationToken(db(), invitee);
		await drainOutbox(db());

		// Signed out, with the link alone; a second decline mails nobody again.
		expect(await db().as(null, (tx) => declineInvitation(tx, token))).toBe('declined');
		expect(await db().as(null, (tx) => declineInvitation(tx, token))).toBe('declined');
		const toLead = (await drainOutbox(db())).filter((m) => m.to === lead.email);
		expect(toLead).toHaveLength(1);
		expect(toLead[0].subject).toMatch(/^Kutsu tiimiin .+ hylättiin$/);
		expect(toLead[0].text).toContain(invitee);
		expect(toLead[0].text).toContain(`/teams/${team.id}`);
	});

	it('names an unsent draft after the deadline “not submitted” on the team page and dashboard', async () => {
		const owner = await createUser(db(), 'Olli Owner');
		const org = await createOrganisation(db(), owner.id);
		const open = await createOpenChallenge(db(), org.id);
		const closed = await createOpenChallenge(db(), org.id);
		const lead = await createUser(db(), 'Leena Lead');
		const team = await createTeamWith(db(), lead.id);
		for (const c of [open, closed])
			await db().as(as(lead), (tx) => startApplication(tx, c.id, team.id));
		await setDeadline(db(), closed.id, new Date(Date.now() - 1000));

		const seen = await db().as(as(lead), (tx) => getTeam(tx, team.id, 'en'));
		const phases = Object.fromEntries(
			seen!.applications.map((a) => [a.challengeSlug, applicationPhase(a).phase])
		);
		expect(phases).toEqual({ [open.slug]: 'draft', [closed.slug]: 'not_submitted' });

		const home = await loadDashboard(db(), lead, 'en');
		expect(
			Object.fromEntries(home.applications.map((a) => [a.challengeSlug, applicationPhase(a).phase]))
		).toEqual(phases);
	});
});
