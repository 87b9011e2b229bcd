import type { Database } from '../../src/lib/server/db/database';
import type { Mail } from '../../src/lib/server/mail/transport';
import { MailWorker } from '../../src/lib/server/mail/worker';
import { resolveResetRequests } from '../../src/lib/server/auth/reset-requests';

/**
 * Delivers everything due in the outbox to a list (no files, no SMTP) and returns it,
 * password-reset requests resolved first as the app's worker does.
 */
export async function drainOutbox(db: Database): Promise<Mail[]> {
	const mails: Mail[] = [];
	const worker = new MailWorker(db, async (mail) => void mails.push(mail), {
		batch: 100,
		prepare: (d) => resolveResetRequests(d)
	});
	while ((await worker.runOnce()) > 0);
	return mails;
}

/**
 * The token of the newest invitation link mailed to `email` and not yet delivered
 * (public.invite_to_team makes it; only the mail has it).
 */
export async function invitationToken(db: Database, email: string): Promise<string> {
	const [row] = await db.service('test: invitation link', (tx) =>
		tx.query<{ path: string }>(
			`select params ->> 'path' as path from private.mail_outbox
			 where template = 'team_invitation' and to_email = $1 order by id desc limit 1`,
			[email]
		)
	);
	if (!row?.path) throw new Error(`no invitation mailed to ${email}`);
	return row.path.replace('/invitations/', '');
}

/**
 * Resolves waiting password-reset requests as the mail worker would and returns the
 * token of the newest reset link enqueued for `email`, or null when none was (an address
 * without an account gets none).
 */
export async function resetTokenFor(db: Database, email: string): Promise<string | null> {
	await resolveResetRequests(db);
	const [row] = await db.service('test: reset link', (tx) =>
		tx.query<{ path: string }>(
			`select o.params ->> 'path' as path from private.mail_outbox o
			 where o.template = 'reset' and o.to_email = $1 and o.sent_at is null
			 order by o.id desc limit 1`,
			[email]
		)
	);
	return row?.path ? row.path.replace('/auth/reset?token=', '') : null;
}
