import { expect, it } from 'vitest';
import { DEFAULT_AGENDA, type BoardOp } from '../../src/lib/domain/board';
import { storeOp } from '../../src/lib/server/workshops/board-ops';
import {
	announce,
	scheduleWorkshop,
	workshopBoards
} from '../../src/lib/server/workshops/schedule';
import { advanceWorkshop } from '../../src/lib/server/workshops/status';
import { requestSummary } from '../../src/lib/server/workshops/summary';
import { absoluteUrl } from '../../src/lib/server/http/links';
import { describeEachDatabase } from './databases';
import { drainOutbox } from './mail-helpers';
import { workshopWorld } from './workshop-fixtures';

const note = (text: string, noteId = crypto.randomUUID()): BoardOp => ({
	type: 'note.add',
	noteId,
	text,
	colour: 'yellow',
	x: 0,
	y: 0
});

describeEachDatabase('workshop outcome summary mail', (db) => {
	it('goes to everyone when the workshop ends, once, each team seeing only its own board', async () => {
		const w = await workshopWorld(db());
		const title = `Negotiation ${crypto.randomUUID().slice(0, 8)}`;
		const workshop = await db().as(w.facilitator, (tx) =>
			scheduleWorkshop(tx, {
				challengeId: w.challenge.id,
				title,
				startsAt: new Date(),
				mode: 'team_boards',
				agenda: DEFAULT_AGENDA,
				teamIds: [w.teamA.id, w.teamB.id],
				guests: [{ userId: w.owner.id, kind: 'owner' }]
			})
		);
		const boards = await db().as(w.facilitator, (tx) => workshopBoards(tx, workshop));
		const boardA = boards.find((b) => b.teamId === w.teamA.id)!.id;
		const boardB = boards.find((b) => b.teamId === w.teamB.id)!.id;
		const liked = crypto.randomUUID();
		expect(
			await storeOp(db(), w.a1, boardA, crypto.randomUUID(), note('Price per placement'))
		).toMatchObject({ ok: true });
		expect(
			await storeOp(db(), w.a2, boardA, crypto.randomUUID(), note('Coach in chat', liked))
		).toMatchObject({ ok: true });
		expect(
			await storeOp(db(), w.b1, boardB, crypto.randomUUID(), note('Roadmap in three releases'))
		).toMatchObject({ ok: true });
		const vote = { type: 'phase.goto', index: 3 } as const;
		expect(await storeOp(db(), w.facilitator, boardA, crypto.randomUUID(), vote)).toMatchObject({
			ok: true
		});
		for (let i = 0; i < 2; i++)
			expect(
				await storeOp(db(), w.a1, boardA, crypto.randomUUID(), { type: 'vote.cast', noteId: liked })
			).toMatchObject({ ok: true });
		await db().as(w.facilitator, (tx) => announce(tx, workshop, 'Kaffe nu.', 'sv'));
		// The Finnish-speaking member reads it in Finnish.
		await db().service('test: a2 reads Finnish', (tx) =>
			tx.query(`update public.profiles set locale = 'fi' where id = $1`, [w.a2.id])
		);
		await drainOutbox(db());

		// Before the end: nothing, and the facilitator cannot ask for it yet.
		expect(await db().as(w.facilitator, (tx) => requestSummary(tx, workshop))).toBe('forbidden');
		await db().as(w.facilitator, async (tx) => {
			await advanceWorkshop(tx, workshop, 'live');
			await advanceWorkshop(tx, workshop, 'ended');
		});
		const mails = (await drainOutbox(db())).filter((m) => m.subject.includes(title));
		const to = (email: string) => mails.find((m) => m.to === email)!.text;
		expect(mails.map((m) => m.to).sort()).toEqual(
			[w.facilitator.email, w.owner.email, w.a1.email, w.a2.email, w.b1.email].sort()
		);
		// Ranked by dots: the voted note first.
		expect(to(w.a1.email)).toMatch(
			/1\. Coach in chat \(2 dots\)\n2\. Price per placement \(0 dots\)/
		);
		expect(to(w.a1.email)).not.toContain('Roadmap');
		expect(to(w.a1.email)).not.toContain('Bea B');
		expect(to(w.a1.email)).toContain('Kaffe nu. [sv]');
		expect(to(w.a1.email)).toContain(absoluteUrl(`/workshops/${workshop}`));
		expect(to(w.b1.email)).toContain('Roadmap in three releases');
		expect(to(w.b1.email)).not.toContain('Price per placement');
		for (const whole of [to(w.facilitator.email), to(w.owner.email)]) {
			expect(whole).toContain('Roadmap in three releases');
			expect(whole).toContain('Coach in chat');
			expect(whole).toContain('Bea B');
		}
		expect(mails.find((m) => m.to === w.a2.email)!.subject).toBe(`Tulokset: ${title}`);
		// a2 wrote the note in English and reads the mail in Finnish now: the note is marked
		// with its language, as the announcement is (the English reader's above is not).
		expect(to(w.a2.email)).toContain('Coach in chat [en] (2 pistettä)');

		// Once: asking again sends nothing; nobody but the facilitator may ask.
		expect(await db().as(w.facilitator, (tx) => requestSummary(tx, workshop))).toBe('already_sent');
		expect(await db().as(w.a1, (tx) => requestSummary(tx, workshop))).toBe('forbidden');
		expect((await drainOutbox(db())).filter((m) => m.subject.includes(title))).toEqual([]);
		// Nor can anyone reset the mark.
		await expect(
			db().as(w.facilitator, (tx) =>
				tx.query('update public.workshops set summary_mailed_at = null where id = $1', [workshop])
			)
		).rejects.toThrow(/permission denied/);
	});

	it('is sent on request for a workshop that ended before summaries were mailed', async () => {
		const w = await workshopWorld(db());
		const title = `Shared ${crypto.randomUUID().slice(0, 8)}`;
		const workshop = await db().as(w.facilitator, (tx) =>
			scheduleWorkshop(tx, {
				challengeId: w.challenge.id,
				title,
				startsAt: new Date(),
				mode: 'shared',
				agenda: DEFAULT_AGENDA,
				teamIds: [w.teamA.id],
				guests: []
			})
		);
		await db().as(w.facilitator, async (tx) => {
			await advanceWorkshop(tx, workshop, 'live');
			await advanceWorkshop(tx, workshop, 'ended');
		});
		// As if it had ended before this: the mark cleared behind the app's back.
		await db().service('test: an old ended workshop', (tx) =>
			tx.query('update public.workshops set summary_mailed_at = null where id = $1', [workshop])
		);
		await drainOutbox(db());
		expect(await db().as(w.facilitator, (tx) => requestSummary(tx, workshop))).toBe('sent');
		const mails = (await drainOutbox(db())).filter((m) => m.subject.includes(title));
		expect(mails.map((m) => m.to).sort()).toEqual(
			[w.facilitator.email, w.a1.email, w.a2.email].sort()
		);
		expect(mails[0].text).toContain('No notes.');
	});
});
