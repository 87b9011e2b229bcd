import { beforeAll, expect, it } from 'vitest';
import { DEFAULT_AGENDA, type BoardOp } from '../../src/lib/domain/board';
import { claimsOf, Database } from '../../src/lib/server/db/database';
import { gateCatchUp } from '../../src/lib/domain/board-gate';
import { boardAccess, catchUp, storeOp } from '../../src/lib/server/workshops/board-ops';
import { scheduleWorkshop, WorkshopTeamRefused } from '../../src/lib/server/workshops/schedule';
import { describeEachDatabase } from './databases';
import { scheduleWorkshops, workshopWorld, type User } from './workshop-fixtures';

const noteId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const note = (n: number, text = 'An idea'): BoardOp => ({
	type: 'note.add',
	noteId: noteId(n),
	text,
	colour: 'yellow',
	x: 1,
	y: 1
});
const opId = () => crypto.randomUUID();

describeEachDatabase('workshop boards', (db) => {
	let w: Awaited<ReturnType<typeof workshopWorld>>;
	let shared: string;
	let boardA: string;
	let boardB: string;

	beforeAll(async () => {
		w = await workshopWorld(db());
		({ shared, boardA, boardB } = await scheduleWorkshops(db(), w, [
			{ userId: w.owner.id, kind: 'owner' }
		]));
	});

	it('puts only teams that applied in a workshop, and only by a facilitator', async () => {
		await expect(
			db().as(w.facilitator, (tx) =>
				scheduleWorkshop(tx, {
					challengeId: w.challenge.id,
					title: 'Not them',
					startsAt: new Date(),
					mode: 'shared',
					agenda: DEFAULT_AGENDA,
					teamIds: [w.teamC.id],
					guests: []
				})
			)
		).rejects.toBeInstanceOf(WorkshopTeamRefused);
		await expect(
			db().as(w.outsider, (tx) =>
				tx.query(
					`insert into public.workshops (challenge_id, title, starts_at, agenda)
					 values ($1, 'Mine', now(), '[{"kind":"ideate","title":"x","minutes":5}]')`,
					[w.challenge.id]
				)
			)
		).rejects.toThrow(/row-level security/);
	});

	it('shows a private team board to its team, the facilitator and the owner, never to the other team', async () => {
		const sees = async (u: User | null, board: string) =>
			(await db().as(u, (tx) => tx.query('select id from public.boards where id = $1', [board])))
				.length;
		expect(await sees(w.a1, boardA)).toBe(1);
		expect(await sees(w.a1, boardB)).toBe(0);
		expect(await sees(w.b1, boardA)).toBe(0);
		expect(await sees(w.facilitator, boardB)).toBe(1);
		expect(await sees(w.owner, boardA)).toBe(1);
		expect(await sees(w.outsider, shared)).toBe(0);
		await expect(sees(null, shared)).rejects.toThrow(/permission denied/);
		expect(await boardAccess(db(), w.b1, boardA)).toBeNull();
		expect(await storeOp(db(), w.b1, boardA, opId(), note(1))).toBeNull();
		const ops = await db().as(w.b1, (tx) =>
			tx.query('select * from public.board_ops where board_id = $1', [boardA])
		);
		expect(ops).toEqual([]);
	});

	it('sequences ops, acknowledges a retried op id again without applying it twice', async () => {
		const id = opId();
		const first = await storeOp(db(), w.a1, shared, id, note(2));
		const again = await storeOp(db(), w.a1, shared, id, note(2));
		expect(first).toMatchObject({ ok: true, repeated: false });
		expect(again).toMatchObject({ ok: true, repeated: true });
		if (!first?.ok || !again?.ok) throw new Error('refused');
		expect(again.op.op.seq).toBe(first.op.op.seq);
		const [row] = await db().service('test: count', (tx) =>
			tx.query<{ n: number }>(
				'select count(*)::int as n from public.board_ops where board_id = $1',
				[shared]
			)
		);
		expect(row.n).toBe(first.op.op.seq);
	});

	it('refuses a participant changing phase and notes in the wrong phase, changing nothing', async () => {
		expect(await storeOp(db(), w.a1, shared, opId(), { type: 'phase.goto', index: 3 })).toEqual({
			ok: false,
			code: 'forbidden'
		});
		await storeOp(db(), w.facilitator, shared, opId(), { type: 'phase.goto', index: 3 });
		expect(await storeOp(db(), w.a2, shared, opId(), note(3))).toEqual({
			ok: false,
			code: 'phase_forbids'
		});
	});

	it('never lets racing dots exceed the budget: the database transaction decides', async () => {
		const target = noteId(2);
		const results = await Promise.all(
			Array.from({ length: 12 }, () =>
				storeOp(db(), w.b1, shared, opId(), { type: 'vote.cast', noteId: target })
			)
		);
		expect(results.filter((r) => r?.ok).length).toBe(3);
		expect(results.filter((r) => r && !r.ok && r.code === 'budget_exhausted').length).toBe(9);
	});

	it('catches a client up with the ops it missed, or a snapshot when far behind', async () => {
		const access = (await boardAccess(db(), w.a2, shared))!;
		const all = await catchUp(db(), w.a2, access, 0);
		expect(all?.kind).toBe('snapshot');
		const held = await catchUp(db(), w.a2, access, 1);
		const some = held && gateCatchUp({ id: w.a2.id, role: access.role }, held);
		expect(some?.kind).toBe('ops');
		if (some?.kind !== 'ops') return;
		expect(some.ops[0].seq).toBe(2);
		// Another's dots before the reveal arrive as bare places in the order.
		expect(some.ops.filter((o) => o.op === null).length).toBe(3);
	});

	it('keeps notes and dots as rows behind RLS: a participant sees only own dots until the reveal', async () => {
		const rows = async (u: User, table: string, board: string) =>
			(
				await db().as(u, (tx) =>
					tx.query<{ n: number }>(
						`select count(*)::int as n from public.${table} where board_id = $1`,
						[board]
					)
				)
			)[0].n;
		// Team B's three dots on the shared board (the racing test above).
		expect(await rows(w.b1, 'board_votes', shared)).toBe(1);
		expect(await rows(w.a1, 'board_votes', shared)).toBe(0);
		expect(await rows(w.facilitator, 'board_votes', shared)).toBe(1);
		expect(await rows(w.a1, 'board_notes', shared)).toBe(1);
		await storeOp(db(), w.facilitator, shared, opId(), { type: 'votes.reveal', revealed: true });
		expect(await rows(w.a1, 'board_votes', shared)).toBe(1);
		// A team's own board: its notes are invisible to the other team.
		await storeOp(db(), w.a1, boardA, opId(), note(20, 'Only for team A'));
		expect(await rows(w.a2, 'board_notes', boardA)).toBe(1);
		expect(await rows(w.b1, 'board_notes', boardA)).toBe(0);
		expect(await rows(w.outsider, 'board_notes', boardA)).toBe(0);
		// Nobody writes the rows but the op path.
		await expect(
			db().as(w.a1, (tx) =>
				tx.query(
					`insert into public.board_notes (board_id, id, author_id, body, colour, x, y, added_seq)
					 values ($1, $2, $3, 'Sneaked in', 'yellow', 0, 0, 99)`,
					[boardA, noteId(21), w.a1.id]
				)
			)
		).rejects.toThrow(/row-level security|permission denied/);
		await expect(
			db().as(w.a1, (tx) =>
				tx.query('delete from public.board_notes where board_id = $1', [boardA])
			)
		).rejects.toThrow(/permission denied/);
		expect(await rows(w.a2, 'board_notes', boardA)).toBe(1);
	});

	it('lets the organisation’s staff who were not invited observe every board, adding nothing', async () => {
		const access = await boardAccess(db(), w.staff, boardB);
		expect(access?.role).toBe('observer');
		expect(await storeOp(db(), w.staff, boardB, opId(), note(30))).toEqual({
			ok: false,
			code: 'forbidden'
		});
		const seen = await catchUp(db(), w.staff, access!, 0);
		expect(seen?.kind).toBe('snapshot');
		// The owner invited as a participant takes part.
		expect((await boardAccess(db(), w.owner, shared))?.role).toBe('participant');
	});

	it('keeps names in anonymous mode and the op log from participants at the database level', async () => {
		// Team A's board: a1 wrote note 20 (above); a2 adds one, then the facilitator hides names.
		await storeOp(db(), w.a2, boardA, opId(), note(40, 'From Aaro'));
		await storeOp(db(), w.facilitator, boardA, opId(), {
			type: 'board.anonymous',
			anonymous: true
		});
		const authors = async (u: User) =>
			Object.fromEntries(
				(
					await db().as(u, (tx) =>
						tx.query<{ note_id: string; author_id: string }>(
							'select note_id, author_id from public.board_note_authors($1)',
							[boardA]
						)
					)
				).map((r) => [r.note_id, r.author_id])
			);
		expect(await authors(w.a1)).toEqual({ [noteId(20)]: w.a1.id });
		expect(await authors(w.facilitator)).toEqual({
			[noteId(20)]: w.a1.id,
			[noteId(40)]: w.a2.id
		});
		expect(await authors(w.b1)).toEqual({});
		await expect(
			db().as(w.a1, (tx) => tx.query('select author_id from public.board_notes'))
		).rejects.toThrow(/permission denied/);
		const log = async (u: User) =>
			(
				await db().as(u, (tx) =>
					tx.query('select op_id from public.board_ops where board_id = $1', [boardA])
				)
			).length;
		expect(await log(w.a1)).toBe(0);
		expect(await log(w.facilitator)).toBeGreaterThan(0);
		// What the server hands a participant catching up says the same.
		const snapshot = await catchUp(db(), w.a1, (await boardAccess(db(), w.a1, boardA))!, 0);
		if (snapshot?.kind !== 'snapshot') throw new Error('expected a snapshot');
		expect(snapshot.state.notes[noteId(40)].authorId).toBeNull();
		expect(snapshot.state.notes[noteId(20)].authorId).toBe(w.a1.id);
	});

	it("checks a batch's senders in one call, each as the policy helpers answer for them alone", async () => {
		const people = [w.facilitator, w.a1, w.b1, w.owner, w.outsider, w.a1];
		const rows = await db().service('test: senders of a batch', async (tx) => {
			// The caller's own claims (here a marker) are put back once every sender is checked.
			await tx.query("select set_config('request.jwt.claims', $1, true)", ['{"marker":1}']);
			const checked = await tx.query<{
				sender: number;
				role: string | null;
				visible: boolean;
				open: boolean;
			}>(
				`select sender, role, visible, open
				 from private.board_senders_rights($1, $2::text[], $3::text[])`,
				[boardA, people.map((p) => claimsOf(p).claims), people.map((p) => claimsOf(p).headers)]
			);
			const [after] = await tx.query<{ claims: string }>(
				"select current_setting('request.jwt.claims', true) as claims"
			);
			return { checked, after: after.claims };
		});
		expect(rows.after).toBe('{"marker":1}');
		// Each person alone, their claims set for the statement, as each sender was checked before.
		const alone = await Promise.all(
			people.map((p) =>
				db().serviceAs('test: one sender', p, async (tx) => {
					const [r] = await tx.query<{ role: string | null; visible: boolean; open: boolean }>(
						`select private.workshop_role(workshop_id) as role, private.can_see_board(id) as visible,
						   private.workshop_open(workshop_id) as open
						 from public.boards where id = $1`,
						[boardA]
					);
					return r;
				})
			)
		);
		expect(rows.checked.map((r) => r.sender)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(rows.checked.map(({ role, visible, open }) => ({ role, visible, open }))).toEqual(alone);
		// Team A's own board: its facilitator, team A and the owner's guest see it; team B and an outsider do not.
		expect(rows.checked.map((r) => [r.role, r.visible])).toEqual([
			['facilitator', true],
			['participant', true],
			['participant', false],
			['participant', true],
			[null, false],
			['participant', true]
		]);
	});

	it("lets no signed-in user check others' rights on a board", async () => {
		const { claims, headers } = claimsOf(w.facilitator);
		await expect(
			db().as(w.a1, (tx) =>
				tx.query('select * from private.board_senders_rights($1, $2::text[], $3::text[])', [
					boardA,
					[claims],
					[headers]
				])
			)
		).rejects.toThrow(/permission denied/);
	});

	// Last: its notes would change the counts above.
	it("refuses another person's op id, whatever the op, without its stored op", async () => {
		await storeOp(db(), w.facilitator, shared, opId(), { type: 'phase.goto', index: 1 });
		const id = opId();
		expect(await storeOp(db(), w.a1, shared, id, note(50))).toMatchObject({ ok: true });
		// The same op again, a fresh valid op, an op refused on its own merits.
		expect(await storeOp(db(), w.a2, shared, id, note(50))).toEqual({ ok: false, code: 'exists' });
		expect(await storeOp(db(), w.a2, shared, id, note(51))).toEqual({
			ok: false,
			code: 'duplicate_op'
		});
		expect(await storeOp(db(), w.a2, shared, id, { type: 'phase.goto', index: 1 })).toEqual({
			ok: false,
			code: 'forbidden'
		});
	});

	it('stores ops sent together in one batch, in order, each sender checked for themselves', async () => {
		const [first, second, third] = [opId(), opId(), opId()];
		const results = await Promise.all([
			storeOp(db(), w.a1, shared, first, note(60)),
			storeOp(db(), w.outsider, shared, opId(), note(61)),
			storeOp(db(), w.b1, shared, second, note(62)),
			// A retry of the first while it is still being written: answered with it, not applied.
			storeOp(db(), w.a1, shared, first, note(60)),
			storeOp(db(), w.a2, shared, third, note(63))
		]);
		if (!results[0]?.ok) throw new Error('refused');
		const seq = results[0].op.op.seq;
		expect(results[1]).toBeNull();
		expect(results[2]).toMatchObject({ ok: true, repeated: false, op: { op: { seq: seq + 1 } } });
		expect(results[3]).toMatchObject({ ok: true, repeated: true, op: { op: { seq } } });
		expect(results[4]).toMatchObject({ ok: true, repeated: false, op: { op: { seq: seq + 2 } } });
		const stored = await db().service('test: the batch as stored', async (tx) => ({
			ops: await tx.query<{ seq: number; op_id: string }>(
				'select seq::int as seq, op_id from public.board_ops where board_id = $1 and seq >= $2 order by seq',
				[shared, seq]
			),
			notes: await tx.query<{ id: string; added_seq: number }>(
				`select id, added_seq::int as added_seq from public.board_notes
				 where board_id = $1 and added_seq >= $2 order by added_seq`,
				[shared, seq]
			),
			board: await tx.query<{ seq: number }>(
				'select seq::int as seq from public.boards where id = $1',
				[shared]
			)
		}));
		expect(stored.ops).toEqual([
			{ seq, op_id: first },
			{ seq: seq + 1, op_id: second },
			{ seq: seq + 2, op_id: third }
		]);
		// Each note ordered by the op that added it, as one op per transaction would have it.
		expect(stored.notes).toEqual([
			{ id: noteId(60), added_seq: seq },
			{ id: noteId(62), added_seq: seq + 1 },
			{ id: noteId(63), added_seq: seq + 2 }
		]);
		expect(stored.board).toEqual([{ seq: seq + 2 }]);
	});

	it('keeps each note of a batch in its own author’s language, not the last sender’s', async () => {
		const setLocale = (id: string, locale: string | null) =>
			db().service('test: interface language', (tx) =>
				tx.query<{ locale: string }>(
					'update public.profiles set locale = coalesce($2, locale) where id = $1 returning locale',
					[id, locale]
				)
			);
		const [[{ locale: a1Was }], [{ locale: a2Was }]] = await Promise.all([
			setLocale(w.a1.id, null),
			setLocale(w.a2.id, null)
		]);
		await Promise.all([setLocale(w.a1.id, 'sv'), setLocale(w.a2.id, 'en')]);
		try {
			const results = await Promise.all([
				storeOp(db(), w.a1, shared, opId(), note(80, 'Svenska')),
				storeOp(db(), w.a2, shared, opId(), note(81, 'English'))
			]);
			expect(results).toMatchObject([{ ok: true }, { ok: true }]);
			const notes = await db().service('test: languages of the batch', (tx) =>
				tx.query<{ id: string; lang: string }>(
					'select id, lang from public.board_notes where board_id = $1 and id = any($2::uuid[]) order by id',
					[shared, [noteId(80), noteId(81)]]
				)
			);
			expect(notes).toEqual([
				{ id: noteId(80), lang: 'sv' },
				{ id: noteId(81), lang: 'en' }
			]);
		} finally {
			await Promise.all([setLocale(w.a1.id, a1Was), setLocale(w.a2.id, a2Was)]);
		}
	});

	it('tries a failed batch again op by op: only the op whose transaction fails, fails', async () => {
		// The batch's transaction and then the first op's own one fail, as a lost connection would.
		let failures = 2;
		const driver = db().driver;
		const flaky = new Database({
			...driver,
			transaction: (fn) =>
				failures-- > 0 ? Promise.reject(new Error('connection lost')) : driver.transaction(fn)
		});
		const [first, second] = await Promise.allSettled([
			storeOp(flaky, w.a1, shared, opId(), note(70)),
			storeOp(flaky, w.a2, shared, opId(), note(71))
		]);
		expect(first).toMatchObject({ status: 'rejected', reason: { message: 'connection lost' } });
		expect(second).toMatchObject({ status: 'fulfilled', value: { ok: true, repeated: false } });
		const notes = await db().service('test: notes of the failed batch', (tx) =>
			tx.query<{ id: string }>(
				'select id from public.board_notes where board_id = $1 and id = any($2::uuid[])',
				[shared, [noteId(70), noteId(71)]]
			)
		);
		expect(notes).toEqual([{ id: noteId(71) }]);
	});
});
