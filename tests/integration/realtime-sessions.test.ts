import { isRedirect } from '@sveltejs/kit';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BoardOp } from '../../src/lib/domain/board';
import { BoardClient } from '../../src/lib/realtime/board-client';
import { requestPasswordReset, resetPassword } from '../../src/lib/server/auth/accounts';
import { validateSession, type SessionUser } from '../../src/lib/server/auth/sessions';
import {
	disconnectUser,
	forgetServer,
	SOCKETS_PER_USER,
	sweepEndedSessions
} from '../../src/lib/server/realtime/sessions';
import { storeOp } from '../../src/lib/server/workshops/board-ops';
import { loadOutcome } from '../../src/lib/server/workshops/outcome';
import { actions as signOutActions } from '../../src/routes/auth/sign-out/+page.server';
import { actions as teamActions } from '../../src/routes/teams/[id=uuid]/+page.server';
import { actions as organisationActions } from '../../src/routes/organisations/[slug=slug]/+page.server';
import { load as workshopLoad } from '../../src/routes/workshops/[id=uuid]/+page.server';
import { describeEachDatabase } from './databases';
import { resetTokenFor } from './mail-helpers';
import { createUser } from './fixtures';
import { createTeamWith } from './application-fixtures';
import { scheduleWorkshops, workshopWorld, type User } from './workshop-fixtures';
import { eventually, Realtime } from './realtime-harness';

const note = (text = 'An idea'): BoardOp => ({
	type: 'note.add',
	noteId: crypto.randomUUID(),
	text,
	colour: 'yellow',
	x: 10,
	y: 10
});

/** Runs a form action or load as SvelteKit would; a redirect is an answer, not a failure. */
async function run(fn: () => unknown) {
	try {
		return await fn();
	} catch (e) {
		if (isRedirect(e)) return { redirect: e.location };
		throw e;
	}
}

const post = (url: string, form: Record<string, string>) => {
	const body = new FormData();
	for (const [k, v] of Object.entries(form)) body.set(k, v);
	return new Request(url, { method: 'POST', body });
};

/** How and when the server ended a socket. */
function watchEnd(socket: Socket) {
	const seen: { reason: string | null; at: number | null } = { reason: null, at: null };
	socket.on('realtime:ended', (e: { reason: string }) => (seen.reason = e.reason));
	socket.on('disconnect', () => (seen.at = Date.now()));
	return seen;
}

describeEachDatabase('sockets end with their session or their right', (db) => {
	const rt = new Realtime();
	let w: Awaited<ReturnType<typeof workshopWorld>>;
	let shared: string;
	let boardA: string;
	let boardB: string;
	const sessionUser = async (token: string) =>
		(await db().service('test: who', (tx) => validateSession(tx, token))) as SessionUser;

	beforeAll(async () => {
		await rt.start(db);
		w = await workshopWorld(db());
		({ shared, boardA, boardB } = await scheduleWorkshops(db(), w, [
			{ userId: w.owner.id, kind: 'owner' }
		]));
	});

	afterAll(async () => {
		for (const s of rt.sockets) s.close();
		await rt.stop();
	});

	const joined = async (socket: Socket, user: User, boardId: string) => {
		const c = new BoardClient(socket, boardId, user.id);
		await eventually(() => c.role !== null);
		return c;
	};

	it('sign-out closes the socket within a second and its session is refused afterwards', async () => {
		const { socket, token } = await rt.sessionSocket(db(), w.a1);
		const anna = await joined(socket, w.a1, shared);
		expect((await anna.send(note('Before signing out'))).ok).toBe(true);
		const ended = watchEnd(socket);
		const url = new URL(`${rt.origin}/auth/sign-out`);
		const cookies = { get: () => token, delete: () => {}, set: () => {} };
		const start = Date.now();
		const answer = await run(() =>
			signOutActions.default({ cookies, url, locals: { db: db() } } as never)
		);
		expect(answer).toMatchObject({ redirect: expect.stringContaining('/auth/sign-in') });
		await eventually(() => ended.at !== null, 1000);
		expect(ended.at! - start).toBeLessThan(1000);
		expect(ended.reason).toBe('session_ended');
		// The session is gone: a new socket with it is refused at the handshake.
		await expect(rt.socketWith(token)).rejects.toThrow('unauthorized');
	});

	it('an op on a socket whose session has ended is refused and the socket is closed', async () => {
		const { socket, token } = await rt.sessionSocket(db(), w.a1);
		const anna = await joined(socket, w.a1, shared);
		const ended = watchEnd(socket);
		// Ended without telling the sockets (another way in): the op itself notices.
		await db().service('test: end session', (tx) =>
			tx.query(
				`delete from local_auth.sessions where user_id = $1 and id = encode(sha256(convert_to($2, 'UTF8')), 'hex')`,
				[w.a1.id, token]
			)
		);
		const answer = await socket.timeout(5000).emitWithAck('board:op', {
			boardId: shared,
			opId: crypto.randomUUID(),
			op: note('After the end')
		});
		expect(answer).toEqual({ ok: false, error: 'session_ended' });
		await eventually(() => ended.at !== null, 1000);
		expect(ended.reason).toBe('session_ended');
		expect(anna.role).toBe('participant');
		// Nothing was stored.
		const [row] = await db().service('test: notes', (tx) =>
			tx.query<{ n: number }>(
				`select count(*)::int as n from public.board_ops where board_id = $1 and op ->> 'text' = 'After the end'`,
				[shared]
			)
		);
		expect(row.n).toBe(0);
	});

	it('a join on a socket whose session has ended is refused with session_ended', async () => {
		const { socket, token } = await rt.sessionSocket(db(), w.b1);
		await db().service('test: end session', (tx) =>
			tx.query(
				`delete from local_auth.sessions where id = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
				[token]
			)
		);
		expect(
			await socket.timeout(5000).emitWithAck('board:join', { boardId: shared, lastSeq: 0 })
		).toEqual({
			ok: false,
			error: 'session_ended'
		});
		await eventually(() => !socket.connected, 1000);
	});

	it('a socket whose session ended some other way is closed by the sweep, even when idle', async () => {
		const { socket, token } = await rt.sessionSocket(db(), w.a2);
		const other = await rt.sessionSocket(db(), w.a2);
		const ended = watchEnd(socket);
		await db().service('test: end session', (tx) =>
			tx.query(
				`update local_auth.sessions set expires_at = now() - interval '1 second'
				 where id = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
				[token]
			)
		);
		expect(await sweepEndedSessions(rt.io, db())).toBe(1);
		await eventually(() => ended.at !== null, 1000);
		expect(ended.reason).toBe('session_ended');
		expect(other.socket.connected).toBe(true);
	});

	it('a password reset closes every socket of the account within a second', async () => {
		const one = await rt.sessionSocket(db(), w.b1);
		const two = await rt.sessionSocket(db(), w.b1);
		const bea = await joined(one.socket, w.b1, boardB);
		expect((await bea.send(note('Before the reset'))).ok).toBe(true);
		const ends = [watchEnd(one.socket), watchEnd(two.socket)];
		await requestPasswordReset(db(), w.b1.email);
		const token = await resetTokenFor(db(), w.b1.email);
		const start = Date.now();
		expect(await resetPassword(db(), token!, 'A brand new passphrase 2026')).toBe(true);
		await eventually(() => ends.every((e) => e.at !== null), 1000);
		for (const e of ends) expect(e.reason).toBe('session_ended');
		expect(Math.max(...ends.map((e) => e.at!)) - start).toBeLessThan(1000);
		await expect(rt.socketWith(one.token)).rejects.toThrow('unauthorized');
	});

	it('a removed team member is disconnected within a second and cannot join or write on the team board again', async () => {
		const lead = await rt.sessionSocket(db(), w.a1);
		const anna = await joined(lead.socket, w.a1, boardA);
		const { socket } = await rt.sessionSocket(db(), w.a2);
		const aaro = await joined(socket, w.a2, boardA);
		expect(aaro.role).toBe('participant');
		const ended = watchEnd(socket);
		const received: string[] = [];
		socket.on('board:ops', (m: { ops: { op: { text?: string } }[] }) =>
			received.push(...m.ops.map((o) => o.op.text ?? ''))
		);

		const leadUser = await sessionUser(lead.token);
		const start = Date.now();
		const answer = await run(() =>
			teamActions.remove({
				locals: { db: db(), user: leadUser },
				url: new URL(`${rt.origin}/teams/${w.teamA.id}`),
				params: { id: w.teamA.id },
				request: post(`${rt.origin}/teams/${w.teamA.id}?/remove`, { userId: w.a2.id })
			} as never)
		);
		expect(answer).toMatchObject({ redirect: expect.stringContaining('notice=removed') });
		await eventually(() => ended.at !== null, 1000);
		expect(ended.at! - start).toBeLessThan(1000);
		expect(ended.reason).toBe('access_changed');

		// The team goes on without them: what the lead writes does not reach them.
		expect((await anna.send(note('After Aaro left'))).ok).toBe(true);
		await new Promise((r) => setTimeout(r, 200));
		expect(received).not.toContain('After Aaro left');

		// Reconnecting gets them nothing: neither the team's board nor the workshop's shared one.
		const again = await rt.socketFor(db(), w.a2);
		for (const boardId of [boardA, shared])
			expect(await again.emitWithAck('board:join', { boardId, lastSeq: 0 })).toEqual({
				ok: false,
				error: 'not_found'
			});
		expect(await storeOp(db(), w.a2, boardA, crypto.randomUUID(), note('Still mine?'))).toBeNull();
	});

	it("a member removed from the challenge's organisation stops observing at once", async () => {
		// The world's organisation owns the challenge; its staff member observes.
		const [{ slug }] = await db().service('test: organisation', (tx) =>
			tx.query<{ slug: string }>(
				`select o.slug from public.organisations o join public.challenges c on c.organisation_id = o.id
				 where c.id = $1`,
				[w.challenge.id]
			)
		);
		const owner = await rt.sessionSocket(db(), w.owner);
		const { socket } = await rt.sessionSocket(db(), w.staff);
		const sari = await joined(socket, w.staff, boardA);
		expect(sari.role).toBe('observer');
		const ended = watchEnd(socket);
		const ownerUser = await sessionUser(owner.token);
		const answer = await run(() =>
			organisationActions.removeMember({
				locals: { db: db(), user: ownerUser },
				url: new URL(`${rt.origin}/organisations/${slug}`),
				params: { slug },
				request: post(`${rt.origin}/organisations/${slug}?/removeMember`, { userId: w.staff.id })
			} as never)
		);
		// The page goes back to the member list with the notice (a redirect, thrown).
		expect(answer).toEqual({ redirect: `/organisations/${slug}?notice=removed#members-heading` });
		await eventually(() => ended.at !== null, 1000);
		expect(ended.reason).toBe('access_changed');
		const again = await rt.socketFor(db(), w.staff);
		expect(await again.emitWithAck('board:join', { boardId: boardA, lastSeq: 0 })).toEqual({
			ok: false,
			error: 'not_found'
		});
	});

	it('refuses a socket beyond the limit per user, with a code and words', async () => {
		const many = await createUser(db(), 'Many Tabs');
		const open: Socket[] = [];
		for (let i = 0; i < SOCKETS_PER_USER; i++) open.push(await rt.socketFor(db(), many));
		const refused = await rt.socketFor(db(), many).catch((e) => e);
		expect(refused).toBeInstanceOf(Error);
		expect(refused.message).toBe('too_many_sockets');
		expect(refused.data).toEqual({
			error: 'too_many_sockets',
			message: expect.stringContaining('at most ten')
		});
		// Closing one makes room again.
		open[0].close();
		await new Promise((r) => setTimeout(r, 200));
		const room = await rt.socketFor(db(), many);
		expect(room.connected).toBe(true);
	});
});

describeEachDatabase('negotiation keeps teams apart in every response', (db) => {
	const rt = new Realtime();
	let w: Awaited<ReturnType<typeof workshopWorld>>;
	let boardA: string;
	let boardB: string;
	let workshopId: string;

	beforeAll(async () => {
		await rt.start(db);
		w = await workshopWorld(db());
		({ boardA, boardB } = await scheduleWorkshops(db(), w, [
			{ userId: w.owner.id, kind: 'owner' }
		]));
		[{ workshopId }] = await db().service('test: workshop', (tx) =>
			tx.query<{ workshopId: string }>(
				'select workshop_id as "workshopId" from public.boards where id = $1',
				[boardA]
			)
		);
	});

	afterAll(async () => {
		for (const s of rt.sockets) s.close();
		await rt.stop();
	});

	/** Whatever names or ids team B by: its id, its members' ids, names and addresses. */
	const teamB = () => [w.teamB.id, w.b1.id, w.b1.email, 'Bea B'];

	it("a team's page data and downloads name no other team's people", async () => {
		const user = { id: w.a1.id, email: w.a1.email } as SessionUser;
		const data = await workshopLoad({
			locals: { db: db(), user },
			url: new URL(`${rt.origin}/workshops/${workshopId}`),
			params: { id: workshopId },
			depends: () => {}
		} as never);
		const text = JSON.stringify(data);
		expect(text).toContain(w.a2.id);
		expect(text).toContain(w.facilitator.id);
		expect(text).toContain(w.owner.id);
		for (const s of teamB()) expect(text).not.toContain(s);
		const outcome = await db().as(w.a1, (tx) => loadOutcome(tx, workshopId, 'en'));
		for (const s of teamB()) expect(JSON.stringify(outcome)).not.toContain(s);
		// The facilitator and the buyer's side see both teams.
		for (const who of [w.facilitator, w.owner]) {
			const theirs = JSON.stringify(
				await workshopLoad({
					locals: { db: db(), user: { id: who.id, email: who.email } as SessionUser },
					url: new URL(`${rt.origin}/workshops/${workshopId}`),
					params: { id: workshopId },
					depends: () => {}
				} as never)
			);
			expect(theirs).toContain(w.b1.id);
			expect(theirs).toContain(w.a1.id);
		}
	});

	it("a team's sockets carry no other team's people: presence, ops, announcements", async () => {
		const heard: string[] = [];
		const annaSocket = await rt.socketFor(db(), w.a1);
		annaSocket.onAny((event, payload) => heard.push(`${event} ${JSON.stringify(payload)}`));
		const anna = new BoardClient(annaSocket, boardA, w.a1.id);
		const fiia = new BoardClient(await rt.socketFor(db(), w.facilitator), boardA, w.facilitator.id);
		const bea = new BoardClient(await rt.socketFor(db(), w.b1), boardB, w.b1.id);
		await eventually(() => anna.role !== null && fiia.role !== null && bea.role !== null);
		expect((await bea.send(note('Team B only'))).ok).toBe(true);
		expect((await anna.send(note('Team A only'))).ok).toBe(true);
		const said = await fiia.socket.emitWithAck('workshop:announce', {
			workshopId,
			body: 'Ten minutes left'
		});
		expect(said.ok).toBe(true);
		await eventually(() => heard.some((h) => h.includes('Ten minutes left')));
		await eventually(() => heard.some((h) => h.startsWith('board:presence')));
		const text = heard.join('\n');
		expect(text).toContain(w.facilitator.id);
		for (const s of [...teamB(), 'Team B only']) expect(text).not.toContain(s);
		// Team B's board stays closed to team A.
		expect(await annaSocket.emitWithAck('board:join', { boardId: boardB, lastSeq: 0 })).toEqual({
			ok: false,
			error: 'not_found'
		});
	});

	it('a member who joins the team later takes part without the workshop being scheduled again', async () => {
		const newcomer = await createUser(db(), 'Nea Newcomer');
		await db().service('test: join team', (tx) =>
			tx.query('insert into public.team_members (team_id, user_id) values ($1, $2)', [
				w.teamA.id,
				newcomer.id
			])
		);
		const nea = new BoardClient(await rt.socketFor(db(), newcomer), boardA, newcomer.id);
		await eventually(() => nea.role !== null);
		expect(nea.role).toBe('participant');
		expect((await nea.send(note('Hello from Nea'))).ok).toBe(true);
		// And a team of their own elsewhere gives them nothing here.
		const other = await createTeamWith(db(), newcomer.id);
		expect(other.id).not.toBe(w.teamB.id);
		expect(
			await (
				await rt.socketFor(db(), newcomer)
			).emitWithAck('board:join', {
				boardId: boardB,
				lastSeq: 0
			})
		).toEqual({ ok: false, error: 'not_found' });
	});
});

describeEachDatabase('sockets end on every instance', (db) => {
	const redisUrl = process.env.REDIS_URL;
	if (!redisUrl) console.warn('Two-instance disconnect test skipped: REDIS_URL is not set.');
	it.skipIf(!redisUrl)(
		'a socket on another instance is closed through the adapter within a second',
		async () => {
			const redis = { url: redisUrl!, stream: `talkoot-test:${crypto.randomUUID()}` };
			const one = await new Realtime().start(db, 0, redis);
			const two = await new Realtime().start(db, 0, redis);
			// Instance two stands for another process: only the adapter reaches its sockets.
			forgetServer(two.io);
			await new Promise((r) => setTimeout(r, 1000));
			const user = await createUser(db(), 'Ilona Instances');
			const far = await two.socketFor(db(), user);
			const near = await one.socketFor(db(), user);
			const ends = [watchEnd(far), watchEnd(near)];
			const start = Date.now();
			disconnectUser(user.id);
			await eventually(() => ends.every((e) => e.at !== null), 1000);
			expect(Math.max(...ends.map((e) => e.at!)) - start).toBeLessThan(1000);
			for (const e of ends) expect(e.reason).toBe('access_changed');
			await Promise.all([one.stop(), two.stop()]);
		}
	);
});
