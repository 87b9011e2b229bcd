import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/domain/locale';
import { sendMail, type Mail } from './transport';

export interface Recipient {
	email: string;
	displayName: string;
	locale: Locale;
}

const LINK_MAILS = {
	verify: { subject: m.mail_verify_subject, body: m.mail_verify_body },
	reset: { subject: m.mail_reset_subject, body: m.mail_reset_body }
};

/** "Hello Name," in the recipient's language. */
export function greeting(to: Pick<Recipient, 'displayName' | 'locale'>): string {
	const opts = { locale: to.locale };
	return to.displayName
		? m.mail_greeting_name({ name: to.displayName }, opts)
		: m.mail_greeting({}, opts);
}

/** A mail of paragraphs: the greeting first, the footer last, in the recipient's language. */
export function sendLetter(
	to: Recipient,
	subject: string,
	paragraphs: string[],
	extra: Pick<Mail, 'icalEvent'> = {}
) {
	return sendMail({
		to: to.email,
		subject,
		text: [greeting(to), ...paragraphs, m.mail_footer({}, { locale: to.locale })].join('\n\n'),
		...extra
	});
}

/** A mail whose point is one link (verify the address, reset the password), in the recipient's language. */
export function sendLinkMail(kind: keyof typeof LINK_MAILS, to: Recipient, url: string) {
	const opts = { locale: to.locale };
	const { subject, body } = LINK_MAILS[kind];
	return sendLetter(to, subject({}, opts), [body({}, opts), url]);
}
