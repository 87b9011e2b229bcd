import type { Database } from '../../src/lib/server/db/database';
import type { Mail } from '../../src/lib/server/mail/transport';
import { MailWorker } from '../../src/lib/server/mail/worker';

/** Delivers everything due in the outbox to a list (no files, no SMTP) and returns it. */
export async function drainOutbox(db: Database): Promise<Mail[]> {
	const mails: Mail[] = [];
	const worker = new MailWorker(db, async (mail) => void mails.push(mail), { batch: 100 });
	while ((await worker.runOnce()) > 0);
	return mails;
}
