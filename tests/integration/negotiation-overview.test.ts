import { afterAll, beforeAll, expect, it } from 'vitest';
import { BoardClient } from '../../src/lib/realtime/board-client';
import { TELL, type Person } from '../../src/lib/realtime/protocol';
import { describeEachDatabase } from './databases';
import { scheduleWorkshops, workshopWorld } from './workshop-fixtures';
import { eventually, Realtime } from './realtime-harness';

/**
 * Issue 12 (facilitator): in a negotiation the facilitator's overview of all team boards
 * says who is on each board and follows changes live; a team hears nothing of the others.
 */
describeEachDatabase('the overview of a negotiation over socket.io', (db) => {
	const rt = new Realtime();
	let w: Awaited<ReturnType<typeof workshopWorld>>;
	let boardA: string;
	let boardB: string;

	beforeAll(async () => {
		await rt.start(db);
		w = await workshopWorld(db());
		({ boardA, boardB } = await scheduleWorkshops(db(), w));
	});

	afterAll(async () => {
		for (const s of rt.sockets) s.close();
		await rt.stop();
	});

	it('tells the facilitator who is on the other boards and that they changed; teams hear nothing of each other', async () => {
		// Bea is on team B's board before the facilitator comes: the join tells her presence.
		const beaSocket = await rt.socketFor(db(), w.b1);
		const beaHeard: string[] = [];
		beaSocket.onAny((event, payload) => beaHeard.push(`${event} ${JSON.stringify(payload)}`));
		const bea = new BoardClient(beaSocket, boardB, w.b1.id);
		await eventually(() => bea.role !== null);

		const fiiaSocket = await rt.socketFor(db(), w.facilitator);
		const elsewhere = new Map<string, Person[]>();
		const changed: string[] = [];
		fiiaSocket.on(TELL.presence, (p: { boardId: string; people: Person[] }) => {
			if (p.boardId !== boardA) elsewhere.set(p.boardId, p.people);
		});
		fiiaSocket.on(TELL.activity, (a: { boardId: string }) => changed.push(a.boardId));
		const fiia = new BoardClient(fiiaSocket, boardA, w.facilitator.id);
		await eventually(() => fiia.role === 'facilitator');
		await eventually(() => elsewhere.get(boardB)?.some((p) => p.id === w.b1.id) ?? false);

		// Anna comes to team A's board, with the facilitator: Bea is not told.
		const anna = new BoardClient(await rt.socketFor(db(), w.a1), boardA, w.a1.id);
		await eventually(() => anna.role !== null);

		// Bea writes on her board: the facilitator (on A's board) hears that B changed.
		const note = {
			type: 'note.add',
			noteId: crypto.randomUUID(),
			text: 'Ours',
			colour: 'blue',
			x: 1,
			y: 1
		} as const;
		expect((await bea.send(note)).ok).toBe(true);
		await eventually(() => changed.includes(boardB));
		// Anna writes on A's board: the facilitator is on it and gets the op itself too.
		expect((await anna.send({ ...note, noteId: crypto.randomUUID(), text: 'Theirs' })).ok).toBe(
			true
		);
		await eventually(() => changed.includes(boardA));

		// Bea leaves: the facilitator's overview shows nobody on B's board.
		beaSocket.close();
		await eventually(() => elsewhere.get(boardB)?.length === 0);

		// Bea heard only her own board: nothing of A's board, its people or its changes.
		expect(beaHeard.some((h) => h.includes(boardA))).toBe(false);
		expect(beaHeard.some((h) => h.startsWith(TELL.activity))).toBe(false);
		expect(beaHeard.some((h) => h.includes(w.a1.id))).toBe(false);
	});
});
