import { expect, it } from 'vitest';
import { signInSchema, signUpSchema } from '../../src/lib/domain/account-schemas';
import { addMemberSchema } from '../../src/lib/domain/organisation-schemas';
import { inviteSchema } from '../../src/lib/domain/team-schemas';
import { signIn, signUp, verifyEmail } from '../../src/lib/server/auth/accounts';
import { addMember } from '../../src/lib/server/organisations';
import { acceptInvitation, inviteMember } from '../../src/lib/server/teams';
import { createTeamWith } from './application-fixtures';
import { describeEachDatabase } from './databases';
import { invitationToken } from './mail-helpers';
import { createOrganisation, createUser } from './fixtures';

// Issue 11, item 10: `nimi@äänekoski.fi` was refused as malformed. Typed in any case or as
// its ASCII form, it is one address: the account, the sign-in, a team invitation and an
// organisation's member list all find the same person, on PGlite and Postgres alike.

describeEachDatabase('an internationalised email domain, end to end', (db) => {
	it('signs up, signs in, is invited and added as the same person however typed', async () => {
		const box = Math.random().toString(36).slice(2, 8);
		const PASSWORD = 'correct horse battery staple';
		const form = signUpSchema.parse({
			email: ` Nimi.${box}@ÄÄNEKOSKI.fi `,
			password: PASSWORD,
			displayName: 'Nimi',
			locale: 'fi'
		});
		expect(form.email).toBe(`nimi.${box}@äänekoski.fi`);
		const created = await signUp(db(), form);
		if (!created.ok) throw new Error(created.reason);
		await verifyEmail(db(), created.verifyToken);
		const [stored] = await db().service('test: stored address', (tx) =>
			tx.query<{ email: string }>('select email from public.profiles where id = $1', [
				created.userId
			])
		);
		expect(stored.email).toBe(form.email);

		// The same mailbox in its ASCII form is the same account.
		const ascii = `nimi.${box}@xn--nekoski-4waa.fi`;
		const again = signInSchema.parse({ email: ascii.toUpperCase(), password: PASSWORD });
		expect(await signIn(db(), again.email, PASSWORD)).toMatchObject({
			ok: true,
			userId: created.userId
		});
		const taken = await signUp(db(), signUpSchema.parse({ ...form, email: ascii }));
		expect(taken).toMatchObject({ ok: false, reason: 'email_taken' });

		const lead = await createUser(db(), 'Lead');
		const team = await createTeamWith(db(), lead.id);
		const invite = inviteSchema.parse({ email: ascii });
		const invited = await db().as(lead, (tx) => inviteMember(tx, team.id, invite.email));
		if (!invited.ok) throw new Error(invited.reason);
		const token = await invitationToken(db(), invite.email);
		const person = { id: created.userId, email: form.email };
		expect(await db().as(person, (tx) => acceptInvitation(tx, token))).toMatchObject({
			result: 'joined'
		});

		const owner = await createUser(db(), 'Owner');
		const org = await createOrganisation(db(), owner.id);
		const member = addMemberSchema.parse({ email: `NIMI.${box}@äänekoski.FI`, role: 'member' });
		expect(await db().as(owner, (tx) => addMember(tx, org.id, member.email, 'member'))).toEqual({
			outcome: 'added',
			userId: created.userId
		});
	});
});
