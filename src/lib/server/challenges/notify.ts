import type { Database, Queryable } from '../db';
import type { Locale, LocalizedText } from '$lib/domain/locale';
import { pickLocalized } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages';
import { sendMail } from '../mail/transport';
import { log } from '../log';

export type Notice =
	{ kind: 'amendment'; reason: string } | { kind: 'answer'; question: string; answer: string };

/**
 * Who hears of a notice: followers, and for an amendment also every member of a team
 * with a draft or a submitted application (issue 10, item 23: bidders are told every
 * change). One address once, however many ways it qualifies. Runs as the service role
 * (named job): the teams of a challenge's applicants are not the owner's to read.
 */
export async function noticeRecipients(
	tx: Queryable,
	challengeId: string,
	notice: Notice
): Promise<{ email: string; locale: Locale; applicant: boolean }[]> {
	return tx.query<{ email: string; locale: Locale; applicant: boolean }>(
		`select p.email, p.locale, p.id in (
		   select m.user_id from public.team_members m
		   join public.applications a on a.team_id = m.team_id
		   where $2 and a.challenge_id = $1 and a.status in ('draft', 'submitted')) as applicant
		 from public.profiles p
		 where p.id in (select f.user_id from public.challenge_followers f where f.challenge_id = $1)
		    or p.id in (
		      select m.user_id from public.team_members m
		      join public.applications a on a.team_id = m.team_id
		      where $2 and a.challenge_id = $1 and a.status in ('draft', 'submitted'))
		 order by p.email`,
		[challengeId, notice.kind === 'amendment']
	);
}

/**
 * Mails everyone the notice concerns (noticeRecipients), each in their own language.
 * A failed mail is logged and does not undo the change it reports. Every mail leaves
 * through the one `sendMail` call below: the place to point at the outbox.
 */
export async function notifyFollowers(
	db: Database,
	challengeId: string,
	notice: Notice,
	origin: string
) {
	const { challenge, followers } = await db.service('mail followers', async (tx) => {
		const [challenge] = await tx.query<{
			slug: string;
			title: LocalizedText;
			primaryLocale: Locale;
		}>(
			`select slug, title, primary_locale as "primaryLocale" from public.challenges where id = $1`,
			[challengeId]
		);
		const followers = await noticeRecipients(tx, challengeId, notice);
		return { challenge, followers };
	});
	const url = new URL(`/challenges/${challenge.slug}`, origin).href;
	for (const follower of followers) {
		const opts = { locale: follower.locale };
		const title = pickLocalized(challenge.title, follower.locale, challenge.primaryLocale).text;
		const mail =
			notice.kind === 'amendment'
				? {
						subject: m.mail_amendment_subject({ title }, opts),
						text: `${(follower.applicant ? m.procurement_mail_amendment_applicant_body : m.mail_amendment_body)({ title }, opts)}\n\n${notice.reason}\n\n${url}`
					}
				: {
						subject: m.mail_answer_subject({ title }, opts),
						text: `${m.mail_answer_body({ title }, opts)}\n\n${notice.question}\n\n${notice.answer}\n\n${url}`
					};
		await sendMail({
			to: follower.email,
			...mail,
			text: `${mail.text}\n\n${m.mail_footer({}, opts)}`
		}).catch((err) => log.error({ err, challengeId }, 'follower mail failed'));
	}
}
