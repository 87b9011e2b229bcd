import type { Queryable } from '../db';
import type { Locale } from '$lib/domain/locale';
import type { MailParams, MailTemplate } from './templates';

/**
 * Whom a mail goes to. Users, teams and followers are looked up when the mail is
 * enqueued, in the same transaction, each with their profile's address and language.
 */
export type MailTo =
	| { userIds: string[] }
	| { teamId: string }
	| { followersOf: string; exceptApplicants?: boolean }
	/** Members of every team with a draft or a submitted application to the challenge. */
	| { applicantsOf: string }
	/** The workshop's guests and the current members of its teams. */
	| { inWorkshop: string }
	| { email: string; name?: string; locale: Locale };

/**
 * Enqueues a mail in the caller's transaction: it is delivered by the outbox worker
 * after the transaction commits, and never if it rolls back. Returns the number of
 * mails enqueued (one per recipient). The request never waits on SMTP.
 *
 * How this works inside `db.as(user, tx => …)`, whose role is `authenticated`: the
 * outbox (private.mail_outbox) and the enqueue functions are not accessible to
 * `authenticated` or `anon`, so nobody can send arbitrary mail through Supabase's Data
 * API. For the enqueue only, this function switches the transaction back to the
 * connection's own role (`set local role none`), calls private.enqueue_mail* with a
 * template name from MAIL_TEMPLATES, and restores the role it found (the JWT claims
 * are a setting it never touches). The statements it runs in that window are fixed
 * here; the caller chooses only the template, recipients and params. A rolled-back
 * transaction takes the role change with it. SQL code enqueues from security definer
 * functions with `perform private.enqueue_mail(template, user_ids, params)`.
 */
export async function enqueueMail<T extends MailTemplate>(
	tx: Queryable,
	template: T,
	to: MailTo,
	params: MailParams<T>
): Promise<number> {
	const [{ role }] = await tx.query<{ role: string }>('select current_user as role');
	await tx.query('set local role none');
	const n = await enqueue(tx, template, to, params);
	// On an error the transaction is aborted and its rollback undoes `set local` as well.
	await tx.query('select set_config($1, $2, true)', ['role', role]);
	return n;
}

async function enqueue(tx: Queryable, template: string, to: MailTo, params: unknown) {
	if ('email' in to) {
		await tx.query('select private.enqueue_mail_to_address($1, $2, $3, $4, $5)', [
			template,
			to.email,
			to.name ?? '',
			to.locale,
			params
		]);
		return 1;
	}
	const applicants = `select m.user_id from public.team_members m
		join public.applications a on a.team_id = m.team_id
		where a.challenge_id = $2::uuid and a.status in ('draft', 'submitted')`;
	const [users, key] =
		'userIds' in to
			? ['$2::uuid[]', to.userIds]
			: 'teamId' in to
				? ['array(select user_id from public.team_members where team_id = $2::uuid)', to.teamId]
				: 'applicantsOf' in to
					? [`array(select distinct user_id from (${applicants}) t)`, to.applicantsOf]
					: 'inWorkshop' in to
						? [
								`array(select user_id from public.workshop_participants where workshop_id = $2::uuid
								union select m.user_id from public.workshop_teams t
								join public.team_members m on m.team_id = t.team_id where t.workshop_id = $2::uuid)`,
								to.inWorkshop
							]
						: [
								`array(select user_id from public.challenge_followers where challenge_id = $2::uuid
							${to.exceptApplicants ? `except ${applicants}` : ''})`,
								to.followersOf
							];
	const [{ n }] = await tx.query<{ n: number }>(
		`select private.enqueue_mail($1, ${users}, $3) as n`,
		[template, key, params]
	);
	return n;
}
