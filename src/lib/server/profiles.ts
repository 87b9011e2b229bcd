import type { Queryable } from './db';
import type { Locale } from '$lib/domain/locale';

export interface Profile {
	id: string;
	email: string;
	displayName: string;
	locale: Locale;
}

export async function getOwnProfile(tx: Queryable, userId: string): Promise<Profile | null> {
	const [row] = await tx.query<Profile>(
		`select id, email, display_name as "displayName", locale from public.profiles where id = $1`,
		[userId]
	);
	return row ?? null;
}

/** Changes the caller's own profile; RLS refuses anyone else's. Returns whether a row changed. */
export async function updateOwnProfile(
	tx: Queryable,
	userId: string,
	changes: { displayName?: string; locale?: Locale }
): Promise<boolean> {
	const rows = await tx.query(
		`update public.profiles
		 set display_name = coalesce($2, display_name), locale = coalesce($3, locale)
		 where id = $1 returning id`,
		[userId, changes.displayName ?? null, changes.locale ?? null]
	);
	return rows.length === 1;
}
