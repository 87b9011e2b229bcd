import type { Database, Queryable } from '../db';
import { recordAudit } from '../audit';
import { notifier } from '../notifier';
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
	/** `local_auth.sessions.id` of the request's session (the hash of its token). */
	sessionId?: string;
	/** Whether the account has a confirmed TOTP second factor (required for platform admins). */
	secondFactor?: boolean;
	/** The session's assurance level: 'aal2' when it passed the second factor (JWT `aal`). */
	aal?: Aal;
	/** The request's client address (limits.ts clientAddress): the audit log records it. */
	address?: string;
}

/** Authenticator assurance level, as Supabase Auth names it in the JWT. */
export type Aal = 'aal1' | 'aal2';

/** Longest user agent kept with a session: enough to tell devices apart. */
const USER_AGENT_MAX = 400;
export const shortUserAgent = (ua: string | null | undefined) =>
	ua ? ua.slice(0, USER_AGENT_MAX) : null;

/**
 * Creates a session and returns the token for the cookie; only its hash is stored, with
 * the browser's user agent (shortened) so the sessions page can say which device it is,
 * and its assurance level (`aal2` only after the second factor).
 */
export async function createSession(
	tx: Queryable,
	userId: string,
	now = new Date(),
	userAgent: string | null = null,
	aal: Aal = 'aal1'
) {
	const token = generateToken();
	const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
	await tx.query(
		`insert into local_auth.sessions (id, user_id, created_at, last_seen_at, expires_at, user_agent, aal)
		 values ($1, $2, $3, $3, $4, $5, $6)`,
		[hashToken(token), userId, now, expiresAt, shortUserAgent(userAgent), aal]
	);
	return { token, expiresAt };
}

/**
 * The user behind a session token, or null when it is unknown, idle too long
 * (SESSION_IDLE_MS) or expired. An ended session's row is deleted; a live one's
 * last_seen_at is moved to `now` when older than TOUCH_AFTER_MS. One statement (issue 16:
 * it runs before every signed-in request, so its own transaction's BEGIN and COMMIT were
 * two of its three round trips): pass `db.statement`'s queryable, or a transaction's.
 */
export async function validateSession(
	q: Queryable,
	token: string,
	now = new Date()
): Promise<SessionUser | null> {
	const id = hashToken(token);
	const [row] = await q.query<{
		user_id: string;
		ended: boolean;
		email: string;
		display_name: string;
		locale: 'fi' | 'sv' | 'en';
		is_admin: boolean;
		memberships: number;
		second_factor: boolean;
		aal: Aal;
	}>(VALIDATE_SESSION, [id, now, SESSION_IDLE_MS, TOUCH_AFTER_MS]);
	if (!row || row.ended) return null;
	return {
		id: row.user_id,
		email: row.email,
		displayName: row.display_name,
		locale: row.locale,
		isAdmin: row.is_admin,
		memberships: row.memberships,
		sessionId: id,
		secondFactor: row.second_factor,
		aal: row.aal
	};
}

// $1 the session id (token hash), $2 now, $3 the idle limit and $4 the touch interval in ms.
// Data-modifying WITH queries run once and to completion whether or not the rest reads them.
const VALIDATE_SESSION = `
	with found as (
		select s.id, s.user_id, s.aal, s.last_seen_at,
		       ($2::timestamptz >= s.expires_at
		        or $2::timestamptz - s.last_seen_at >= $3::float8 * interval '1 millisecond') as ended
		from local_auth.sessions s where s.id = $1
	), ended as (
		delete from local_auth.sessions s using found f where s.id = f.id and f.ended
	), touched as (
		update local_auth.sessions s set last_seen_at = $2::timestamptz from found f
		where s.id = f.id and not f.ended
		  and $2::timestamptz - f.last_seen_at > $4::float8 * interval '1 millisecond'
	)
	select f.user_id, f.ended, f.aal, p.email, p.display_name, p.locale,
	       exists (select 1 from public.platform_admins a where a.user_id = f.user_id) as is_admin,
	       (select count(*)::int from public.organisation_members m where m.user_id = f.user_id) as memberships,
	       exists (select 1 from local_auth.totp t
	               where t.user_id = f.user_id and t.confirmed_at is not null) as second_factor
	from found f join public.profiles p on p.id = f.user_id`;

export async function deleteSession(tx: Queryable, token: string) {
	await tx.query('delete from local_auth.sessions where id = $1', [hashToken(token)]);
}

/**
 * Ends the session of this cookie token (sign-out, or the old session replaced at
 * sign-in) and, once committed, closes its sockets on every instance (the notifier).
 * With `audit` (a person signing out: their id and client address) the audit log gets
 * the sign-out in the same transaction.
 */
export async function signOut(
	db: Database,
	token: string,
	job = 'sign out',
	audit?: { userId: string; address?: string }
) {
	await db.service(job, async (tx) => {
		await deleteSession(tx, token);
		if (audit)
			await recordAudit(tx, {
				action: 'sign_out',
				targetKind: 'user',
				targetId: audit.userId,
				actorId: audit.userId,
				address: audit.address
			});
	});
	notifier().sessionEnded(hashToken(token));
}

/**
 * Ends one of the person's own sessions by its `publicId` (the sessions page) and closes
 * its sockets once committed. Returns its id (`local_auth.sessions.id`) or null when the
 * person has no such session: another person's is never ended (ASVS 3.3.4).
 */
export async function endOwnSession(
	db: Database,
	userId: string,
	publicId: string
): Promise<string | null> {
	const ended = await db.service('end a session', (tx) => endSession(tx, userId, publicId));
	if (ended) notifier().sessionEnded(ended);
	return ended;
}

/** Whether the session (`local_auth.sessions.id`) still exists and has not expired. */
export async function sessionAlive(db: Database, sessionId: string): Promise<boolean> {
	const [row] = await db.service('socket session check', (tx) =>
		tx.query<{ alive: boolean }>(
			`select exists (select 1 from local_auth.sessions
			                where id = $1 and expires_at > now()) as alive`,
			[sessionId]
		)
	);
	return row.alive;
}

/** Which of these sessions (`local_auth.sessions.id`) still exist and have not expired. */
export async function liveSessions(db: Database, sessionIds: string[]): Promise<Set<string>> {
	if (!sessionIds.length) return new Set();
	const rows = await db.service('socket session sweep', (tx) =>
		tx.query<{ id: string }>(
			`select id from local_auth.sessions where id = any($1::text[]) and expires_at > now()`,
			[sessionIds]
		)
	);
	return new Set(rows.map((r) => r.id));
}

export async function deleteUserSessions(tx: Queryable, userId: string) {
	await tx.query('delete from local_auth.sessions where user_id = $1', [userId]);
}

/** One of a person's sessions as their sessions page shows it. */
export interface SessionListing {
	/** The handle a page may hold (never the token or its hash). */
	publicId: string;
	createdAt: Date;
	lastSeenAt: Date;
	userAgent: string | null;
	/** The session this request came with. */
	current: boolean;
}

/**
 * The person's live sessions, newest use first; `currentSessionId` (the request's
 * `sessionId`) is marked. Only their own: the query is by `userId` from the session.
 */
export async function listSessions(
	tx: Queryable,
	userId: string,
	currentSessionId: string | undefined,
	now = new Date()
): Promise<SessionListing[]> {
	const rows = await tx.query<{
		id: string;
		public_id: string;
		created_at: Date;
		last_seen_at: Date;
		user_agent: string | null;
	}>(
		`select id, public_id, created_at, last_seen_at, user_agent from local_auth.sessions
		 where user_id = $1 and expires_at > $2 and last_seen_at > $3
		 order by last_seen_at desc, created_at desc`,
		[userId, now, new Date(now.getTime() - SESSION_IDLE_MS)]
	);
	return rows.map((r) => ({
		publicId: r.public_id,
		createdAt: new Date(r.created_at),
		lastSeenAt: new Date(r.last_seen_at),
		userAgent: r.user_agent,
		current: r.id === currentSessionId
	}));
}

/**
 * Ends one of the person's own sessions, named by its `publicId` from the sessions page.
 * Returns the ended session's id (`local_auth.sessions.id`, for closing its sockets after
 * the commit) or null when the person has no such session: another person's session is
 * never ended (ASVS 3.3.4).
 */
export async function endSession(
	tx: Queryable,
	userId: string,
	publicId: string
): Promise<string | null> {
	const [row] = await tx.query<{ id: string }>(
		'delete from local_auth.sessions where user_id = $1 and public_id = $2 returning id',
		[userId, publicId]
	);
	return row?.id ?? null;
}

/**
 * Ends every session of the person except `keepSessionId` (the request's own): after a
 * password change or a new second factor (ASVS 3.3.3). Returns the ended sessions' ids,
 * for closing their sockets after the commit.
 */
export async function endOtherSessions(
	tx: Queryable,
	userId: string,
	keepSessionId: string | undefined
): Promise<string[]> {
	const rows = await tx.query<{ id: string }>(
		`delete from local_auth.sessions where user_id = $1 and id is distinct from $2 returning id`,
		[userId, keepSessionId ?? null]
	);
	return rows.map((r) => r.id);
}
