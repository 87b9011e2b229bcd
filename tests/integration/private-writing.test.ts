import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BoardOp, SequencedOp } from '../../src/lib/domain/board';
import { BoardClient } from '../../src/lib/realtime/board-client';
import { ASK, TELL } from '../../src/lib/realtime/protocol';
import { describeEachDatabase } from './databases';
import { scheduleWorkshops, workshopWorld } from './workshop-fixtures';
import { eventually, Realtime } from './realtime-harness';

/**
 * Issue 12: private writing. While it is on, a note reaches only its author and the
 * facilitator, by every path out of the server: the broadcast, a (re)join's catch-up,
 * and a direct `authenticated` read of the tables. The reveal shows every hidden note at
 * once, in one op the record keeps with who and when.
 */
describeEachDatabase('private writing on a board over socket.io', (db) => {
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

	const notesAs = (user: { id: string; email: string }) =>
		db().as(user, (tx) =>
			tx.query<{ id: string; body: string; hidden: boolean }>(
				'select id, body, hidden from public.board_notes where board_id = $1',
				[board]
			)
		);

	it('hides a note from others until the reveal, then shows it to everyone', async () => {
		const fiia = new BoardClient(await rt.socketFor(db(), w.facilitator), board, w.facilitator.id);
		const anna = new BoardClient(await rt.socketFor(db(), w.a1), board, w.a1.id);
		// Anna's second tab: her own hidden note reaches it live, whole.
		const tabSocket = await rt.socketFor(db(), w.a1);
		const tabHeard: SequencedOp[] = [];
		tabSocket.on(TELL.ops, (m: { ops: SequencedOp[] }) => tabHeard.push(...m.ops));
		const annaTab = new BoardClient(tabSocket, board, w.a1.id);
		const bSocket = await rt.socketFor(db(), w.b1);
		const heard: string[] = [];
		bSocket.onAny((event, payload) => heard.push(`${event} ${JSON.stringify(payload)}`));
		const seen: SequencedOp[] = [];
		bSocket.on(TELL.ops, (m: { ops: SequencedOp[] }) => seen.push(...m.ops));
		const bea = new BoardClient(bSocket, board, w.b1.id);
		await eventually(() => [fiia, anna, annaTab, bea].every((c) => c.role !== null));

		// Only the facilitator turns it on.
		expect((await bea.send({ type: 'board.private', privateWriting: true })).ok).toBe(false);
		expect((await fiia.send({ type: 'board.private', privateWriting: true })).ok).toBe(true);
		await eventually(() => bea.view.privateWriting && anna.view.privateWriting);

		const noteId = crypto.randomUUID();
		const secret = 'Secret idea 7f3a';
		const note: BoardOp = { type: 'note.add', noteId, text: secret, colour: 'blue', x: 5, y: 5 };
		expect((await anna.send(note)).ok).toBe(true);
		await eventually(() => !!fiia.view.notes[noteId]);
		expect(fiia.view.notes[noteId]).toMatchObject({ text: secret, hidden: true });
		await eventually(() => !!annaTab.view.notes[noteId]);
		expect(annaTab.view.notes[noteId]).toMatchObject({ text: secret, hidden: true });
		// Told whole at once, not as a gap her tab had to join again to fill.
		expect(tabHeard.some((o) => o.op?.type === 'note.add' && o.op.text === secret)).toBe(true);
		expect(anna.view.notes[noteId]).toMatchObject({ text: secret, hidden: true });
		// B gets its place in the order only.
		await eventually(() => seen.some((s) => s.op === null));
		expect(bea.view.notes[noteId]).toBeUndefined();

		// Others cannot move it, vote on it or edit it; the facilitator cannot put it before all.
		for (const op of [
			{ type: 'note.move', noteId, x: 1, y: 1 },
			{ type: 'note.edit', noteId, text: 'changed' },
			{ type: 'note.delete', noteId }
		] as BoardOp[])
			expect(await bea.send(op)).toMatchObject({ ok: false, error: 'not_found' });
		expect(
			await fiia.send({ type: 'spotlight', target: { kind: 'note', id: noteId } })
		).toMatchObject({ ok: false, error: 'not_found' });
		// Anna may still edit her own.
		expect((await anna.send({ type: 'note.edit', noteId, text: `${secret}!` })).ok).toBe(true);

		// A join from scratch or from before the note brings B nothing of it.
		for (const lastSeq of [0, 1]) await bSocket.emitWithAck(ASK.join, { boardId: board, lastSeq });
		// Nor does reading the table directly as B; Anna and the facilitator read it.
		expect((await notesAs(w.b1)).map((n) => n.id)).not.toContain(noteId);
		expect((await notesAs(w.a1)).map((n) => n.id)).toContain(noteId);
		expect((await notesAs(w.facilitator)).map((n) => n.id)).toContain(noteId);
		const authors = await db().as(w.b1, (tx) =>
			tx.query<{ note_id: string }>('select note_id from public.board_note_authors($1)', [board])
		);
		expect(authors.map((a) => a.note_id)).not.toContain(noteId);
		expect(heard.join('\n')).not.toContain('Secret idea');

		// The reveal: one op, everyone sees the note, the count is on record.
		const reveal = await fiia.send({ type: 'board.private', privateWriting: false, count: 99 });
		expect(reveal.ok).toBe(true);
		await eventually(() => bea.view.notes[noteId]?.text === `${secret}!`);
		expect(bea.view.privateWriting).toBe(false);
		expect(bea.view.lastReveal).toMatchObject({ count: 1, by: w.facilitator.id });
		expect(bea.view.notes[noteId].hidden).toBeUndefined();
		expect((await notesAs(w.b1)).find((n) => n.id === noteId)).toMatchObject({ hidden: false });
		const [record] = await db().as(w.facilitator, (tx) =>
			tx.query<{ actor_id: string; op: BoardOp }>(
				`select actor_id, op from public.board_ops
				 where board_id = $1 and op ->> 'type' = 'board.private' order by seq desc limit 1`,
				[board]
			)
		);
		expect(record).toMatchObject({
			actor_id: w.facilitator.id,
			op: { privateWriting: false, count: 1 }
		});
		// Notes added after the reveal are seen by all at once, and now may get dots.
		expect((await fiia.send({ type: 'phase.goto', index: 3 })).ok).toBe(true);
		expect((await bea.send({ type: 'vote.cast', noteId })).ok).toBe(true);
	});
});
