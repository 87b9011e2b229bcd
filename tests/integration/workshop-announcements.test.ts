import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_AGENDA } from '../../src/lib/domain/board';
import {
	announce,
	scheduleWorkshop,
	workshopBoards
} from '../../src/lib/server/workshops/schedule';
import { advanceWorkshop } from '../../src/lib/server/workshops/status';
import { announcements } from '../../src/lib/server/workshops/list';
import { describeEachDatabase } from './databases';
import { workshopWorld, type User } from './workshop-fixtures';
import { eventually, Realtime } from './realtime-harness';

describeEachDatabase('announcements over socket.io', (db) => {
	const rt = new Realtime();
	let w: Awaited<ReturnType<typeof workshopWorld>>;
	let workshop: string;
	let boards: { id: string; teamId: string | null }[];

	beforeAll(async () => {
		await rt.start(db);
		w = await workshopWorld(db());
		workshop = await db().as(w.facilitator, (tx) =>
			scheduleWorkshop(tx, {
				challengeId: w.challenge.id,
				title: 'Negotiation',
				startsAt: new Date(),
				mode: 'team_boards',
				agenda: DEFAULT_AGENDA,
				teamIds: [w.teamA.id, w.teamB.id],
				guests: []
			})
		);
		boards = await db().as(w.facilitator, (tx) => workshopBoards(tx, workshop));
	});

	afterAll(async () => {
		for (const s of rt.sockets) s.close();
		await rt.stop();
	});

	/** A socket on the user's team board, collecting the announcements it hears. */
	const listener = async (user: User, teamId: string) => {
		const socket = await rt.socketFor(db(), user);
		const heard: { body: string; at: number }[] = [];
		socket.on('workshop:announcement', (a: { body: string; at: number }) => heard.push(a));
		const boardId = boards.find((b) => b.teamId === teamId)!.id;
		expect((await socket.emitWithAck('board:join', { boardId, lastSeq: 0 })).ok).toBe(true);
		return { socket, heard };
	};

	it('reaches every team board at once and is stored with its time', async () => {
		const anna = await listener(w.a1, w.teamA.id);
		const bea = await listener(w.b1, w.teamB.id);
		const fiia = await rt.socketFor(db(), w.facilitator);
		const before = Date.now();
		const answer = await fiia.emitWithAck('workshop:announce', {
			workshopId: workshop,
			body: '  Ten minutes left for questions.  '
		});
		expect(answer).toMatchObject({
			ok: true,
			announcement: { body: 'Ten minutes left for questions.' }
		});
		await eventually(() => anna.heard.length === 1 && bea.heard.length === 1);
		expect(anna.heard[0]).toEqual(bea.heard[0]);
		expect(anna.heard[0].at).toBeGreaterThanOrEqual(before - 5000);
		const stored = await db().as(w.b1, (tx) => announcements(tx, workshop));
		expect(stored.map((a) => a.body)).toEqual(['Ten minutes left for questions.']);
		expect(new Date(stored[0].at).getTime()).toBe(anna.heard[0].at);
	});

	it("carries the language it was written in and the sender's name, live and stored", async () => {
		const anna = await listener(w.a1, w.teamA.id);
		const fiia = await rt.socketFor(db(), w.facilitator);
		const answer = await fiia.emitWithAck('workshop:announce', {
			workshopId: workshop,
			body: 'Kaffe i tio minuter.',
			lang: 'sv'
		});
		expect(answer.ok).toBe(true);
		await eventually(() => anna.heard.length === 1);
		const [facilitatorName] = await db().as(w.facilitator, (tx) =>
			tx.query<{ name: string }>(
				`select display_name as name from public.workshop_people($1) where kind = 'facilitator'`,
				[workshop]
			)
		);
		expect(facilitatorName.name).toBeTruthy();
		expect(anna.heard[0]).toMatchObject({ lang: 'sv', by: facilitatorName.name });
		const stored = await db().as(w.a1, (tx) => announcements(tx, workshop));
		expect(stored.at(-1)).toMatchObject({
			body: 'Kaffe i tio minuter.',
			lang: 'sv',
			by: facilitatorName.name
		});
		// What was said before languages were recorded claims none; an unknown language is refused.
		expect(stored[0].lang).toBeNull();
		expect(
			await fiia.emitWithAck('workshop:announce', { workshopId: workshop, body: 'Hi', lang: 'de' })
		).toEqual({ ok: false, error: 'invalid_payload' });
		await expect(
			db().as(w.facilitator, (tx) =>
				tx.query(`select * from public.announce_to_workshop($1, 'Hallo', 'de')`, [workshop])
			)
		).rejects.toThrow(/check constraint/);
		anna.socket.close();
	});

	it('is refused to anybody but the facilitator, and refuses bad input', async () => {
		const anna = await rt.socketFor(db(), w.a1);
		expect(
			await anna.emitWithAck('workshop:announce', { workshopId: workshop, body: 'Me too' })
		).toEqual({
			ok: false,
			error: 'forbidden'
		});
		const owner = await rt.socketFor(db(), w.owner);
		expect(
			await owner.emitWithAck('workshop:announce', { workshopId: workshop, body: 'Hi' })
		).toEqual({
			ok: false,
			error: 'forbidden'
		});
		const fiia = await rt.socketFor(db(), w.facilitator);
		for (const bad of [
			{ workshopId: workshop, body: '   ' },
			{ workshopId: 'x', body: 'Hi' },
			'nonsense'
		])
			expect(await fiia.emitWithAck('workshop:announce', bad)).toEqual({
				ok: false,
				error: 'invalid_payload'
			});
		const stored = await db().as(w.facilitator, (tx) => announcements(tx, workshop));
		expect(stored).toHaveLength(2);
	});

	it('is refused once the workshop has ended, by the socket and by the database', async () => {
		const fiia = await rt.socketFor(db(), w.facilitator);
		await db().as(w.facilitator, async (tx) => {
			await advanceWorkshop(tx, workshop, 'live');
			await advanceWorkshop(tx, workshop, 'ended');
		});
		expect(
			await fiia.emitWithAck('workshop:announce', { workshopId: workshop, body: 'One more thing' })
		).toEqual({ ok: false, error: 'workshop_ended' });
		await expect(
			db().as(w.facilitator, (tx) => announce(tx, workshop, 'Through the back door'))
		).rejects.toThrow(/row-level security|permission denied/);
		const stored = await db().as(w.facilitator, (tx) => announcements(tx, workshop));
		expect(stored).toHaveLength(2);
	});
});
