import { expect, it } from 'vitest';
import { DEFAULT_AGENDA } from '../../src/lib/domain/board';
import { scheduleWorkshop } from '../../src/lib/server/workshops/schedule';
import { absoluteUrl } from '../../src/lib/server/http/links';
import { describeEachDatabase } from './databases';
import { drainOutbox } from './mail-helpers';
import { workshopWorld } from './workshop-fixtures';

describeEachDatabase('workshop invitations', (db) => {
	it('mail everyone put in the workshop, once, with the link and a calendar invitation', async () => {
		const w = await workshopWorld(db());
		const title = `Matching day ${crypto.randomUUID().slice(0, 8)}`;
		const startsAt = new Date('2026-12-03T08:00:00Z');
		// The database enqueues the invitations as the teams and guests are put in.
		const id = await db().as(w.facilitator, (tx) =>
			scheduleWorkshop(tx, {
				challengeId: w.challenge.id,
				title,
				startsAt,
				mode: 'shared',
				agenda: DEFAULT_AGENDA,
				teamIds: [w.teamA.id],
				guests: [{ userId: w.owner.id, kind: 'owner' }]
			})
		);

		const mails = (await drainOutbox(db())).filter((m) => m.subject.includes(title));
		expect(mails.map((m) => m.to).sort()).toEqual([w.a1.email, w.a2.email, w.owner.email].sort());
		for (const mail of mails) {
			expect(mail.subject).toBe(`Invitation: ${title}`);
			expect(mail.text).toContain(absoluteUrl(`/workshops/${id}`));
			expect(mail.text).toContain('3 Dec 2026');
			// Long lines are folded (RFC 5545): unfold before reading.
			const ics = mail.icalEvent!.content.replace(/\r\n[ \t]/g, '');
			expect(mail.icalEvent!.method).toBe('REQUEST');
			expect(ics).toContain('METHOD:REQUEST');
			expect(ics).toContain('DTSTART:20261203T080000Z');
			// The agenda's 80 minutes.
			expect(ics).toContain('DTEND:20261203T092000Z');
			expect(ics).toContain(`ATTENDEE;`);
			expect(ics).toContain(mail.to);
		}
		// Nobody outside the workshop, nor a team that was not put in it.
		expect(mails.some((m) => m.to === w.b1.email || m.to === w.outsider.email)).toBe(false);
	});
});
