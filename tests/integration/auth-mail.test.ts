import { isRedirect } from '@sveltejs/kit';
import { expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { absoluteUrl, publicOrigin } from '../../src/lib/server/http/links';
import { actions as forgot } from '../../src/routes/auth/forgot/+page.server';
import { actions as signUp } from '../../src/routes/auth/sign-up/+page.server';
import { describeEachDatabase } from './databases';
import { createUser } from './fixtures';
import { drainOutbox } from './mail-helpers';

let address = 0;

/**
 * A form post as the route sees it when the client sent `Host: attacker.example` and
 * ORIGIN is not set: SvelteKit's url is then the request's (adapter-node), so
 * event.url.origin is the attacker's.
 */
function post(db: Database, path: string, form: Record<string, string>) {
	const url = new URL(path, 'http://attacker.example');
	const request = new Request(url, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url.origin },
		body: new URLSearchParams(form)
	});
	const event = {
		request,
		url,
		locals: { db, user: null, locale: 'en' },
		// A fresh address each time keeps the per-address limit out of these tests.
		getClientAddress: () => `198.51.100.${++address % 250}`,
		cookies: { get: () => undefined, set: () => {}, delete: () => {}, getAll: () => [] },
		params: {},
		route: { id: path },
		setHeaders: () => {},
		isDataRequest: false,
		isSubRequest: false
	};
	return event as never;
}

/** Runs a form action and returns what the browser would see: a redirect or the data. */
async function answer(run: () => unknown) {
	try {
		return { data: await run() };
	} catch (e) {
		if (isRedirect(e)) return { redirect: e.location, status: e.status };
		throw e;
	}
}

describeEachDatabase('auth mail over HTTP', (db) => {
	it('a reset asked for with Host: attacker.example mails a link on the configured origin', async () => {
		const user = await createUser(db());
		await drainOutbox(db());
		const result = await answer(() =>
			forgot.default(post(db(), '/auth/forgot', { email: user.email }))
		);
		expect(result).toEqual({ data: { sent: user.email } });
		const [mail] = (await drainOutbox(db())).filter((m) => m.to === user.email);
		const link = /https?:\/\/\S+/.exec(mail.text)![0];
		expect(new URL(link).origin).toBe(publicOrigin());
		expect(link.startsWith(absoluteUrl('/auth/reset?token='))).toBe(true);
		expect(mail.text).not.toContain('attacker.example');
	});

	it('a reset for an unknown address answers the same and mails no one', async () => {
		const unknown = `nobody-${crypto.randomUUID()}@test.example`;
		const result = await answer(() =>
			forgot.default(post(db(), '/auth/forgot', { email: unknown }))
		);
		expect(result).toEqual({ data: { sent: unknown } });
		expect((await drainOutbox(db())).filter((m) => m.to === unknown)).toEqual([]);
	});

	it('sign-up with a taken address answers as for a new one and mails the owner', async () => {
		const owner = await createUser(db(), 'Owner');
		const fresh = `new-${crypto.randomUUID()}@test.example`;
		const form = (email: string) => ({
			displayName: 'Mallory',
			email,
			password: 'a long and unusual passphrase 42',
			locale: 'en'
		});
		const path = '/auth/sign-up?redirectTo=%2Fteams';
		const taken = await answer(() => signUp.default(post(db(), path, form(owner.email))));
		const created = await answer(() => signUp.default(post(db(), path, form(fresh))));
		const same = (r: typeof taken, email: string) => ({
			...r,
			redirect: 'redirect' in r ? r.redirect?.replace(encodeURIComponent(email), 'EMAIL') : ''
		});
		expect(taken).toHaveProperty('status', 303);
		expect(same(taken, owner.email)).toEqual(same(created, fresh));

		const mails = await drainOutbox(db());
		const toOwner = mails.filter((m) => m.to === owner.email);
		expect(toOwner.map((m) => m.subject)).toEqual(['Sign-up attempt with your Talkoot address']);
		expect(toOwner[0].text).toContain(absoluteUrl('/auth/forgot'));
		const [verify] = mails.filter((m) => m.to === fresh);
		expect(verify.text).toContain(absoluteUrl('/auth/verify?token='));
		expect(verify.text).toContain('redirectTo=%2Fteams');
		expect(verify.text).not.toContain('attacker.example');
		// The owner's account is as it was: no second account, name unchanged.
		const [profile] = await db().service('test: owner', (tx) =>
			tx.query<{ n: number; name: string }>(
				`select count(*)::int as n, max(p.display_name) as name from auth.users u
				 join public.profiles p on p.id = u.id where u.email = $1`,
				[owner.email]
			)
		);
		expect(profile).toEqual({ n: 1, name: 'Owner' });
	});
});
