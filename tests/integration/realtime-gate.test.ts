import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BoardOp, SequencedOp } from '../../src/lib/domain/board';
import { BoardClient } from '../../src/lib/realtime/board-client';
import { ASK, TELL } from '../../src/lib/realtime/protocol';
import { describeEachDatabase } from './databases';
import { scheduleWorkshops, workshopWorld } from './workshop-fixtures';
import { eventually, Realtime } from './realtime-harness';

/**
 * Issue 11, item 3: on an anonymous board with hidden dots, participant B sends again the
 * op ids of participant A's ops (seen in redacted broadcasts), with any op. Before the
 * fix the "already stored" answer was A's stored op, whole: the note's author and the
 * note A's dot is on.
 */
describeEachDatabase("a re-sent op id of another's op over socket.io", (db) => {
	const rt = new Realtime();
	let w: Awaited<ReturnType<typeof workshopWorld>>;
	let board: string;

	beforeAll(async () => {
		await rt.start(db);
		w = await workshopWorld(db());
		({ shared: board } = await scheduleWorkshops(db(), w));
	});

	afterAll(async () => {
		for (const s of rt.sockets) s.close();
		await rt.stop();
	});

	it("is refused, and nothing B receives names A's note or dot", async () => {
		const fiia = new BoardClient(await rt.socketFor(db(), w.facilitator), board, w.facilitator.id);
		const anna = new BoardClient(await rt.socketFor(db(), w.a1), board, w.a1.id);
		const bSocket = await rt.socketFor(db(), w.b1);
		// Everything B's socket receives, told or answered.
		const heard: string[] = [];
		bSocket.onAny((event, payload) => heard.push(`${event} ${JSON.stringify(payload)}`));
		const seen: SequencedOp[] = [];
		bSocket.on(TELL.ops, (m: { ops: SequencedOp[] }) => seen.push(...m.ops));
		const bea = new BoardClient(bSocket, board, w.b1.id);
		await eventually(() => [fiia, anna, bea].every((c) => c.role !== null));

		expect((await fiia.send({ type: 'board.anonymous', anonymous: true })).ok).toBe(true);
		const noteId = crypto.randomUUID();
		const note: BoardOp = { type: 'note.add', noteId, text: 'Mine', colour: 'blue', x: 5, y: 5 };
		expect((await anna.send(note)).ok).toBe(true);
		expect((await fiia.send({ type: 'phase.goto', index: 3 })).ok).toBe(true);
		expect((await anna.send({ type: 'vote.cast', noteId })).ok).toBe(true);
		await eventually(() => seen.length >= 4);
		// B saw Anna's ops only as redacted broadcasts, but with their ids.
		const annas = seen.filter((s) => s.actorId === null && s.seq > 1);
		expect(annas.length).toBeGreaterThanOrEqual(2);

		const answers = [];
		for (const s of annas)
			for (const op of [
				note,
				{ type: 'vote.cast', noteId },
				{ type: 'vote.retract', noteId },
				{ type: 'phase.goto', index: 0 }
			])
				answers.push(await bSocket.emitWithAck(ASK.op, { boardId: board, opId: s.opId, op: op }));
		for (const a of answers) expect(a.ok).toBe(false);
		expect(answers.map((a) => a.error)).toContain('duplicate_op');

		// Anna's own retry is still answered with her op.
		const retry = await anna.socket.emitWithAck(ASK.op, {
			boardId: board,
			opId: annas.at(-1)!.opId,
			op: { type: 'vote.cast', noteId }
		});
		expect(retry).toMatchObject({ ok: true, op: { actorId: w.a1.id } });

		// And B, joining again from scratch and from before Anna's ops, learns nothing more.
		for (const lastSeq of [0, 1]) await bSocket.emitWithAck(ASK.join, { boardId: board, lastSeq });
		// Presence names who is here (Anna too); nothing else may name her.
		const text = heard.filter((h) => !h.startsWith(TELL.presence)).join('\n');
		expect(text).not.toContain(w.a1.id);
		expect(text).not.toContain('"vote.cast"');
	});
});
