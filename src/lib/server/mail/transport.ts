import { mkdir, writeFile } from 'node:fs/promises';
import nodemailer from 'nodemailer';
import { config } from '../config';
import { dataPath } from '../db';
import { log } from '../log';

export interface Mail {
	to: string;
	subject: string;
	text: string;
	/** A calendar invitation (iCalendar) that mail programs offer to add. */
	icalEvent?: { method: 'REQUEST'; filename: string; content: string };
}

// Without SMTP_URL nodemailer only builds the message; we print it and keep it
// under DATA_DIR/mail so a developer (or an e2e test) can follow its links.
const transport = config.SMTP_URL
	? nodemailer.createTransport(config.SMTP_URL)
	: nodemailer.createTransport({ jsonTransport: true });

export async function sendMail(mail: Mail): Promise<void> {
	const message = { from: config.MAIL_FROM, ...mail };
	await transport.sendMail(message);
	if (config.SMTP_URL) {
		log.info({ to: mail.to, subject: mail.subject }, 'mail sent');
		return;
	}
	const dir = dataPath('mail');
	await mkdir(dir, { recursive: true });
	const file = `${dir}/${Date.now()}-${crypto.randomUUID().slice(0, 8)}.json`;
	await writeFile(file, JSON.stringify({ ...message, sentAt: new Date().toISOString() }, null, 2));
	log.info({ to: mail.to, subject: mail.subject, file }, 'mail written (no SMTP_URL)');
	if (config.NODE_ENV !== 'test')
		console.log(`\n--- mail to ${mail.to}: ${mail.subject}\n${mail.text}\n---\n`);
}
