import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/domain/locale';
import { sendMail } from './transport';

export interface Recipient {
	email: string;
	displayName: string;
	locale: Locale;
}

const LINK_MAILS = {
	verify: { subject: m.mail_verify_subject, body: m.mail_verify_body },
	reset: { subject: m.mail_reset_subject, body: m.mail_reset_body }
};

/** A mail whose point is one link (verify the address, reset the password), in the recipient's language. */
export function sendLinkMail(kind: keyof typeof LINK_MAILS, to: Recipient, url: string) {
	const opts = { locale: to.locale };
	const greeting = to.displayName
		? m.mail_greeting_name({ name: to.displayName }, opts)
		: m.mail_greeting({}, opts);
	const { subject, body } = LINK_MAILS[kind];
	return sendMail({
		to: to.email,
		subject: subject({}, opts),
		text: `${greeting}\n\n${body({}, opts)}\n\n${url}\n\n${m.mail_footer({}, opts)}`
	});
}
