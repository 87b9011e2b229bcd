import { beforeAll, describe, expect, it } from 'vitest';
import {
	accessibilityFeedbackPage,
	remindOfOpenFeedback,
	replyToAccessibilityFeedback,
	submitAccessibilityFeedback,
	updateAccessibilityFeedback
} from '../../src/lib/server/feedback';
import {
	acceptOrganisationInvitation,
	changeMemberRole,
	createOrganisation as newOrganisation,
	getOrganisation,
	inviteOrganisationMember,
	membersPage,
	openInvitationsPage,
	organisationInvitationPreview,
	removeOrganisationMember
} from '../../src/lib/server/organisations';
import { NO_FILTER } from '../../src/lib/domain/list-filter';
import { describeEachDatabase } from './databases';
import { createOrganisation, createUser } from './fixtures';
import { drainOutbox } from './mail-helpers';

// Issue 12, admin: organisation names in three languages, slugs made free, members
// invited by email with roles changed in place, and accessibility feedback's workflow.
// Every call runs as `authenticated` with the person's claims (db.as), as the app does.

type User = { id: string; email: string; aal?: 'aal1' | 'aal2' };

const unique = () => Math.random().toString(36).slice(2, 8);

/** The token of the newest organisation invitation mailed to `email` (only the mail has it). */
async function orgInvitationToken(db: Parameters<typeof drainOutbox>[0], email: string) {
	const [row] = await db.service('test: organisation invitation link', (tx) =>
		tx.query<{ path: string }>(
			`select params ->> 'path' as path from private.mail_outbox
			 where template = 'organisation_invitation' and to_email = $1 order by id desc limit 1`,
			[email]
		)
	);
	if (!row?.path) throw new Error(`no organisation invitation mailed to ${email}`);
	return row.path.replace('/organisations/invitations/', '');
}

describeEachDatabase('organisation administration (issue 12)', (db) => {
	let admin: User;
	let owner: User;
	let outsider: User;
	let org: { id: string; slug: string };

	beforeAll(async () => {
		admin = await createUser(db(), 'Ada Admin', { admin: true });
		owner = await createUser(db(), 'Olli Owner');
		outsider = await createUser(db(), 'Otto Outsider');
		org = await createOrganisation(db(), owner.id);
	});

	describe('names in fi/sv/en', () => {
		it('keeps the name in the primary language as `name`, and all three in `names`', async () => {
			const names = { fi: 'Helsingin kaupunki', sv: 'Helsingfors stad', en: 'City of Helsinki' };
			const created = await db().as(admin, (tx) =>
				newOrganisation(tx, {
					slug: `helsinki-${unique()}`,
					name: 'Helsingin kaupunki',
					names,
					primaryLocale: 'fi',
					kind: 'public_body',
					businessId: '',
					website: ''
				})
			);
			const read = await db().as(null, (tx) => getOrganisation(tx, created.slug));
			expect(read).toMatchObject({ name: 'Helsingin kaupunki', names, primaryLocale: 'fi' });
			// An old client changing `name` alone changes the primary language's name.
			await db().as(admin, (tx) =>
				tx.query(`update public.organisations set name = 'Stadi' where id = $1`, [created.id])
			);
			const renamed = await db().as(null, (tx) => getOrganisation(tx, created.slug));
			expect(renamed?.names).toEqual({ ...names, fi: 'Stadi' });
		});

		it('a created organisation whose slug is taken gets the next free one', async () => {
			const slug = `sama-${unique()}`;
			const make = () =>
				db().as(admin, (tx) =>
					newOrganisation(tx, {
						slug,
						name: 'Sama',
						names: { fi: 'Sama' },
						primaryLocale: 'fi',
						kind: 'other',
						businessId: '',
						website: ''
					})
				);
			const [a, b, c] = await Promise.all([make(), make(), make()]);
			expect([a.slug, b.slug, c.slug].sort()).toEqual([slug, `${slug}-2`, `${slug}-3`]);
		});
	});

	describe('members', () => {
		it('pages the open invitations, newest first, and shows them to owners only', async () => {
			const inviting = await createOrganisation(db(), owner.id);
			// Invited over a month by several owners (one owner's invitations are rate-limited):
			// 23 open, the newest a day old; one accepted and one expired, which are not listed.
			const tag = unique();
			await db().service('test: open invitations', (tx) =>
				tx.query(
					`insert into public.organisation_invitations
					   (organisation_id, email, token_hash, created_at, expires_at, accepted_at)
					 select $1, 'kutsu-' || i || '-' || $2 || '@test.example',
					   encode(sha256(convert_to($2 || i, 'UTF8')), 'hex'),
					   now() - (30 - i || ' days')::interval,
					   case when i = 25 then now() - interval '1 hour' else now() + interval '14 days' end,
					   case when i = 24 then now() end
					 from generate_series(1, 25) i`,
					[inviting.id, tag]
				)
			);
			const pages = await db().as(owner, (tx) =>
				Promise.all([1, 2, 3].map((n) => openInvitationsPage(tx, inviting.id, n, 20)))
			);
			expect(pages.map((p) => [p.total, p.page, p.pages, p.items.length])).toEqual([
				[23, 1, 2, 20],
				[23, 2, 2, 3],
				// Past the last page: the last.
				[23, 2, 2, 3]
			]);
			expect(pages.slice(0, 2).flatMap((p) => p.items.map((i) => i.email))).toEqual(
				Array.from({ length: 23 }, (_, i) => `kutsu-${23 - i}-${tag}@test.example`)
			);
			const seen = await db().as(outsider, (tx) => openInvitationsPage(tx, inviting.id, 1));
			expect([seen.total, seen.items]).toEqual([0, []]);
		});

		it('invites an address without an account; only that address accepts, with the role', async () => {
			const email = `kutsuttu-${unique()}@test.example`;
			expect(
				await db().as(outsider, (tx) => inviteOrganisationMember(tx, org.id, email, 'owner'))
			).toBe('forbidden');
			expect(
				await db().as(owner, (tx) => inviteOrganisationMember(tx, org.id, email, 'owner'))
			).toBe('invited');
			const open = await db().as(owner, (tx) => openInvitationsPage(tx, org.id, 1));
			expect(open.items.map((i) => [i.email, i.role])).toEqual([[email, 'owner']]);
			expect((await db().as(outsider, (tx) => openInvitationsPage(tx, org.id, 1))).total).toBe(0);

			const token = await orgInvitationToken(db(), email);
			const mails = await drainOutbox(db());
			const mail = mails.find((m) => m.to === email);
			expect(mail?.subject).toMatch(/Invitation to Organisation/);
			const preview = await db().as(null, (tx) => organisationInvitationPreview(tx, token));
			expect(preview).toMatchObject({ invitedEmail: email, role: 'owner', status: 'open' });

			// A forwarded link does not let another person in.
			expect(await db().as(outsider, (tx) => acceptOrganisationInvitation(tx, token))).toBe(
				'wrong_account'
			);
			// The invitee signs up with the invited address, then accepts.
			const [invitee] = await db().service('test: sign up the invitee', (tx) =>
				tx.query<{ id: string }>(
					`insert into auth.users (email, email_confirmed_at, raw_user_meta_data)
					 values ($1, now(), '{"display_name": "Kaisa Kutsuttu"}') returning id`,
					[email]
				)
			);
			const user = { id: invitee.id, email };
			expect(await db().as(user, (tx) => acceptOrganisationInvitation(tx, token))).toBe('joined');
			expect(await db().as(user, (tx) => acceptOrganisationInvitation(tx, token))).toBe('used');
			const members = await db().as(owner, (tx) =>
				membersPage(tx, org.id, [], 1, 'fi').then((p) => p.items)
			);
			expect(members.find((m) => m.userId === invitee.id)?.role).toBe('owner');
			expect(
				await db().as(owner, (tx) => inviteOrganisationMember(tx, org.id, email, 'member'))
			).toBe('already_member');
			// The owner inviting herself is told the same (issue 16, item 2).
			expect(
				await db().as(owner, (tx) => inviteOrganisationMember(tx, org.id, owner.email, 'owner'))
			).toBe('already_member');
		});

		it('changes a role in place and keeps the last owner', async () => {
			const alone = await createUser(db(), 'Yksin Omistaja');
			const member = await createUser(db(), 'Maija Member');
			const small = await createOrganisation(db(), alone.id, [member.id]);
			expect(await changeMemberRole(db(), alone, small.id, alone.id, 'member')).toBe('last_owner');
			expect(await changeMemberRole(db(), member, small.id, member.id, 'owner')).toBe('forbidden');
			expect(await changeMemberRole(db(), alone, small.id, member.id, 'owner')).toBe('changed');
			expect(await changeMemberRole(db(), alone, small.id, member.id, 'owner')).toBe('unchanged');
			// Two owners now: one may step down, then the other is the last.
			expect(await changeMemberRole(db(), member, small.id, alone.id, 'member')).toBe('changed');
			expect(await removeOrganisationMember(db(), member, small.id, member.id)).toBe('last_owner');
			expect(await removeOrganisationMember(db(), member, small.id, alone.id)).toBe('removed');
			expect(await removeOrganisationMember(db(), member, small.id, alone.id)).toBe('not_member');
			expect(await removeOrganisationMember(db(), outsider, small.id, member.id)).toBe('forbidden');
		});
	});

	describe('accessibility feedback', () => {
		/** Every item the admin sees, on one page. */
		const everyItem = async () =>
			(await db().as(admin, (tx) => accessibilityFeedbackPage(tx, NO_FILTER, 1, 100_000))).items;
		async function feedback(locale: 'fi' | 'sv' | 'en', contactEmail: string) {
			const message = `Fokus syns inte ${unique()}`;
			await db().as(null, (tx) =>
				submitAccessibilityFeedback(
					tx,
					{ message, page: '/', contactEmail },
					locale,
					'198.51.100.7'
				)
			);
			const [row] = await db().service('test: feedback id', (tx) =>
				tx.query<{ id: string }>(
					'select id from public.accessibility_feedback where message = $1',
					[message]
				)
			);
			return row.id;
		}

		it('only a platform admin with a second factor sets status and handler', async () => {
			const id = await feedback('fi', '');
			expect(
				await db().as(owner, (tx) => updateAccessibilityFeedback(tx, id, 'closed', null))
			).toBe('forbidden');
			expect(
				await db().as({ ...admin, aal: 'aal1' }, (tx) =>
					updateAccessibilityFeedback(tx, id, 'closed', null)
				)
			).toBe('forbidden');
			expect(
				await db().as(admin, (tx) => updateAccessibilityFeedback(tx, id, 'in_progress', owner.id))
			).toBe('not_admin');
			expect(
				await db().as(admin, (tx) => updateAccessibilityFeedback(tx, id, 'in_progress', admin.id))
			).toBe('saved');
			const item = (await everyItem()).find((f) => f.id === id);
			expect(item).toMatchObject({ status: 'in_progress', handlerId: admin.id });
			// The columns stay out of reach of a direct update.
			const direct = await db()
				.as(admin, (tx) =>
					tx.query(`update public.accessibility_feedback set status = 'closed' where id = $1`, [id])
				)
				.catch((e: unknown) => e);
			expect(direct).toBeInstanceOf(Error);
		});

		it('mails the reply to the sender in the language the feedback was written in', async () => {
			const address = `palaute-${unique()}@test.example`;
			const id = await feedback('sv', address);
			const anonymous = await feedback('fi', '');
			expect(
				await db().as(admin, (tx) => replyToAccessibilityFeedback(tx, anonymous, 'Kiitos'))
			).toBe('no_address');
			expect(await db().as(owner, (tx) => replyToAccessibilityFeedback(tx, id, 'Tack'))).toBe(
				'forbidden'
			);
			expect(
				await db().as(admin, (tx) =>
					replyToAccessibilityFeedback(tx, id, 'Tack! Vi har rättat fokusramen.')
				)
			).toBe('sent');
			const item = (await everyItem()).find((f) => f.id === id);
			expect(item).toMatchObject({ status: 'answered', handlerId: admin.id });
			const mail = (await drainOutbox(db())).find((m) => m.to === address);
			expect(mail?.subject).toBe('Svar på din respons om tillgänglighet');
			expect(mail?.text).toContain('Tack! Vi har rättat fokusramen.');
		});

		it('reminds the admins once, three days before the 14 days pass', async () => {
			const id = await feedback('en', '');
			await drainOutbox(db());
			await db().service('test: feedback 10 days old', (tx) =>
				tx.query(
					`update public.accessibility_feedback set created_at = now() - interval '10 days'
					 where id = $1`,
					[id]
				)
			);
			expect(await remindOfOpenFeedback(db())).toBe(0);
			await db().service('test: feedback 12 days old', (tx) =>
				tx.query(
					`update public.accessibility_feedback set created_at = now() - interval '12 days'
					 where id = $1`,
					[id]
				)
			);
			expect(await remindOfOpenFeedback(db())).toBeGreaterThanOrEqual(1);
			const mails = await drainOutbox(db());
			const reminders = mails.filter((m) => m.text.includes(`/admin#feedback-${id}`));
			expect(reminders.map((m) => m.to)).toContain(admin.email);
			expect(reminders[0].subject).toMatch(/must be answered by/);
			expect(await remindOfOpenFeedback(db())).toBe(0);
		});
	});
});
