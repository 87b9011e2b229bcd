import { expect, it } from 'vitest';
import { signIn, signUp, verifyEmail } from '../../src/lib/server/auth/accounts';
import { changePassword } from '../../src/lib/server/auth/password-change';
import {
	CHALLENGE_ATTEMPTS,
	CODE_FAILURE_LIMIT,
	completeSignIn,
	confirmEnrolment,
	disableSecondFactor,
	secondFactorStatus,
	startEnrolment
} from '../../src/lib/server/auth/second-factor';
import {
	createSession,
	endOtherSessions,
	endSession,
	listSessions,
	validateSession
} from '../../src/lib/server/auth/sessions';
import { hashToken } from '../../src/lib/server/auth/tokens';
import { needsSecondFactor } from '../../src/lib/server/http/guards';
import { totpCode, totpCounter } from '../../src/lib/domain/totp';
import type { Database } from '../../src/lib/server/db';
import { describeEachDatabase } from './databases';
import { createUser } from './fixtures';

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'violet lantern under quiet hills';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

let counter = 0;
async function account(db: Database) {
	const email = `security${++counter}-${Math.random().toString(36).slice(2, 8)}@test.example`;
	const created = await signUp(db, {
		email,
		password: PASSWORD,
		displayName: 'Sirkka Security',
		locale: 'en'
	});
	if (!created.ok) throw new Error('sign-up failed');
	await verifyEmail(db, created.verifyToken);
	return { id: created.userId, email, displayName: 'Sirkka Security' };
}

async function session(db: Database, email: string, password = PASSWORD) {
	const result = await signIn(db, email, password, FIREFOX);
	if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
	const user = await db.service('test', (tx) => validateSession(tx, result.token));
	return { token: result.token, user: user! };
}

const alive = (db: Database, token: string) =>
	db.service('test', (tx) => validateSession(tx, token)).then(Boolean);

/** The present code of a secret, and the next step's (a code works only once). */
const codeNow = (secret: Uint8Array, ahead = 0) =>
	totpCode(secret, totpCounter(Date.now()) + ahead);

describeEachDatabase('password change', (db) => {
	it('needs the current password, and ends every other session but this one', async () => {
		const person = await account(db());
		const here = await session(db(), person.email);
		const phone = await session(db(), person.email);
		const laptop = await session(db(), person.email);

		const wrong = await changePassword(db(), here.user, 'not my password at all', NEW_PASSWORD);
		expect(wrong).toEqual({ ok: false, reason: 'wrong_current' });
		expect(await alive(db(), phone.token)).toBe(true);

		const changed = await changePassword(db(), here.user, PASSWORD, NEW_PASSWORD);
		expect(changed.ok).toBe(true);
		if (changed.ok) {
			expect([...changed.endedSessions].sort()).toEqual(
				[hashToken(phone.token), hashToken(laptop.token)].sort()
			);
		}
		expect(await alive(db(), here.token)).toBe(true);
		expect(await alive(db(), phone.token)).toBe(false);
		expect(await alive(db(), laptop.token)).toBe(false);
		expect((await signIn(db(), person.email, PASSWORD)).ok).toBe(false);
		expect((await signIn(db(), person.email, NEW_PASSWORD)).ok).toBe(true);
	});

	it('refuses a common password and the same one again, as sign-up does', async () => {
		const person = await account(db());
		const here = await session(db(), person.email);
		expect(await changePassword(db(), here.user, PASSWORD, 'password1234')).toEqual({
			ok: false,
			reason: 'common'
		});
		expect(await changePassword(db(), here.user, PASSWORD, PASSWORD)).toEqual({
			ok: false,
			reason: 'same'
		});
	});
});

describeEachDatabase('sessions page', (db) => {
	it('lists only one’s own sessions, this one marked, with the device', async () => {
		const person = await account(db());
		const other = await account(db());
		const here = await session(db(), person.email);
		await session(db(), person.email);
		await session(db(), other.email);
		const list = await db().service('test', (tx) =>
			listSessions(tx, person.id, here.user.sessionId)
		);
		expect(list).toHaveLength(2);
		expect(list.filter((s) => s.current)).toHaveLength(1);
		expect(list.every((s) => s.userAgent === FIREFOX)).toBe(true);
		// The page gets a handle, never the token or its hash.
		expect(JSON.stringify(list)).not.toContain(here.user.sessionId!);
	});

	it('ends one’s own session by its handle, never another person’s', async () => {
		const person = await account(db());
		const other = await account(db());
		const here = await session(db(), person.email);
		const phone = await session(db(), person.email);
		const theirs = await session(db(), other.email);
		const [theirHandle] = await db().service('test', (tx) => listSessions(tx, other.id, undefined));

		expect(
			await db().service('test', (tx) => endSession(tx, person.id, theirHandle.publicId))
		).toBeNull();
		expect(await alive(db(), theirs.token)).toBe(true);

		const mine = await db().service('test', (tx) => listSessions(tx, person.id, undefined));
		const target = mine[0];
		const ended = await db().service('test', (tx) => endSession(tx, person.id, target.publicId));
		expect(ended).not.toBeNull();
		const left = [here, phone].filter((s) => s.user.sessionId !== ended);
		expect(left).toHaveLength(1);
		expect(await alive(db(), left[0].token)).toBe(true);
		// Again: it is gone.
		expect(
			await db().service('test', (tx) => endSession(tx, person.id, target.publicId))
		).toBeNull();
	});

	it('ends all others, keeping the one named', async () => {
		const user = await createUser(db());
		const keep = await db().service('test', (tx) => createSession(tx, user.id));
		const other = await db().service('test', (tx) => createSession(tx, user.id));
		const ended = await db().service('test', (tx) =>
			endOtherSessions(tx, user.id, hashToken(keep.token))
		);
		expect(ended).toEqual([hashToken(other.token)]);
		expect(await alive(db(), keep.token)).toBe(true);
	});
});

describeEachDatabase('TOTP second factor', (db) => {
	async function enrolled(person: { id: string }, sessionId?: string) {
		const secret = await db().service('test', (tx) => startEnrolment(tx, person.id));
		const outcome = await db().service('test', (tx) =>
			confirmEnrolment(tx, person.id, codeNow(secret!), sessionId)
		);
		if (!outcome.ok) throw new Error(`enrolment failed: ${outcome.reason}`);
		return { secret: secret!, recoveryCodes: outcome.recoveryCodes };
	}

	it('enrols with a first code, ends other sessions, and gives ten recovery codes once', async () => {
		const person = await account(db());
		const here = await session(db(), person.email);
		const phone = await session(db(), person.email);
		const secret = await db().service('test', (tx) => startEnrolment(tx, person.id));
		expect(secret).toHaveLength(20);
		let status = await db().service('test', (tx) => secondFactorStatus(tx, person.id));
		expect(status.enabled).toBe(false);
		expect(status.pendingSecret).toEqual(secret);
		// Not on until confirmed: sign-in still needs the password only.
		expect((await signIn(db(), person.email, PASSWORD)).ok).toBe(true);

		const wrong = await db().service('test', (tx) =>
			confirmEnrolment(tx, person.id, '000000', here.user.sessionId)
		);
		expect(wrong).toEqual({ ok: false, reason: 'wrong' });
		const right = await db().service('test', (tx) =>
			confirmEnrolment(tx, person.id, codeNow(secret!), here.user.sessionId)
		);
		expect(right.ok).toBe(true);
		if (!right.ok) return;
		expect(right.recoveryCodes).toHaveLength(10);
		expect(await alive(db(), here.token)).toBe(true);
		expect(await alive(db(), phone.token)).toBe(false);
		status = await db().service('test', (tx) => secondFactorStatus(tx, person.id));
		expect(status).toMatchObject({ enabled: true, pendingSecret: null, recoveryCodesLeft: 10 });
		// Only hashes are stored.
		const stored = await db().service('test', (tx) =>
			tx.query<{ code_hash: string }>(
				'select code_hash from local_auth.recovery_codes where user_id = $1',
				[person.id]
			)
		);
		const plain = right.recoveryCodes.map((c) => c.replace('-', ''));
		expect(stored.some((r) => plain.includes(r.code_hash))).toBe(false);
		// A second enrolment while on is refused: it must be turned off first.
		expect(await db().service('test', (tx) => startEnrolment(tx, person.id))).toBeNull();
	});

	it('asks for the code after the password; a code works once; a recovery code once', async () => {
		const person = await account(db());
		const { secret, recoveryCodes } = await enrolled(person);
		const first = await signIn(db(), person.email, PASSWORD, FIREFOX);
		expect(first).toMatchObject({ ok: false, reason: 'second_factor' });
		if (first.ok || first.reason !== 'second_factor') return;
		// A wrong password gives no challenge at all.
		expect(await signIn(db(), person.email, 'wrong password entirely')).toEqual({
			ok: false,
			reason: 'invalid'
		});

		const wrong = await db().service('test', (tx) => completeSignIn(tx, first.challenge, '123456'));
		expect(wrong).toEqual({ ok: false, reason: 'wrong' });
		const code = codeNow(secret, 1);
		const done = await db().service('test', (tx) => completeSignIn(tx, first.challenge, code));
		expect(done.ok).toBe(true);
		if (done.ok) expect(await alive(db(), done.token)).toBe(true);
		// A session opened through the second factor is aal2 (the JWT claim admin powers need).
		if (done.ok) {
			const opened = await db().service('test', (tx) => validateSession(tx, done.token));
			expect(opened?.aal).toBe('aal2');
		}
		// The challenge is spent, and the same code is refused in a new one (replay).
		expect(await db().service('test', (tx) => completeSignIn(tx, first.challenge, code))).toEqual({
			ok: false,
			reason: 'expired'
		});
		const second = await signIn(db(), person.email, PASSWORD);
		if (second.ok || second.reason !== 'second_factor') throw new Error('no challenge');
		expect(await db().service('test', (tx) => completeSignIn(tx, second.challenge, code))).toEqual({
			ok: false,
			reason: 'wrong'
		});
		// A recovery code, typed loosely, works once.
		const recovery = recoveryCodes[0].toLowerCase().replace('-', ' ');
		expect(
			(await db().service('test', (tx) => completeSignIn(tx, second.challenge, recovery))).ok
		).toBe(true);
		const third = await signIn(db(), person.email, PASSWORD);
		if (third.ok || third.reason !== 'second_factor') throw new Error('no challenge');
		expect(
			await db().service('test', (tx) => completeSignIn(tx, third.challenge, recovery))
		).toEqual({ ok: false, reason: 'wrong' });
		const status = await db().service('test', (tx) => secondFactorStatus(tx, person.id));
		expect(status.recoveryCodesLeft).toBe(9);
	});

	it('a challenge takes a few tries; the account a few more, then waits', async () => {
		const person = await account(db());
		const { secret } = await enrolled(person);
		const challenge = async () => {
			const r = await signIn(db(), person.email, PASSWORD);
			if (r.ok || r.reason !== 'second_factor') throw new Error('no challenge');
			return r.challenge;
		};
		const one = await challenge();
		for (let i = 0; i < CHALLENGE_ATTEMPTS; i++) {
			await db().service('test', (tx) => completeSignIn(tx, one, '000000'));
		}
		// Out of tries: even the right code needs the password again.
		expect(await db().service('test', (tx) => completeSignIn(tx, one, codeNow(secret, 1)))).toEqual(
			{ ok: false, reason: 'expired' }
		);
		const two = await challenge();
		for (let i = CHALLENGE_ATTEMPTS; i < CODE_FAILURE_LIMIT; i++) {
			await db().service('test', (tx) => completeSignIn(tx, two, '000000'));
		}
		const three = await challenge();
		const limited = await db().service('test', (tx) =>
			completeSignIn(tx, three, codeNow(secret, 1))
		);
		expect(limited).toMatchObject({ ok: false, reason: 'limited' });
		if (!limited.ok && limited.reason === 'limited') expect(limited.minutes).toBeGreaterThan(0);
		// The same limit holds on the account page.
		expect(
			await db().service('test', (tx) => disableSecondFactor(tx, person.id, codeNow(secret, 1)))
		).toMatchObject({ ok: false, reason: 'limited' });
	});

	it('turns off only with a code; then sign-in needs the password alone', async () => {
		const person = await account(db());
		const { secret } = await enrolled(person);
		expect(
			await db().service('test', (tx) => disableSecondFactor(tx, person.id, '000000'))
		).toEqual({ ok: false, reason: 'wrong' });
		expect(
			await db().service('test', (tx) => disableSecondFactor(tx, person.id, codeNow(secret, 1)))
		).toEqual({ ok: true });
		expect((await signIn(db(), person.email, PASSWORD)).ok).toBe(true);
		const rows = await db().service('test', (tx) =>
			tx.query(
				`select 1 from local_auth.totp where user_id = $1
				 union all select 1 from local_auth.recovery_codes where user_id = $1`,
				[person.id]
			)
		);
		expect(rows).toHaveLength(0);
	});

	it('keeps secrets out of reach of anon and authenticated', async () => {
		const person = await account(db());
		await enrolled(person);
		for (const table of [
			'totp',
			'recovery_codes',
			'sign_in_challenges',
			'code_failures',
			'reset_requests'
		]) {
			for (const role of ['anon', 'authenticated']) {
				await expect(
					db().service('test', async (tx) => {
						await tx.query(`set local role ${role}`);
						return tx.query(`select * from local_auth.${table}`);
					})
				).rejects.toThrow(/permission denied/);
			}
		}
	});

	it('a platform admin without it is sent to enrol before /admin; with it, passes', async () => {
		const admin = await createUser(db(), 'Admin Person', { admin: true });
		const { token } = await db().service('test', (tx) => createSession(tx, admin.id));
		let user = await db().service('test', (tx) => validateSession(tx, token));
		expect(user).toMatchObject({ isAdmin: true, secondFactor: false, aal: 'aal1' });
		expect(needsSecondFactor(user, '/admin')).toBe(true);
		expect(needsSecondFactor(user, '/admin/feedback')).toBe(true);
		expect(needsSecondFactor(user, '/organisations/city-of-helsinki')).toBe(true);
		expect(needsSecondFactor(user, '/administration')).toBe(false);
		expect(needsSecondFactor(user, '/account/security')).toBe(false);
		await enrolled(admin, hashToken(token));
		user = await db().service('test', (tx) => validateSession(tx, token));
		// The session that enrolled gave a code: it is aal2 now, and admin powers work in SQL.
		expect(user).toMatchObject({ isAdmin: true, secondFactor: true, aal: 'aal2' });
		expect(needsSecondFactor(user, '/admin')).toBe(false);
		expect(needsSecondFactor({ isAdmin: false, secondFactor: false }, '/admin')).toBe(false);
		expect(needsSecondFactor(null, '/admin')).toBe(false);
	});
});
