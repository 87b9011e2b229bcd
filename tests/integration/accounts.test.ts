import { expect, it } from 'vitest';
import {
	requestPasswordReset,
	resetPassword,
	signIn,
	signUp,
	verifyEmail
} from '../../src/lib/server/auth/accounts';
import {
	createSession,
	SESSION_ABSOLUTE_MS,
	SESSION_IDLE_MS,
	validateSession
} from '../../src/lib/server/auth/sessions';
import { describeEachDatabase } from './databases';
import { resetTokenFor } from './mail-helpers';
import { createUser } from './fixtures';

const PASSWORD = 'correct horse battery staple';

describeEachDatabase('sessions', (db) => {
	it('a token from the cookie maps to its user; an unknown or tampered one to nobody', async () => {
		const user = await createUser(db(), 'Session Person');
		const { token } = await db().service('test', (tx) => createSession(tx, user.id));
		const found = await db().statement('test', (q) => validateSession(q, token));
		expect(found).toMatchObject({ id: user.id, email: user.email, displayName: 'Session Person' });
		const tampered = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
		expect(await db().statement('test', (q) => validateSession(q, tampered))).toBeNull();
		expect(await db().statement('test', (q) => validateSession(q, ''))).toBeNull();
	});

	it('stores only a hash of the token', async () => {
		const user = await createUser(db());
		const { token } = await db().service('test', (tx) => createSession(tx, user.id));
		const rows = await db().service('test', (tx) =>
			tx.query('select 1 from local_auth.sessions where id = $1', [token])
		);
		expect(rows).toHaveLength(0);
	});

	it('an expired or idle session maps to nobody and is removed', async () => {
		const user = await createUser(db());
		const start = new Date('2026-01-01T10:00:00Z');
		const idle = await db().service('test', (tx) => createSession(tx, user.id, start));
		const afterIdle = new Date(start.getTime() + SESSION_IDLE_MS + 1000);
		expect(
			await db().statement('test', (q) => validateSession(q, idle.token, afterIdle))
		).toBeNull();
		expect(await db().statement('test', (q) => validateSession(q, idle.token, start))).toBeNull();

		// Used every day it still ends at the absolute limit.
		const busy = await db().service('test', (tx) => createSession(tx, user.id, start));
		for (let day = 1; day * 86_400_000 < SESSION_ABSOLUTE_MS; day += 1) {
			const at = new Date(start.getTime() + day * 86_400_000);
			expect(
				await db().statement('test', (q) => validateSession(q, busy.token, at))
			).not.toBeNull();
		}
		const end = new Date(start.getTime() + SESSION_ABSOLUTE_MS);
		expect(await db().statement('test', (q) => validateSession(q, busy.token, end))).toBeNull();
	});
});

describeEachDatabase('local accounts', (db) => {
	const email = () => `person-${Math.random().toString(36).slice(2, 10)}@test.example`;

	it('sign up, verify by the mailed token, sign in', async () => {
		const address = email();
		const created = await signUp(db(), {
			email: address,
			password: PASSWORD,
			displayName: 'Pia',
			locale: 'sv'
		});
		expect(created.ok).toBe(true);
		if (!created.ok) return;
		expect(await signIn(db(), address, PASSWORD)).toMatchObject({
			ok: false,
			reason: 'unverified'
		});
		expect(await verifyEmail(db(), created.verifyToken)).toBe(true);
		expect(await verifyEmail(db(), created.verifyToken)).toBe(false);
		const signedIn = await signIn(db(), address, PASSWORD);
		expect(signedIn).toMatchObject({ ok: true, userId: created.userId, locale: 'sv' });
		const profile = await db().as({ id: created.userId }, (tx) =>
			tx.query('select display_name, locale from profiles where id = $1', [created.userId])
		);
		expect(profile).toEqual([{ display_name: 'Pia', locale: 'sv' }]);
	});

	it('refuses a second account with the same email and a wrong password', async () => {
		const address = email();
		await signUp(db(), { email: address, password: PASSWORD, displayName: 'A', locale: 'fi' });
		const again = await signUp(db(), {
			email: address,
			password: PASSWORD,
			displayName: 'B',
			locale: 'fi'
		});
		expect(again).toEqual({ ok: false, reason: 'email_taken', browserNonce: expect.any(String) });
		expect(await signIn(db(), address, 'wrong password entirely')).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await signIn(db(), email(), PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
	});

	it('a password reset replaces the password once and ends every session', async () => {
		const address = email();
		const created = await signUp(db(), {
			email: address,
			password: PASSWORD,
			displayName: 'R',
			locale: 'en'
		});
		if (!created.ok) throw new Error('sign-up failed');
		await verifyEmail(db(), created.verifyToken);
		const first = await signIn(db(), address, PASSWORD);
		if (!first.ok) throw new Error('sign-in failed');

		await requestPasswordReset(db(), address);
		const token = await resetTokenFor(db(), address);
		expect(token).not.toBeNull();
		const nobody = email();
		await requestPasswordReset(db(), nobody);
		expect(await resetTokenFor(db(), nobody)).toBeNull();
		const newPassword = 'a completely new passphrase';
		expect(await resetPassword(db(), token!, newPassword)).toBe(true);
		expect(await resetPassword(db(), token!, 'and yet another one here')).toBe(false);

		expect(await db().statement('test', (q) => validateSession(q, first.token))).toBeNull();
		expect(await signIn(db(), address, PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
		expect(await signIn(db(), address, newPassword)).toMatchObject({ ok: true });
	});
});
