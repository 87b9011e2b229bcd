import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, signUp, verifyEmail } from '../../src/lib/server/auth/accounts';
import { changePassword } from '../../src/lib/server/auth/password-change';
import {
	completeSignIn,
	confirmSecondFactor,
	startEnrolment,
	turnOffSecondFactor
} from '../../src/lib/server/auth/second-factor';
import { signOut, validateSession } from '../../src/lib/server/auth/sessions';
import { changeMemberRole, removeOrganisationMember } from '../../src/lib/server/organisations';
import { saveScreening } from '../../src/lib/server/applications/screening';
import { listAuditEntries } from '../../src/lib/server/audit-view';
import { recordAudit } from '../../src/lib/server/audit';
import { AUDIT_PAGE_SIZE, auditQuerySchema } from '../../src/lib/domain/audit-filters';
import { totpCode, totpCounter } from '../../src/lib/domain/totp';
import type { Database, Principal } from '../../src/lib/server/db/database';
import { signInFormRefused, signInOutcome } from '../../src/lib/server/http/rate-limit';
import { describeEachDatabase } from './databases';
import { createOrganisation, createUser } from './fixtures';
import { createScreeningScenario } from './screening-fixtures';

/**
 * What the audit log records (issue 15; 20261209001100_audit_events.sql and
 * src/lib/server/auth/*): sign-ins and failures through the functions the routes call,
 * role changes and decisions through the real functions, each with actor, target and
 * address and never a secret; and the admin view's filters and pages, read as the admin.
 */
const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'violet lantern under quiet hills';
const ADDRESS = '203.0.113.9';

type Entry = {
	actor_id: string | null;
	action: string;
	target_kind: string | null;
	target_id: string | null;
	address: string | null;
	details: Record<string, unknown>;
};

let counter = 0;
async function account(db: Database, name = 'Aapo Audit') {
	const email = `audit${++counter}-${Math.random().toString(36).slice(2, 8)}@test.example`;
	const created = await signUp(db, { email, password: PASSWORD, displayName: name, locale: 'en' });
	if (!created.ok) throw new Error('sign-up failed');
	await verifyEmail(db, created.verifyToken);
	return { id: created.userId, email, displayName: name };
}

/** The entries about `targetId` (or by `actor`), oldest first, read past RLS. */
const entries = (db: Database, where: { targetId?: string; actor?: string }) =>
	db.service('test: audit entries', (tx) =>
		tx.query<Entry>(
			`select actor_id, action, target_kind, target_id, host(address) as address, details
			 from public.audit_log where ($1::text is null or target_id = $1)
			   and ($2::uuid is null or actor_id = $2) order by id`,
			[where.targetId ?? null, where.actor ?? null]
		)
	);

/** No entry holds anything like the password or a code typed. */
async function holdsNoSecret(db: Database, ...secrets: string[]) {
	const [row] = await db.service('test: audit text', (tx) =>
		tx.query<{ text: string }>(
			`select coalesce(string_agg(details::text || coalesce(target_id, ''), ' '), '') as text
			 from public.audit_log`
		)
	);
	for (const s of secrets) expect(row.text).not.toContain(s);
}

const codeNow = (secret: Uint8Array, ahead = 0) =>
	totpCode(secret, totpCounter(Date.now()) + ahead);

describeEachDatabase('audit events', (db) => {
	let admin: Awaited<ReturnType<typeof createUser>>;

	beforeAll(async () => {
		admin = await createUser(db(), 'Ada Auditor', { admin: true });
	});

	describe('sign-ins', () => {
		it('records a sign-in and each failure with its reason and address, never the password', async () => {
			const person = await account(db());
			const ok = await signIn(db(), person.email, PASSWORD, null, ADDRESS);
			expect(ok.ok).toBe(true);
			await signIn(db(), person.email, 'not the password at all', null, ADDRESS);
			const nobody = `nobody-${counter}@test.example`;
			await signIn(db(), nobody, 'guessing away', null, ADDRESS);
			expect(await entries(db(), { targetId: person.id })).toEqual([
				{
					actor_id: person.id,
					action: 'sign_in',
					target_kind: 'user',
					target_id: person.id,
					address: ADDRESS,
					details: { step: 'password', complete: true }
				}
			]);
			expect(await entries(db(), { targetId: person.email })).toEqual([
				{
					actor_id: null,
					action: 'sign_in_failed',
					target_kind: 'email',
					target_id: person.email,
					address: ADDRESS,
					details: { reason: 'wrong_password' }
				}
			]);
			expect((await entries(db(), { targetId: nobody }))[0].details).toEqual({
				reason: 'unknown_account'
			});
			await holdsNoSecret(db(), PASSWORD, 'not the password at all', 'guessing away');
		});

		it('records a sign-in the limit refused, with the reason locked (both modes’ forms)', async () => {
			const email = `limited${++counter}@test.example`;
			const event = {
				request: new Request('http://127.0.0.1/auth/sign-in', { method: 'POST' }),
				getClientAddress: () => '198.51.100.23',
				setHeaders: () => {},
				locals: { db: db() }
			};
			let refused = null;
			for (let i = 0; i < 30 && !refused; i++) {
				refused = await signInFormRefused(event, email);
				if (!refused) await signInOutcome(event, email, false);
			}
			expect(refused).not.toBeNull();
			const recorded = await entries(db(), { targetId: email });
			expect(recorded).toHaveLength(1);
			expect(recorded[0]).toMatchObject({
				action: 'sign_in_failed',
				address: '198.51.100.23',
				details: { reason: 'locked' }
			});
		});

		it('records an unverified account’s attempt', async () => {
			const email = `unverified${++counter}@test.example`;
			await signUp(db(), { email, password: PASSWORD, displayName: 'U', locale: 'fi' });
			await signIn(db(), email, PASSWORD, null, ADDRESS);
			expect((await entries(db(), { targetId: email })).map((e) => e.details)).toEqual([
				{ reason: 'unverified' }
			]);
		});

		it('with a second factor: the password step, a wrong code, the code, enrolment and removal', async () => {
			const person = await account(db());
			const who = { id: person.id, address: ADDRESS };
			const secret = (await db().service('test', (tx) => startEnrolment(tx, person.id)))!;
			const enrolled = await confirmSecondFactor(db(), who, codeNow(secret));
			if (!enrolled.ok) throw new Error('not enrolled');
			const first = await signIn(db(), person.email, PASSWORD, null, ADDRESS);
			if (first.ok || first.reason !== 'second_factor') throw new Error('no challenge');
			await db().service('test', (tx) =>
				completeSignIn(tx, first.challenge, '000000', new Date(), ADDRESS)
			);
			const done = await db().service('test', (tx) =>
				completeSignIn(tx, first.challenge, codeNow(secret, 1), new Date(), ADDRESS)
			);
			expect(done.ok).toBe(true);
			expect((await turnOffSecondFactor(db(), who, enrolled.recoveryCodes[0])).ok).toBe(true);
			const seen = await entries(db(), { targetId: person.id });
			expect(seen.map((e) => [e.action, e.details])).toEqual([
				['second_factor', { change: 'enrolled' }],
				['sign_in', { step: 'password', complete: false }],
				['sign_in_failed', { reason: 'bad_code' }],
				['sign_in', { step: 'second_factor', complete: true, method: 'totp' }],
				['second_factor', { change: 'removed' }]
			]);
			expect(seen.every((e) => e.actor_id === person.id && e.address === ADDRESS)).toBe(true);
			await holdsNoSecret(db(), codeNow(secret, 1));
		});

		it('records a password change and a sign-out by the person', async () => {
			const person = await account(db());
			const opened = await signIn(db(), person.email, PASSWORD);
			if (!opened.ok) throw new Error('no session');
			const user = (await db().service('test', (tx) => validateSession(tx, opened.token)))!;
			await changePassword(db(), { ...user, address: ADDRESS }, PASSWORD, NEW_PASSWORD);
			await signOut(db(), opened.token, 'sign out', { userId: person.id, address: ADDRESS });
			const seen = await entries(db(), { targetId: person.id });
			expect(seen.slice(1).map((e) => [e.action, e.details, e.address])).toEqual([
				['password_change', { via: 'account' }, ADDRESS],
				['sign_out', {}, ADDRESS]
			]);
			await holdsNoSecret(db(), NEW_PASSWORD);
		});
	});

	describe('role changes', () => {
		it('records members added, their role changed and removed, by whom, from where', async () => {
			const owner = await createUser(db(), 'Olli Owner');
			const member = await createUser(db(), 'Mimmi Member');
			const org = await createOrganisation(db(), owner.id, [member.id]);
			const as = { ...owner, address: '198.51.100.7' };
			expect(await changeMemberRole(db(), as, org.id, member.id, 'owner')).toBe('changed');
			expect(await removeOrganisationMember(db(), as, org.id, member.id)).toBe('removed');
			const seen = await entries(db(), { targetId: member.id });
			expect(seen.map((e) => [e.action, e.details, e.actor_id, e.address])).toEqual([
				[
					'role_change',
					{ scope: 'organisation', organisation_id: org.id, from_role: null, to_role: 'member' },
					null,
					null
				],
				[
					'role_change',
					{ scope: 'organisation', organisation_id: org.id, from_role: 'member', to_role: 'owner' },
					owner.id,
					'198.51.100.7'
				],
				[
					'role_change',
					{ scope: 'organisation', organisation_id: org.id, from_role: 'owner', to_role: null },
					owner.id,
					'198.51.100.7'
				]
			]);
		});

		it('records a platform role granted and removed, and nothing for no change', async () => {
			const person = await createUser(db(), 'Fanni Facilitator');
			await db().service('test: grant', async (tx) => {
				await tx.query('insert into public.platform_facilitators (user_id) values ($1)', [
					person.id
				]);
				await tx.query('delete from public.platform_facilitators where user_id = $1', [person.id]);
			});
			expect((await entries(db(), { targetId: person.id })).map((e) => e.details)).toEqual([
				{ scope: 'platform', from_role: null, to_role: 'platform_facilitator' },
				{ scope: 'platform', from_role: 'platform_facilitator', to_role: null }
			]);
		});
	});

	describe('decisions', () => {
		it('records a screening decision published and its correction, by the owner', async () => {
			const s = await createScreeningScenario(db());
			const [req1, req2] = s.challenge.requirementIds;
			const screen = (eligible: boolean) =>
				db().as({ ...s.owner, address: ADDRESS }, (tx) =>
					saveScreening(tx, s.appB.id, {
						marks: [
							{ requirementId: req1, met: eligible, reason: eligible ? '' : 'Missing.' },
							{ requirementId: req2, met: true, reason: '' }
						],
						decision: { eligible, justification: eligible ? 'Meets all.' : 'Missing one.' }
					})
				);
			await screen(true);
			await screen(false);
			const seen = await db().service('test: decision entries', (tx) =>
				tx.query<Entry>(
					`select a.actor_id, a.action, a.target_kind, a.target_id, host(a.address) as address, a.details
					 from public.audit_log a join public.decisions d on d.id::text = a.target_id
					 where a.action = 'decision' and d.challenge_id = $1 order by a.id`,
					[s.challenge.id]
				)
			);
			// Team A's screening, decided by the scenario, comes first; then team B's two.
			const published = seen.filter((e) => e.details.step === 'published').slice(-2);
			expect(published.map((e) => e.details.kind)).toEqual(['decision', 'correction']);
			expect(published.every((e) => e.actor_id === s.owner.id && e.address === ADDRESS)).toBe(true);
			expect(published[1].details.replaces).toBe(published[0].target_id);
			// An admin reads the decision named by its stage and the procedure that names it.
			const [target] = await db().as(admin, (tx) =>
				tx.query<{ t: Record<string, unknown> }>(
					"select public.audit_target('decision', $1) as t",
					[published[0].target_id]
				)
			);
			expect(target.t).toMatchObject({ stage: 'screening', procedure: 'open_challenge' });
		});
	});

	describe('the admin view', () => {
		const page = (who: Principal, q: Record<string, string> = {}) =>
			db().as(who, (tx) => listAuditEntries(tx, auditQuerySchema.parse(q)));

		it('shows the admin entries with names; a non-admin and an admin without aal2 read nothing', async () => {
			const person = await account(db(), 'Vilma Viewer');
			await signIn(db(), person.email, 'wrong password for the view', null, ADDRESS);
			await signIn(db(), person.email, PASSWORD, null, ADDRESS);
			const mine = await page(admin, { target: person.email });
			expect(mine.entries.map((e) => e.action)).toEqual(['sign_in', 'sign_in_failed']);
			expect(mine.entries[0]).toMatchObject({
				actor: { name: 'Vilma Viewer', email: person.email },
				target: { name: 'Vilma Viewer', email: person.email },
				address: ADDRESS
			});
			expect((await page(person)).entries).toEqual([]);
			expect((await page({ ...admin, aal: 'aal1' })).entries).toEqual([]);
			// Nor does audit_target name anything for them.
			const [named] = await db().as(person, (tx) =>
				tx.query<{ t: unknown }>("select public.audit_target('user', $1) as t", [person.id])
			);
			expect(named.t).toBeNull();
		});

		it('filters by action, actor, target and days, and pages by id', async () => {
			const person = await account(db(), 'Paula Pager');
			for (let i = 0; i < AUDIT_PAGE_SIZE + 3; i++)
				await db().service('test: many', (tx) =>
					recordAudit(tx, {
						action: 'data_export',
						actorId: person.id,
						targetKind: 'user',
						targetId: person.id
					})
				);
			const byActor = { action: 'data_export', actor: person.email };
			const first = await page(admin, byActor);
			expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
			expect(first.older).toBe(first.entries.at(-1)!.id);
			const ids = first.entries.map((e) => Number(e.id));
			expect(ids).toEqual([...ids].sort((a, b) => b - a));
			const second = await page(admin, { ...byActor, before: first.older! });
			expect(second.entries).toHaveLength(3);
			expect(second.older).toBeNull();
			expect(Number(second.entries[0].id)).toBeLessThan(Number(first.older));
			expect((await page(admin, { action: 'sign_out', actor: person.email })).entries).toEqual([]);
			// The actor search is a substring, with % and _ literal.
			expect((await page(admin, { actor: '%' })).entries).toEqual([]);
			expect(
				(await page(admin, { target: 'Paula Pag', action: 'data_export' })).entries
			).toHaveLength(AUDIT_PAGE_SIZE);
			const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(
				new Date()
			);
			expect((await page(admin, { ...byActor, from: today, to: today })).entries).toHaveLength(
				AUDIT_PAGE_SIZE
			);
			expect(
				(await page(admin, { ...byActor, from: '2020-01-01', to: '2020-01-31' })).entries
			).toEqual([]);
		});
	});
});
