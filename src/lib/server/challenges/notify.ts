import type { Queryable } from '../db';
import type { Locale, LocalizedText } from '$lib/domain/locale';
import { enqueueMail } from '../mail/outbox';

export type Notice =
	{ kind: 'amendment'; reason: string } | { kind: 'answer'; question: string; answer: string };

/**
 * Enqueues a mail about a change of the challenge, each in the recipient's language, in
 * the transaction of the change it reports: if the change rolls back, no one is mailed.
 * An answer reaches the challenge's followers; an amendment also reaches every member of
 * a team with a draft or a submitted application (issue 10, item 23: bidders are told
 * every change), in words for a bidder, and each person once however many ways they
 * qualify. Returns the number of mails enqueued.
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
	if (notice.kind === 'answer')
		return enqueueMail(
			tx,
			'challenge_answer',
			{ followersOf: challengeId },
			{ ...common, question: notice.question, answer: notice.answer }
		);
	const amendment = { ...common, reason: notice.reason };
	const applicants = await enqueueMail(
		tx,
		'challenge_amendment',
		{ applicantsOf: challengeId },
		{ ...amendment, applicant: true }
	);
	const followers = await enqueueMail(
		tx,
		'challenge_amendment',
		{ followersOf: challengeId, exceptApplicants: true },
		amendment
	);
	return applicants + followers;
}
