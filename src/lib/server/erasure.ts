import type { ErasureRefusal } from '$lib/domain/erasure';
import type { Database, Queryable } from './db';
import { checkCode, secondFactorStatus } from './auth/second-factor';
import { verifyPassword } from './auth/passwords';
import { supabasePasswordProves } from './auth/supabase';
import { config } from './config';
import { notifier } from './notifier';
import { removeUnusedFiles } from './uploads';

/**
 * Why the person may not erase their account now (private.erasure_refusals): an empty
 * list when they may. Read in a service transaction (the rules look at other people's
 * memberships, which the person's own RLS would hide).
 */
export async function erasureRefusals(tx: Queryable, userId: string): Promise<ErasureRefusal[]> {
	const [row] = await tx.query<{ refusals: ErasureRefusal[] }>(
		'select private.erasure_refusals($1) as refusals',
		[userId]
	);
	return row?.refusals ?? [];
}

/**
 * Whether the person has a second factor to give when erasing (and so the page asks for a
 * code). Local accounts only: Supabase mode has no second factor of the app's yet.
 */
export async function erasureNeedsCode(tx: Queryable, userId: string): Promise<boolean> {
	if (config.supabase) return false;
	return (await secondFactorStatus(tx, userId)).enabled;
}

/**
 * Whether `password` is the person's current password: against local_auth.credentials, or
 * in Supabase mode against Supabase Auth. Null when a local account has no password.
 */
async function passwordProves(
	db: Database,
	user: { id: string; email: string },
	password: string
): Promise<boolean | null> {
	if (config.supabase) return supabasePasswordProves(config.supabase, user, password);
	const [row] = await db.service('account erasure: look up', (tx) =>
		tx.query<{ password_hash: string }>(
			'select password_hash from local_auth.credentials where user_id = $1',
			[user.id]
		)
	);
	return row ? verifyPassword(row.password_hash, password) : null;
}

export type ErasureOutcome =
	| { ok: true; placeholderId: string; label: string }
	| { ok: false; reason: 'wrong_password' | 'wrong_code' | 'unknown' }
	| { ok: false; reason: 'limited'; minutes: number }
	| { ok: false; reason: 'refused'; refusals: ErasureRefusal[] };

/**
 * Erases the person's account (GDPR Art. 17) once their current password (local, or
 * Supabase Auth's in Supabase mode), and with a second factor a current code (or a recovery code), prove it is them. The erasure itself
 * is private.erase_account, one transaction: the record they are part of stays with a
 * stable placeholder, their own rows and their account go, an 'account_erasure' audit
 * entry names the placeholder; after the commit the stored files of the rows it deleted
 * go from storage unless a kept row still names them (removeUnusedFiles). A wrong code is counted (and committed) before anything
 * is erased. Afterwards every session of theirs is gone (deleted with the account) and
 * their sockets close. Refuses 'refused' with the rules that stand in the way.
 */
export async function eraseAccount(
	db: Database,
	user: { id: string; email: string; address?: string },
	password: string,
	code: string
): Promise<ErasureOutcome> {
	const proved = await passwordProves(db, user, password);
	if (proved === null) return { ok: false, reason: 'unknown' };
	if (!proved) return { ok: false, reason: 'wrong_password' };
	const second = await db.service('account erasure: second factor', async (tx) => {
		if (!(await erasureNeedsCode(tx, user.id))) return { ok: true as const };
		return checkCode(tx, user.id, code, { recovery: true });
	});
	if (!second.ok)
		return second.reason === 'limited'
			? { ok: false, reason: 'limited', minutes: second.minutes }
			: { ok: false, reason: 'wrong_code' };
	const result = await db.serviceAs('account erasure', user, async (tx) => {
		const [out] = await tx.query<{
			result: {
				erased: boolean;
				placeholder?: string;
				label?: string;
				refusals?: string[];
				files?: string[];
			};
		}>('select private.erase_account($1) as result', [user.id]);
		return out.result;
	});
	if (!result.erased) {
		const refusals = (result.refusals ?? []) as (ErasureRefusal | 'unknown')[];
		return refusals.includes('unknown')
			? { ok: false, reason: 'unknown' }
			: { ok: false, reason: 'refused', refusals: refusals as ErasureRefusal[] };
	}
	// Sessions went with the account; the sockets close on every instance now.
	notifier().sessionsEnded(user.id);
	// The files of the rows it deleted (their work history's evidence), now that it committed.
	await removeUnusedFiles(db, result.files ?? [], 'account erasure');
	return { ok: true, placeholderId: result.placeholder!, label: result.label! };
}
