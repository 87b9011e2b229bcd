import type { Database } from '../db';
import type { Locale, LocalizedText } from '$lib/domain/locale';
import { pickLocalized } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages';
import { sendMail } from '../mail/transport';
import { log } from '../log';

export type Notice =
	{ kind: 'amendment'; reason: string } | { kind: 'answer'; question: string; answer: string };

/**
 * Mails everyone who follows the challenge, each in their own language. A failed
 * mail is logged and does not undo the change it reports.
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
		const followers = await tx.query<{ email: string; locale: Locale }>(
			`select p.email, p.locale from public.challenge_followers f
			 join public.profiles p on p.id = f.user_id where f.challenge_id = $1`,
			[challengeId]
		);
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
						text: `${m.mail_amendment_body({ title }, opts)}\n\n${notice.reason}\n\n${url}`
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
