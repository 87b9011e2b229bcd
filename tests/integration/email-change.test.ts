import { isHttpError, isRedirect } from '@sveltejs/kit';
import { expect, it } from 'vitest';
import { signIn, signUp, verifyEmail } from '../../src/lib/server/auth/accounts';
import {
	confirmEmailChange,
	emailChangePath,
	requestEmailChange
} from '../../src/lib/server/auth/email-change';
import { createSession, validateSession } from '../../src/lib/server/auth/sessions';
import { hashToken } from '../../src/lib/server/auth/tokens';
import type { Database } from '../../src/lib/server/db';
import { limitError, resetLimits } from '../../src/lib/server/http/limits';
import { actions as security } from '../../src/routes/account/security/+page.server';
import {
	actions as confirmActions,
	load as confirmPage
} from '../../src/routes/account/email/[token=token]/+page.server';
import { describeEachDatabase } from './databases';
import { createUser } from './fixtures';
import { drainOutbox } from './mail-helpers';

const PASSWORD = 'correct horse battery staple';

let counter = 0;
const fresh = (name = 'moved') =>
	`${name}${++counter}-${Math.random().toString(36).slice(2, 8)}@test.example`;

/** A verified account with a password, as sign-up makes it. */
async function account(db: Database) {
	const email = fresh('person');
	const created = await signUp(db, {
		email,
		password: PASSWORD,
		displayName: 'Eeva Email',
		locale: 'en'
	});
	if (!created.ok) throw new Error('sign-up failed');
	await verifyEmail(db, created.verifyToken);
	await drainOutbox(db);
	return { id: created.userId, email };
}

const emails = (db: Database, id: string) =>
	db.service('test: addresses', async (tx) => {
		const [row] = await tx.query<{ auth: string; profile: string }>(
			`select u.email as auth, p.email as profile
			 from auth.users u join public.profiles p on p.id = u.id where u.id = $1`,
			[id]
		);
		return row;
	});

const alive = (db: Database, token: string) =>
	db.service('test', (tx) => validateSession(tx, token)).then(Boolean);

async function requested(db: Database, user: { id: string }, to: string) {
	const result = await requestEmailChange(db, user, to, PASSWORD);
	if (!result.ok || !result.token) throw new Error('no change requested');
	return result.token;
}

describeEachDatabase('email change', (db) => {
	it('a request changes nothing yet: it mails the link to the new address and a notice to the old', async () => {
		await resetLimits(db());
		const person = await account(db());
		const to = fresh();
		const result = await requestEmailChange(db(), person, to, PASSWORD);
		expect(result.ok).toBe(true);
		expect(await emails(db(), person.id)).toEqual({ auth: person.email, profile: person.email });

		const mails = await drainOutbox(db());
		const link = mails.filter((m) => m.to === to);
		const notice = mails.filter((m) => m.to === person.email);
		expect(link).toHaveLength(1);
		expect(link[0].text).toContain(emailChangePath((result as { token: string }).token));
		expect(notice).toHaveLength(1);
		expect(notice[0].subject).toMatch(/Talkoot/);
		expect(notice[0].text).toContain(to);
		expect(notice[0].text).not.toContain('/account/email/');
		// Only the token's hash is kept.
		const [kept] = await db().service('test', (tx) =>
			tx.query<{ n: number }>(
				'select count(*)::int as n from private.email_changes where token_hash = $1',
				[hashToken((result as { token: string }).token)]
			)
		);
		expect(kept.n).toBe(1);
	});

	it('the link changes the address in auth and profiles, once, and ends the other sessions', async () => {
		await resetLimits(db());
		const person = await account(db());
		const here = await db().service('test', (tx) => createSession(tx, person.id));
		const phone = await db().service('test', (tx) => createSession(tx, person.id));
		const to = fresh();
		const token = await requested(db(), person, to);

		const outcome = await confirmEmailChange(db(), token, hashToken(here.token));
		expect(outcome).toMatchObject({ ok: true, userId: person.id, email: to });
		expect(await emails(db(), person.id)).toEqual({ auth: to, profile: to });
		expect(await alive(db(), here.token)).toBe(true);
		expect(await alive(db(), phone.token)).toBe(false);

		// Single use.
		expect(await confirmEmailChange(db(), token)).toEqual({ ok: false, reason: 'used' });
		// The new address signs in; the old one no longer does.
		expect((await signIn(db(), to, PASSWORD)).ok).toBe(true);
		expect((await signIn(db(), person.email, PASSWORD)).ok).toBe(false);
	});

	it('opened without a session, every session of the account ends', async () => {
		await resetLimits(db());
		const person = await account(db());
		const phone = await db().service('test', (tx) => createSession(tx, person.id));
		const token = await requested(db(), person, fresh());
		expect((await confirmEmailChange(db(), token)).ok).toBe(true);
		expect(await alive(db(), phone.token)).toBe(false);
	});

	it('refuses an expired link, a garbage one, and one replaced by a newer request', async () => {
		await resetLimits(db());
		const person = await account(db());
		const first = await requested(db(), person, fresh());
		const second = await requested(db(), person, fresh());
		expect(await confirmEmailChange(db(), first)).toEqual({ ok: false, reason: 'unknown' });
		await db().service('test: let it expire', (tx) =>
			tx.query(
				`update private.email_changes set expires_at = now() - interval '1 second'
				 where token_hash = $1`,
				[hashToken(second)]
			)
		);
		expect(await confirmEmailChange(db(), second)).toEqual({ ok: false, reason: 'expired' });
		expect(await confirmEmailChange(db(), 'a'.repeat(32))).toEqual({
			ok: false,
			reason: 'unknown'
		});
		expect(await emails(db(), person.id)).toEqual({ auth: person.email, profile: person.email });
	});

	it('a taken address answers the same, mails its owner (no link) and the old address', async () => {
		await resetLimits(db());
		const person = await account(db());
		const owner = await createUser(db(), 'Owner');
		await drainOutbox(db());
		const result = await requestEmailChange(db(), person, owner.email, PASSWORD);
		expect(result).toEqual({ ok: true, token: null });
		const mails = await drainOutbox(db());
		const toOwner = mails.filter((m) => m.to === owner.email);
		expect(toOwner).toHaveLength(1);
		expect(toOwner[0].subject).toMatch(/Talkoot/);
		expect(toOwner[0].text).not.toContain('/account/email/');
		expect(mails.filter((m) => m.to === person.email)).toHaveLength(1);
		expect(await emails(db(), person.id)).toEqual({ auth: person.email, profile: person.email });
	});

	it('refuses at the link an address that got an account since the request', async () => {
		await resetLimits(db());
		const person = await account(db());
		const to = fresh();
		const token = await requested(db(), person, to);
		await signUp(db(), { email: to, password: PASSWORD, displayName: 'Quick', locale: 'fi' });
		expect(await confirmEmailChange(db(), token)).toEqual({ ok: false, reason: 'taken' });
		expect(await emails(db(), person.id)).toEqual({ auth: person.email, profile: person.email });
		expect(await confirmEmailChange(db(), token)).toEqual({ ok: false, reason: 'used' });
	});

	it('needs the current password, and a different address', async () => {
		await resetLimits(db());
		const person = await account(db());
		expect(await requestEmailChange(db(), person, fresh(), 'not the password')).toEqual({
			ok: false,
			reason: 'wrong_current'
		});
		expect(await requestEmailChange(db(), person, person.email, PASSWORD)).toEqual({
			ok: false,
			reason: 'same'
		});
		expect(await drainOutbox(db())).toEqual([]);
	});

	it('counts requests by the emailChange limit', async () => {
		await resetLimits(db());
		const person = await account(db());
		const [rule] = await db().service('test', (tx) =>
			tx.query<{ max: number }>(
				`select max_hits as max from private.limit_rules where name = 'emailChange'`
			)
		);
		for (let i = 0; i < rule.max; i++) await requested(db(), person, fresh());
		const over = await requestEmailChange(db(), person, fresh(), PASSWORD).catch((e) => e);
		expect(limitError(over)).toMatchObject({ name: 'emailChange' });
	});

	it('`authenticated` still cannot write profiles.email, nor reach the pending changes', async () => {
		const person = await account(db());
		const other = await createUser(db());
		const attempt = (sql: string, params: unknown[] = []) =>
			db()
				.as({ id: person.id }, (tx) => tx.query(sql, params))
				.then(
					(rows) => ({ ok: true, rows: rows.length }),
					(e: { code?: string }) => ({ ok: false, code: e.code })
				);
		expect(
			await attempt('update profiles set email = $2 where id = $1 returning id', [
				person.id,
				other.email
			])
		).toMatchObject({ ok: false });
		expect(
			await attempt('update profiles set email = $2 where id = $1 returning id', [
				person.id,
				fresh()
			])
		).toMatchObject({ ok: false });
		expect(await attempt('select * from private.email_changes')).toMatchObject({ ok: false });
		expect(
			await attempt(`select private.confirm_email_change($1)`, ['0'.repeat(64)])
		).toMatchObject({ ok: false });
		expect(await emails(db(), person.id)).toEqual({ auth: person.email, profile: person.email });
	});
});

/** A form post or page load as the route sees it, for `user` (or nobody). */
function event(
	db: Database,
	user: Awaited<ReturnType<typeof validateSession>>,
	path: string,
	form?: Record<string, string>,
	params: Record<string, string> = {}
) {
	const url = new URL(path, 'http://localhost');
	const request = new Request(url, {
		method: form ? 'POST' : 'GET',
		headers: form ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
		body: form ? new URLSearchParams(form) : undefined
	});
	return {
		request,
		url,
		params,
		locals: { db, user, locale: 'en' },
		getClientAddress: () => '198.51.100.7',
		cookies: { get: () => undefined, set: () => {}, delete: () => {}, getAll: () => [] },
		route: { id: path },
		setHeaders: () => {},
		isDataRequest: false,
		isSubRequest: false
	} as never;
}

async function answer(run: () => unknown) {
	try {
		return { data: await run() };
	} catch (e) {
		if (isRedirect(e)) return { redirect: e.location };
		if (isHttpError(e)) return { status: e.status, message: e.body.message };
		throw e;
	}
}

describeEachDatabase('email change over HTTP', (db) => {
	it('takes an address as sign-up does (IDN, case) and answers with the notice', async () => {
		await resetLimits(db());
		const person = await account(db());
		const { token } = await db().service('test', (tx) => createSession(tx, person.id));
		const user = await db().service('test', (tx) => validateSession(tx, token));
		const local = `vaihto${++counter}${Math.random().toString(36).slice(2, 6)}`;
		const post = (form: Record<string, string>) =>
			answer(() => security.email(event(db(), user, '/account/security', form)));

		expect(await post({ email: 'not an address', currentPassword: PASSWORD })).toMatchObject({
			data: { status: 400, data: { section: 'email', errors: { email: expect.any(String) } } }
		});
		expect(
			await post({ email: `${local}@ÄÄNEKOSKI.FI`, currentPassword: 'wrong one' })
		).toMatchObject({
			data: {
				status: 400,
				data: { errors: { currentPassword: expect.stringMatching(/\w/) } }
			}
		});
		expect(
			await post({ email: `${local.toUpperCase()}@xn--nekoski-4waa.fi`, currentPassword: PASSWORD })
		).toEqual({
			redirect: '/account/security?notice=email-requested#email'
		});
		const mails = await drainOutbox(db());
		const link = mails.find((m) => m.to === `${local}@äänekoski.fi`);
		expect(link).toBeDefined();
		const path = /\/account\/email\/[a-z2-7]{32}/.exec(link!.text)![0];

		const linkToken = path.split('/').pop()!;
		// Opening the link asks and changes nothing (a mail scanner confirms nothing).
		for (let i = 0; i < 2; i++) {
			const opened = await answer(() =>
				confirmPage(event(db(), null, path, undefined, { token: linkToken }))
			);
			expect(opened).toEqual({ data: { email: `${local}@äänekoski.fi` } });
		}
		// The button confirms.
		const confirmed = await answer(() =>
			confirmActions.default(event(db(), null, path, undefined, { token: linkToken }))
		);
		expect(confirmed).toEqual({ data: { email: `${local}@äänekoski.fi`, signedIn: false } });
		const again = await answer(() =>
			confirmPage(event(db(), null, path, undefined, { token: linkToken }))
		);
		expect(again).toMatchObject({ status: 410, message: expect.stringMatching(/\s/) });
		const garbage = await answer(() =>
			confirmPage(event(db(), null, path, undefined, { token: 'b'.repeat(32) }))
		);
		expect(garbage).toMatchObject({ status: 404, message: expect.stringMatching(/\s/) });
	});
});
