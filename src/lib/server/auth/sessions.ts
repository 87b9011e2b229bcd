import type { Queryable } from '../db';
import { generateToken, hashToken } from './tokens';

export const SESSION_IDLE_MS = 7 * 24 * 3600 * 1000;
export const SESSION_ABSOLUTE_MS = 30 * 24 * 3600 * 1000;
// Writing last_seen_at on every request would turn reads into writes; once an hour is enough.
const TOUCH_AFTER_MS = 3600 * 1000;

export interface SessionUser {
	id: string;
	email: string;
	displayName: string;
	locale: 'fi' | 'sv' | 'en';
	isAdmin: boolean;
	/** How many organisations the person is a member of (0: no management pages). */
	memberships: number;
}

/** Creates a session and returns the token for the cookie; only its hash is stored. */
export async function createSession(tx: Queryable, userId: string, now = new Date()) {
	const token = generateToken();
	const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
	await tx.query(
		`insert into local_auth.sessions (id, user_id, created_at, last_seen_at, expires_at)
		 values ($1, $2, $3, $3, $4)`,
		[hashToken(token), userId, now, expiresAt]
	);
	return { token, expiresAt };
}

/** The user behind a session token, or null when it is unknown, idle too long or expired. */
export async function validateSession(
	tx: Queryable,
	token: string,
	now = new Date()
): Promise<SessionUser | null> {
	const id = hashToken(token);
	const [row] = await tx.query<{
		user_id: string;
		email: string;
		display_name: string;
		locale: 'fi' | 'sv' | 'en';
		is_admin: boolean;
		memberships: number;
		last_seen_at: Date;
		expires_at: Date;
	}>(
		`select s.user_id, s.last_seen_at, s.expires_at, p.email, p.display_name, p.locale,
		        exists (select 1 from public.platform_admins a where a.user_id = s.user_id) as is_admin,
		        (select count(*)::int from public.organisation_members m where m.user_id = s.user_id) as memberships
		 from local_auth.sessions s join public.profiles p on p.id = s.user_id
		 where s.id = $1`,
		[id]
	);
	if (!row) return null;
	const lastSeen = new Date(row.last_seen_at).getTime();
	if (
		now.getTime() >= new Date(row.expires_at).getTime() ||
		now.getTime() - lastSeen >= SESSION_IDLE_MS
	) {
		await tx.query('delete from local_auth.sessions where id = $1', [id]);
		return null;
	}
	if (now.getTime() - lastSeen > TOUCH_AFTER_MS) {
		await tx.query('update local_auth.sessions set last_seen_at = $2 where id = $1', [id, now]);
	}
	return {
		id: row.user_id,
		email: row.email,
		displayName: row.display_name,
		locale: row.locale,
		isAdmin: row.is_admin,
		memberships: row.memberships
	};
}

export async function deleteSession(tx: Queryable, token: string) {
	await tx.query('delete from local_auth.sessions where id = $1', [hashToken(token)]);
}

export async function deleteUserSessions(tx: Queryable, userId: string) {
	await tx.query('delete from local_auth.sessions where user_id = $1', [userId]);
}
