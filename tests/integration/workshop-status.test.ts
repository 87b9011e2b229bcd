import { beforeAll, expect, it } from 'vitest';
import { advanceWorkshop, statusChanges } from '../../src/lib/server/workshops/status';
import { storeOp } from '../../src/lib/server/workshops/board-ops';
import type { Principal } from '../../src/lib/server/db/database';
import { attempt } from './attempt';
import { describeEachDatabase } from './databases';
import { scheduleWorkshops, workshopWorld } from './workshop-fixtures';

describeEachDatabase('workshop status', (db) => {
	let w: Awaited<ReturnType<typeof workshopWorld>>;
	let workshop: string;
	let negotiation: string;
	let sharedBoard: string;

	const advance = (who: Principal, to: 'live' | 'ended', id = workshop) =>
		db().as(who, (tx) => advanceWorkshop(tx, id, to));
	const status = async () =>
		(
			await db().service('test: status', (tx) =>
				tx.query<{ status: string; open: boolean }>(
					'select status, private.workshop_open(id) as open from public.workshops where id = $1',
					[workshop]
				)
			)
		)[0];

	const workshopOf = async (board: string) =>
		(
			await db().service('test: workshop of board', (tx) =>
				tx.query<{ id: string }>('select workshop_id as id from public.boards where id = $1', [
					board
				])
			)
		)[0].id;

	beforeAll(async () => {
		w = await workshopWorld(db());
		const { shared, boardA } = await scheduleWorkshops(db(), w, [
			{ userId: w.owner.id, kind: 'owner' }
		]);
		sharedBoard = shared;
		workshop = await workshopOf(shared);
		negotiation = await workshopOf(boardA);
	});

	it('lets nobody but the facilitator start it: a participant, the owner, an outsider', async () => {
		for (const who of [w.a1, w.owner, w.outsider, w.c1]) {
			expect(await advance(who, 'live')).toBe('forbidden');
		}
		expect(
			await attempt(db(), null, 'select public.advance_workshop($1, $2)', [workshop, 'live'])
		).toBe('denied');
		expect(await status()).toEqual({ status: 'scheduled', open: true });
	});

	it('never lets the status be written directly, not even by the facilitator', async () => {
		expect(
			await attempt(
				db(),
				w.facilitator,
				`update public.workshops set status = 'ended' where id = $1`,
				[workshop]
			)
		).toBe('denied');
		expect(
			await attempt(
				db(),
				w.facilitator,
				`insert into public.workshop_status_changes (workshop_id, status, by) values ($1, 'live', $2)`,
				[workshop, w.facilitator.id]
			)
		).toBe('denied');
		// Renaming stays possible for the facilitator.
		expect(
			await attempt(
				db(),
				w.facilitator,
				`update public.workshops set title = 'Co-creation day 1' where id = $1 returning id`,
				[workshop],
				{ rollback: true }
			)
		).toBe(1);
	});

	it('starts and ends only in order, once each; the board stays open until the end', async () => {
		expect(await advance(w.facilitator, 'ended')).toBe('out_of_order');
		expect(await advance(w.facilitator, 'live')).toBe('moved');
		expect(await status()).toEqual({ status: 'live', open: true });
		expect(await advance(w.facilitator, 'live')).toBe('out_of_order');
		expect(await advance(w.a1, 'ended')).toBe('forbidden');
		expect(await advance(w.owner, 'ended')).toBe('forbidden');
		expect(await advance(w.facilitator, 'ended')).toBe('moved');
		expect(await status()).toEqual({ status: 'ended', open: false });
		for (const back of ['live', 'scheduled', 'ended']) {
			const [row] = await db().as(w.facilitator, (tx) =>
				tx.query<{ outcome: string }>('select public.advance_workshop($1, $2) as outcome', [
					workshop,
					back
				])
			);
			expect(row.outcome, back).toBe('out_of_order');
		}
		expect(await status()).toEqual({ status: 'ended', open: false });
	});

	it('records who started and ended it, seen by those taking part only', async () => {
		const record = await db().as(w.a1, (tx) => statusChanges(tx, workshop));
		expect(record.map(({ status, by }) => ({ status, by }))).toEqual([
			{ status: 'live', by: w.facilitator.id },
			{ status: 'ended', by: w.facilitator.id }
		]);
		expect(record[0].at.getTime()).toBeLessThanOrEqual(record[1].at.getTime());
		expect(await db().as(w.owner, (tx) => statusChanges(tx, workshop))).toHaveLength(2);
		expect(await db().as(w.outsider, (tx) => statusChanges(tx, workshop))).toEqual([]);
		expect(await db().as(w.c1, (tx) => statusChanges(tx, workshop))).toEqual([]);
		await expect(db().as(null, (tx) => statusChanges(tx, workshop))).rejects.toThrow(
			/permission denied/
		);
		expect(
			await attempt(
				db(),
				w.facilitator,
				'delete from public.workshop_status_changes returning 1',
				[],
				{
					rollback: true
				}
			)
		).toBe('denied');
	});

	it('answers an unknown workshop as it answers one that is not yours', async () => {
		expect(await advance(w.facilitator, 'live', crypto.randomUUID())).toBe('forbidden');
		const [{ open }] = await db().service('test: unknown', (tx) =>
			tx.query<{ open: boolean }>('select private.workshop_open($1) as open', [crypto.randomUUID()])
		);
		expect(open).toBe(false);
	});

	it('tells whether a workshop is open only to those who may see it', async () => {
		const openFor = async (who: Principal) =>
			(
				await db().as(who, (tx) =>
					tx.query<{ open: boolean }>('select private.workshop_open($1) as open', [negotiation])
				)
			)[0].open;
		// The negotiation is open (scheduled): its facilitator, a participant and the owner's
		// side are told so; an outsider and a team not in it get what an unknown id gets.
		for (const who of [w.facilitator, w.a1, w.owner]) expect(await openFor(who)).toBe(true);
		for (const who of [w.outsider, w.c1]) expect(await openFor(who)).toBe(false);
		// The op path sets the person's claims in a service transaction: the same answer.
		const viaClaims = await db().service('test: op path claims', (tx) =>
			tx.query<{ open: boolean }>(
				`select set_config('request.jwt.claims', $2, true), private.workshop_open($1) as open`,
				[negotiation, JSON.stringify({ sub: w.outsider.id, role: 'authenticated' })]
			)
		);
		expect(viaClaims[0].open).toBe(false);
		expect(await attempt(db(), null, 'select private.workshop_open($1)', [negotiation])).toBe(
			'denied'
		);
	});

	it('makes the end wait for an op in flight, so no op is stored after the recorded end', async () => {
		expect(await advance(w.facilitator, 'live', negotiation)).toBe('moved');
		let locked!: () => void;
		let release!: () => void;
		const holding = new Promise<void>((r) => (locked = r));
		const gate = new Promise<void>((r) => (release = r));
		// What the op path does: ask in the op's transaction, then store (here: read the clock).
		const op = db().service('test: op in flight', async (tx) => {
			const [{ open }] = await tx.query<{ open: boolean }>(
				'select private.workshop_open($1) as open',
				[negotiation]
			);
			locked();
			await gate;
			const [{ at }] = await tx.query<{ at: Date }>('select clock_timestamp() as at');
			return { open, at };
		});
		await holding;
		let ended = false;
		const ending = advance(w.facilitator, 'ended', negotiation).then((outcome) => {
			ended = true;
			return outcome;
		});
		await new Promise((r) => setTimeout(r, 200));
		expect(ended).toBe(false);
		release();
		const [inFlight, outcome] = await Promise.all([op, ending]);
		expect(inFlight.open).toBe(true);
		expect(outcome).toBe('moved');
		const [end] = (await db().as(w.facilitator, (tx) => statusChanges(tx, negotiation))).filter(
			(c) => c.status === 'ended'
		);
		expect(end.at.getTime()).toBeGreaterThanOrEqual(new Date(inFlight.at).getTime());
		const [after] = await db().service('test: after the end', (tx) =>
			tx.query<{ open: boolean }>('select private.workshop_open($1) as open', [negotiation])
		);
		expect(after.open).toBe(false);
	});

	it('refuses every op on an ended workshop’s board in the op path, the facilitator’s too', async () => {
		// The shared workshop was ended above.
		const note = {
			type: 'note.add' as const,
			noteId: crypto.randomUUID(),
			text: 'Too late',
			colour: 'yellow' as const,
			x: 0,
			y: 0
		};
		const tries = [
			await storeOp(db(), w.a1, sharedBoard, crypto.randomUUID(), note),
			await storeOp(db(), w.facilitator, sharedBoard, crypto.randomUUID(), {
				type: 'board.lock',
				locked: true
			})
		];
		expect(tries).toEqual([
			{ ok: false, code: 'workshop_ended' },
			{ ok: false, code: 'workshop_ended' }
		]);
		const [row] = await db().service('test: ops after the end', (tx) =>
			tx.query<{ n: number }>(
				'select count(*)::int as n from public.board_ops where board_id = $1',
				[sharedBoard]
			)
		);
		expect(row.n).toBe(0);
	});
});
