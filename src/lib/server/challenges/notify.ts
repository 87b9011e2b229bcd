import type { Queryable } from '../db';
import type { Locale, LocalizedText } from '$lib/domain/locale';
import { enqueueMail } from '../mail/outbox';

export type Notice =
	{ kind: 'amendment'; reason: string } | { kind: 'answer'; question: string; answer: string };

/**
 * Enqueues a mail to everyone who follows the challenge, each in their own language, in
 * the transaction of the change it reports: if the change rolls back, no one is mailed.
 * Returns the number of mails enqueued.
 */
export async function notifyFollowers(tx: Queryable, challengeId: string, notice: Notice) {
	const [challenge] = await tx.query<{ slug: string; title: LocalizedText; primaryLocale: Locale }>(
		`select slug, title, primary_locale as "primaryLocale" from public.challenges where id = $1`,
		[challengeId]
	);
	if (!challenge) return 0;
	const common = {
		title: challenge.title,
		primaryLocale: challenge.primaryLocale,
		path: `/challenges/${challenge.slug}`
	};
	const to = { followersOf: challengeId };
	return notice.kind === 'amendment'
		? enqueueMail(tx, 'challenge_amendment', to, { ...common, reason: notice.reason })
		: enqueueMail(tx, 'challenge_answer', to, {
				...common,
				question: notice.question,
				answer: notice.answer
			});
}
