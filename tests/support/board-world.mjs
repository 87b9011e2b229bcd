// A workshop board on the production server (`node server.js` from the build) on a real
// Postgres database: the app process, a board with participants and sessions seeded
// directly with SQL, and socket.io clients signed in with those sessions. Shared by
// tests/bench/board.mjs and tests/e2e/board-restart.spec.ts.
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { io as connect } from 'socket.io-client';
import { SERVER_NODE_FLAGS } from './server-flags.mjs';
import { DEOPT_FLAGS, countDeopts } from './deopts.mjs';

/** The demo facilitator and challenge of supabase/seed.sql (seeded on the app's first start). */
export const FACILITATOR = '00000000-0000-4000-8000-000000000005';
export const CHALLENGE = '20000000-0000-4000-8000-000000000001';
/** The session cookie's name on http://127.0.0.1 outside development (src/lib/server/auth/cookies.ts). */
export const SESSION_COOKIE = '__Host-talkoot_session';

/** The same server as `adminUrl` with another database name. */
export const databaseUrl = (/** @type {string} */ adminUrl, /** @type {string} */ name) =>
	Object.assign(new URL(adminUrl), { pathname: `/${name}` }).href;

/**
 * Starts one app process on 127.0.0.1:`port` and the database at `databaseUrl` (migrated
 * and seeded with the demo data on its first start). Without `redisUrl` it is alone;
 * `origin` is where browsers reach it, when that is not the port itself (a proxy). With
 * `deopts`, the functions V8 deoptimises are counted into it (deopts.mjs; its stdout is
 * then read for them).
 * @param {{ port: number, databaseUrl: string, redisUrl?: string, origin?: string,
 *   stdio?: import('node:child_process').StdioOptions, deopts?: Map<string, number> }} options
 */
export function startApp({
	port,
	databaseUrl,
	redisUrl = '',
	origin = `http://127.0.0.1:${port}`,
	stdio = ['ignore', 'ignore', 'inherit'],
	deopts
}) {
	const child = spawn(
		process.execPath,
		[...SERVER_NODE_FLAGS, ...(deopts ? DEOPT_FLAGS : []), 'server.js'],
		{
			stdio: deopts ? ['ignore', 'pipe', 'inherit'] : stdio,
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: origin,
				DATABASE_URL: databaseUrl,
				// Demo data on a real database only when asked for (issue 10, item 2).
				SEED_DEMO: 'true',
				DEMO_PASSWORD: process.env.DEMO_PASSWORD ?? 'Talkoot-demo-2026!',
				REDIS_URL: redisUrl,
				LOG_LEVEL: 'warn',
				NODE_ENV: 'production'
			}
		}
	);
	if (deopts) countDeopts(child, deopts);
	return child;
}

/**
 * Starts `count` app processes (startApp) on ports `basePort`, `basePort` + 1 … on one
 * database, joined by Redis at `redisUrl` when there is more than one, each answering
 * before the next starts (the first migrates and seeds). Every child is pushed to
 * `children` as soon as it is spawned, so the caller's cleanup stops it even when a
 * later one fails; fails after `ms` per instance. Returns their origins in port order.
 * `deopts` as startApp's, for all of them.
 * @param {{ count: number, basePort: number, databaseUrl: string, redisUrl: string,
 *   children: import('node:child_process').ChildProcess[], ms?: number,
 *   deopts?: Map<string, number> }} options
 * @returns {Promise<string[]>}
 */
export async function startInstances({
	count,
	basePort,
	databaseUrl,
	redisUrl,
	children,
	ms,
	deopts
}) {
	const origins = [];
	for (let i = 0; i < count; i++) {
		const port = basePort + i;
		const origin = `http://127.0.0.1:${port}`;
		const child = startApp({ port, databaseUrl, redisUrl: count > 1 ? redisUrl : '', deopts });
		children.push(child);
		await waitForHttp(`${origin}/favicon.svg`, ms, child);
		origins.push(origin);
	}
	return origins;
}

/**
 * Resolves once anything answers at `url`; fails after `ms`, or at once if `child` (the
 * process that should answer) exits first.
 * @param {string} url
 * @param {number} [ms]
 * @param {import('node:child_process').ChildProcess} [child]
 */
export async function waitForHttp(url, ms = 60_000, child) {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		if (child && child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
		if (child && child.signalCode !== null)
			throw new Error(`the server died (${child.signalCode})`);
		try {
			await fetch(url);
			return;
		} catch {
			await new Promise((r) => setTimeout(r, 250));
		}
	}
	throw new Error(`nothing answered at ${url} within ${ms} ms`);
}

/**
 * @typedef {{ id: string, token: string }} SeededUser
 * @typedef {{ workshopId: string, boardId: string, users: SeededUser[], facilitator: SeededUser }} SeededBoard
 */

/**
 * A workshop of the demo challenge with one shared board with these `settings` (the app's
 * `settingsOf(emptyBoard())`; notes, clusters and dots have tables of their own), `participants` experts taking part and a session for each of them and
 * for the facilitator.
 * @param {import('postgres').Sql} sql a connection to the app's (migrated, seeded) database
 * @param {{ settings: { phases: unknown }, participants: number, title?: string }} options
 * @returns {Promise<SeededBoard>}
 */
export async function seedWorkshop(sql, { settings, participants, title = 'Benchmark' }) {
	const json = (/** @type {unknown} */ v) =>
		sql.json(/** @type {import('postgres').JSONValue} */ (v));
	const [w] =
		await sql`insert into public.workshops (challenge_id, title, starts_at, agenda, facilitator_id)
		values (${CHALLENGE}, ${title}, now(), ${json(settings.phases)}, ${FACILITATOR}) returning id`;
	const [b] =
		await sql`insert into public.boards (workshop_id, settings) values (${w.id}, ${json(settings)}) returning id`;
	/** @type {SeededUser[]} */
	const users = [];
	for (let i = 0; i < participants; i++)
		users.push({ id: randomUUID(), token: randomBytes(20).toString('hex') });
	await sql`insert into auth.users ${sql(
		users.map((u, i) => ({ id: u.id, email: `bench${i}@bench.example` })),
		'id',
		'email'
	)}`;
	await sql`insert into public.workshop_participants ${sql(users.map((u) => ({ workshop_id: w.id, user_id: u.id, kind: 'expert' })))}`;
	const facilitator = { id: FACILITATOR, token: randomBytes(20).toString('hex') };
	await sql`insert into local_auth.sessions ${sql(
		[...users, facilitator].map((u) => ({
			id: createHash('sha256').update(u.token).digest('hex'),
			user_id: u.id,
			expires_at: new Date(Date.now() + 3600_000)
		}))
	)}`;
	return { workshopId: w.id, boardId: b.id, users, facilitator };
}

/**
 * A socket.io client as a browser on `origin` would open it: WebSocket only, the site's
 * Origin, and the session cookie when there is a `token`. Resolves once connected.
 * @param {string} origin
 * @param {string | undefined} token
 * @param {Partial<import('socket.io-client').ManagerOptions & import('socket.io-client').SocketOptions>} [options]
 * @returns {Promise<import('socket.io-client').Socket>}
 */
export function connectSocket(origin, token, options = {}) {
	return new Promise((resolve, reject) => {
		const socket = connect(origin, {
			transports: ['websocket'],
			extraHeaders: { origin, ...(token ? { cookie: `${SESSION_COOKIE}=${token}` } : {}) },
			reconnection: false,
			...options
		});
		// Only the first attempt settles this; later ones are the reconnection's business.
		const failed = (/** @type {Error} */ err) => {
			socket.close();
			reject(err);
		};
		socket.once('connect', () => {
			socket.off('connect_error', failed);
			resolve(socket);
		});
		socket.once('connect_error', failed);
	});
}
