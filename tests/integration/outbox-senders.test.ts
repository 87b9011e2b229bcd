import { expect, it } from 'vitest';
import { follow } from '../../src/lib/server/challenges/followers';
import { notifyFollowers } from '../../src/lib/server/challenges/notify';
import { absoluteUrl } from '../../src/lib/server/http/links';
import { describeEachDatabase } from './databases';
import { createChallenge, createOrganisation, createUser } from './fixtures';
import { drainOutbox } from './mail-helpers';
import { createScreeningScenario } from './screening-fixtures';

describeEachDatabase('mail enqueued by the changes that cause it', (db) => {
	it('an amendment mails every follower in their language, only if it commits', async () => {
		const owner = await createUser(db(), 'Owner');
		const org = await createOrganisation(db(), owner.id);
		const challenge = await createChallenge(db(), org.id, 'published');
		const fi = await createUser(db(), 'Fanni');
		const sv = await createUser(db(), 'Sven');
		await db().service('test: locale', (tx) =>
			tx.query(`update public.profiles set locale = 'sv' where id = $1`, [sv.id])
		);
		for (const u of [fi, sv]) await db().as(u, (tx) => follow(tx, challenge.id));
		const notice = { kind: 'amendment' as const, reason: 'The deadline moves.' };

		await expect(
			db().as(owner, async (tx) => {
				await notifyFollowers(tx, challenge.id, notice);
				throw new Error('the amendment failed');
			})
		).rejects.toThrow('the amendment failed');
		const none = (await drainOutbox(db())).filter((m) => m.to === fi.email || m.to === sv.email);
		expect(none).toEqual([]);

		expect(await db().as(owner, (tx) => notifyFollowers(tx, challenge.id, notice))).toBe(2);
		const mails = await drainOutbox(db());
		const [toFi] = mails.filter((m) => m.to === fi.email);
		const [toSv] = mails.filter((m) => m.to === sv.email);
		// Profiles made by the fixture speak English; Sven's speaks Swedish.
		expect(toFi.subject).toMatch(/^Amendment: /);
		expect(toSv.subject).toMatch(/^Ändring: /);
		for (const mail of [toFi, toSv]) {
			expect(mail.text).toContain('The deadline moves.');
			expect(mail.text).toContain(absoluteUrl(`/challenges/${challenge.slug}`));
		}
	});

	it('a screening decision mails the team, receipts went to every member at submission', async () => {
		const s = await createScreeningScenario(db());
		const mails = await drainOutbox(db());
		const screened = mails.filter((m) => /has been screened/.test(m.subject));
		// appA was decided; appB only marked.
		expect(screened.map((m) => m.to).sort()).toEqual([s.lead.email, s.member.email].sort());
		expect(screened[0].text).toContain('was found eligible');
		expect(screened[0].text).toContain(absoluteUrl(`/applications/${s.appA.id}`));
		const receipts = mails.filter((m) => /^Receipt: /.test(m.subject));
		expect(receipts.map((m) => m.to).sort()).toEqual(
			[s.lead.email, s.member.email, s.otherTeam.email].sort()
		);
	});
});
