import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import { config, type Config } from '../config';
import { log, print } from '../log';

export interface Mail {
	to: string;
	subject: string;
	text: string;
	/** A calendar invitation (iCalendar) that mail programs offer to add. */
	icalEvent?: { method: 'REQUEST'; filename: string; content: string };
}

/** Hands one rendered mail to the transport; throws when it was not accepted. */
export type Deliver = (mail: Mail) => Promise<void>;

type MailConfig = Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'NODE_ENV' | 'DATA_DIR'>;

/**
 * The delivery the outbox worker uses (and nothing else: requests only enqueue).
 * With SMTP_URL: nodemailer over SMTP. Without it the mail is written to
 * DATA_DIR/mail (where a developer or an e2e test follows its links), and its body is
 * printed on the console only in development: in production a body holds live reset and
 * invitation links, which must not end up in logs (issue 10 item 3).
 */
export function createDelivery(
	cfg: MailConfig = config,
	show: (text: string) => void = print
): Deliver {
	if (cfg.SMTP_URL) {
		const smtp = nodemailer.createTransport(cfg.SMTP_URL);
		return async (mail) => {
			await smtp.sendMail({ from: cfg.MAIL_FROM, ...mail });
			log.info({ to: mail.to, subject: mail.subject }, 'mail sent');
		};
	}
	const dir = join(resolve(cfg.DATA_DIR), 'mail');
	return async (mail) => {
		const message = { from: cfg.MAIL_FROM, ...mail };
		await mkdir(dir, { recursive: true });
		const file = `${dir}/${Date.now()}-${crypto.randomUUID().slice(0, 8)}.json`;
		// Written whole, then renamed: whoever reads the folder (a person, the e2e specs)
		// never sees half a mail.
		await writeFile(
			`${file}.part`,
			JSON.stringify({ ...message, sentAt: new Date().toISOString() }, null, 2)
		);
		await rename(`${file}.part`, file);
		log.info({ to: mail.to, subject: mail.subject, file }, 'mail written (no SMTP_URL)');
		if (cfg.NODE_ENV === 'development')
			show(`\n--- mail to ${mail.to}: ${mail.subject}\n${mail.text}\n---\n`);
	};
}

/** The start-up warning for production without SMTP_URL, or null when there is none. */
export function mailWarning(cfg: MailConfig = config): string | null {
	if (cfg.SMTP_URL || cfg.NODE_ENV !== 'production') return null;
	return `SMTP_URL is not set: mail is not sent, only written to ${join(resolve(cfg.DATA_DIR), 'mail')}`;
}
