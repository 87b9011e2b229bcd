import { readFileSync } from 'node:fs';
import type { Cookies } from '@sveltejs/kit';
import { expect, it } from 'vitest';
import { LOCALE_CHOSEN_COOKIE, LOCALE_COOKIE } from '../../src/lib/server/http/cookies';
import { applyProfileLocale } from '../../src/lib/server/http/sign-in-locale';
import { describeEachDatabase } from './databases';
import { createUser } from './fixtures';

// Issue 16 leftovers: a sign-in in Supabase mode did not apply the profile's language, as
// local mode's sign-ins do (adoptProfileLocale). Both now end in that one rule.

/** A request's cookies, as much of SvelteKit's as the rule uses. */
function jar(initial: Record<string, string>): Cookies & { values: Map<string, string> } {
	const values = new Map(Object.entries(initial));
	return {
		values,
		get: (name: string) => values.get(name),
		getAll: () => [...values].map(([name, value]) => ({ name, value })),
		set: (name: string, value: string) => void values.set(name, value),
		delete: (name: string) => void values.delete(name),
		serialize: () => ''
	} as Cookies & { values: Map<string, string> };
}

describeEachDatabase('the profile’s language at sign-in', (db) => {
	it('becomes the page’s, unless the person chose one on this browser', async () => {
		const user = await createUser(db(), 'Sara Svensk');
		await db().service('test: a Swedish profile', (tx) =>
			tx.query(`update public.profiles set locale = 'sv' where id = $1`, [user.id])
		);
		// Paraglide's own script wrote the browser's language on the first visit: not a choice.
		const first = jar({ [LOCALE_COOKIE]: 'en' });
		await applyProfileLocale(db(), first, user.id);
		expect(first.values.get(LOCALE_COOKIE)).toBe('sv');
		const chosen = jar({ [LOCALE_COOKIE]: 'fi', [LOCALE_CHOSEN_COOKIE]: '1' });
		await applyProfileLocale(db(), chosen, user.id);
		expect(chosen.values.get(LOCALE_COOKIE)).toBe('fi');
		// An id without a profile changes nothing.
		const none = jar({});
		await applyProfileLocale(db(), none, crypto.randomUUID());
		expect(none.values.has(LOCALE_COOKIE)).toBe(false);
	});
});

it('every sign-in of Supabase mode that completes applies it', () => {
	const read = (path: string) => readFileSync(path, 'utf8');
	const signIn = read('src/lib/server/http/supabase-sign-in.ts');
	// The password, and a mailed link or the provider coming back to /auth/callback.
	expect(signIn.match(/await applyProfileLocale\(/g)).toHaveLength(2);
	// The second factor's code.
	expect(read('src/routes/auth/sign-in/code/+page.server.ts')).toMatch(
		/await applyProfileLocale\(event\.locals\.db, event\.cookies, owed\.userId\)/
	);
});
