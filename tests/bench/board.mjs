// npm run bench:board [-- --clients 300 --active 0.2 --rate 1 --seconds 10 --instances 1]
// N socket.io clients on one workshop board of the production server (real Postgres;
// with --instances 2, two app processes joined by Redis). A share of them add and move
// notes, then vote, at a steady rate. For every op it measures the time from emit to its
// arrival at every other client, and counts ops lost or delivered twice. In the same run
// a bare socket.io relay (no auth, no database) under the same load is the baseline.
// Prints figures and ratios; asserts nothing.
import { spawn, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { deoptLoopsLine } from '../support/deopts.mjs';
import { createServer as createVite } from 'vite';
import {
	connectSocket,
	databaseUrl,
	seedWorkshop,
	startInstances,
	waitForHttp
} from '../support/board-world.mjs';

const { values: args } = parseArgs({
	options: {
		clients: { type: 'string', default: '300' },
		active: { type: 'string', default: '0.2' },
		rate: { type: 'string', default: '1' },
		seconds: { type: 'string', default: '10' },
		instances: { type: 'string', default: '1' }
	}
});
const CLIENTS = Number(args.clients);
const ACTIVE = Math.max(1, Math.round(CLIENTS * Number(args.active)));
const RATE = Number(args.rate);
const SECONDS = Number(args.seconds);
const INSTANCES = Number(args.instances);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const BASE_PORT = Number(process.env.BENCH_PORT ?? 4410);

const dbName = `talkoot_bench_board_${process.pid}`;
const dbUrl = databaseUrl(ADMIN_URL, dbName);
const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
const children = [];
/** How often V8 deoptimised each function of the app instances (deopts.mjs). */
const deopts = new Map();

function start(cmd, argv, env) {
	const child = spawn(cmd, argv, {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, ...env }
	});
	children.push(child);
	return child;
}

/**
 * From the app's own modules (loaded through Vite): the board's first settings, made by
 * its reducer, and the socket protocol's event names (src/lib/realtime/protocol.ts, the
 * one place they are named).
 */
async function fromTheApp() {
	const vite = await createVite({
		server: { middlewareMode: true },
		appType: 'custom',
		logLevel: 'silent'
	});
	try {
		const { emptyBoard } = await vite.ssrLoadModule('/src/lib/domain/board.ts');
		const { settingsOf } = await vite.ssrLoadModule('/src/lib/domain/board-rows.ts');
		const { ASK, TELL } = await vite.ssrLoadModule('/src/lib/realtime/protocol.ts');
		return { settings: settingsOf(emptyBoard()), ASK, TELL };
	} finally {
		await vite.close();
	}
}
const app = await fromTheApp();
const { ASK, TELL } = app;

const percentile = (sorted, p) =>
	sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Connects everyone, runs the load, and returns latency figures and counts. */
async function run(label, origins, boardId, users, facilitator) {
	const pids = children.filter((c) => c.label === label).map((c) => c.pid);
	// Read from /proc: spawning `ps` would stall this process's event loop, which is
	// measuring latencies, every time it samples.
	const rss = (pid) =>
		Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
	const idle = pids.reduce((sum, pid) => sum + rss(pid), 0);
	const sockets = [];
	for (let i = 0; i < users.length; i++)
		sockets.push(await connectSocket(origins[i % origins.length], users[i].token));
	const control = facilitator ? await connectSocket(origins[0], facilitator.token) : null;
	const sent = new Map(); // opId → emit time
	const receipts = new Map(); // opId → count
	const latencies = [];
	let duplicates = 0;
	for (const socket of sockets) {
		const seen = new Set();
		socket.on(TELL.ops, ({ ops }) => {
			const now = performance.now();
			for (const op of ops) {
				if (seen.has(op.seq)) duplicates++;
				seen.add(op.seq);
				const t0 = sent.get(op.opId);
				if (t0 === undefined) continue;
				latencies.push(now - t0);
				receipts.set(op.opId, (receipts.get(op.opId) ?? 0) + 1);
			}
		});
	}
	for (const socket of [...sockets, ...(control ? [control] : [])]) {
		const answer = await socket.emitWithAck(ASK.join, { boardId, lastSeq: 0 });
		if (!answer.ok) throw new Error(`${label}: join refused: ${answer.error}`);
	}
	const phase = (index) =>
		control?.emitWithAck(ASK.op, {
			boardId,
			opId: randomUUID(),
			op: { type: 'phase.goto', index }
		});
	const notes = [];
	const acked = new Set();
	let refused = 0;
	let peak = 0;
	const sample = setInterval(() => {
		try {
			peak = Math.max(
				peak,
				pids.reduce((sum, pid) => sum + rss(pid), 0)
			);
		} catch {
			/* a process is gone */
		}
	}, 500);
	const send = (socket, op) => {
		const opId = randomUUID();
		sent.set(opId, performance.now());
		return socket
			.emitWithAck(ASK.op, { boardId, opId, op })
			.then((a) => (a.ok ? acked.add(opId) : refused++));
	};
	const active = sockets.slice(0, ACTIVE);
	// Each active client sends at its own steady pace, the clients spread over the period.
	async function steady(seconds, makeOp) {
		const period = 1000 / RATE;
		const end = Date.now() + seconds * 1000;
		const inflight = [];
		await Promise.all(
			active.map(async (socket, i) => {
				await new Promise((r) => setTimeout(r, (i / active.length) * period));
				while (Date.now() < end) {
					inflight.push(send(socket, makeOp()));
					await new Promise((r) => setTimeout(r, period));
				}
			})
		);
		await Promise.all(inflight);
	}
	await phase(0);
	await steady(SECONDS / 2, () => {
		if (notes.length < 20 || Math.random() < 0.5) {
			const noteId = randomUUID();
			notes.push(noteId);
			return { type: 'note.add', noteId, text: 'Benchmark idea', colour: 'yellow', x: 10, y: 10 };
		}
		return {
			type: 'note.move',
			noteId: notes[Math.floor(Math.random() * notes.length)],
			x: Math.floor(Math.random() * 900),
			y: 20
		};
	});
	await phase(3);
	await steady(SECONDS / 2, () =>
		Math.random() < 0.7
			? { type: 'vote.cast', noteId: notes[Math.floor(Math.random() * notes.length)] }
			: { type: 'vote.retract', noteId: notes[Math.floor(Math.random() * notes.length)] }
	);
	await new Promise((r) => setTimeout(r, 2000)); // stragglers
	clearInterval(sample);
	// Every op the server accepted should reach every other measured client once.
	const expected = users.length - 1;
	let lost = 0;
	for (const opId of acked) lost += Math.max(0, expected - (receipts.get(opId) ?? 0));
	for (const s of [...sockets, ...(control ? [control] : [])]) s.close();
	latencies.sort((a, b) => a - b);
	return {
		label,
		ops: sent.size,
		refused,
		deliveries: latencies.length,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		max: latencies.at(-1),
		lost,
		duplicates,
		peakMemory: peak,
		perClient: (peak - idle) / users.length
	};
}

const ms = (v) => (v === undefined ? '–' : v.toFixed(1)).padStart(8);

let exitCode = 0;
try {
	if (!existsSync('build/handler.js')) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	await admin.unsafe(`create database ${dbName}`);
	const origins = await startInstances({
		count: INSTANCES,
		basePort: BASE_PORT,
		databaseUrl: dbUrl,
		redisUrl: REDIS_URL,
		children,
		ms: 60_000,
		deopts
	});
	for (const child of children) child.label = 'app';
	const sql = postgres(dbUrl, { max: 2, onnotice: () => {} });
	const { boardId, users, facilitator } = await seedWorkshop(sql, {
		settings: app.settings,
		participants: CLIENTS
	});
	await sql.end();

	// Inside a block of ten ports from BENCH_PORT: the app instances take the first ones.
	const relayPort = BASE_PORT + 9;
	const relay = start('node', ['tests/bench/relay-server.mjs'], {
		PORT: String(relayPort),
		// The relay speaks the app's protocol: the same event names, from protocol.ts.
		RELAY_EVENTS: JSON.stringify({ join: ASK.join, op: ASK.op, ops: TELL.ops })
	});
	relay.label = 'relay';
	await waitForHttp(
		`http://127.0.0.1:${relayPort}/socket.io/?EIO=4&transport=polling`,
		60_000,
		relay
	);

	console.log(
		`\n${CLIENTS} clients on one board, ${ACTIVE} of them sending ${RATE} op/s each for ${SECONDS} s ` +
			`(notes, then dot votes); ${INSTANCES} app instance${INSTANCES > 1 ? 's behind Redis' : ''}; real Postgres`
	);
	const baseline = await run('relay', [`http://127.0.0.1:${relayPort}`], boardId, users, null);
	const ours = await run('app', origins, boardId, users, facilitator);
	console.log(
		'\n                         ops  refused  deliveries   p50 ms   p95 ms   p99 ms   max ms  lost  dup  peak MB  kB per client'
	);
	for (const r of [baseline, ours]) {
		const mem = (r.peakMemory / 1024 / 1024).toFixed(0);
		const perClient = (Math.max(0, r.perClient) / 1024).toFixed(0);
		console.log(
			`${(r.label === 'relay' ? 'bare relay (baseline)' : 'Talkoot').padEnd(22)} ${String(r.ops).padStart(6)} ${String(r.refused).padStart(8)} ${String(r.deliveries).padStart(11)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.p99)} ${ms(r.max)} ${String(r.lost).padStart(5)} ${String(r.duplicates).padStart(4)} ${String(mem).padStart(8)} ${String(perClient).padStart(14)}`
		);
	}
	const ratio = ours.p99 / Math.max(baseline.p99, 0.1);
	console.log(`\np99 Talkoot / p99 baseline: ${ratio.toFixed(2)}×`);
	console.log(
		`goals: p99 < 100 ms: ${ours.p99 < 100 ? 'met' : 'not met'}; ratio < 2: ${ratio < 2 ? 'met' : 'not met'}; ` +
			`zero lost or duplicated: ${ours.lost + ours.duplicates === 0 ? 'met' : 'not met'}`
	);
	console.log(deoptLoopsLine(deopts));
	console.log(
		'(refused ops are the reducer saying no, e.g. a dot beyond the budget: they are not broadcast)'
	);
} catch (err) {
	console.error(err);
	exitCode = 1;
} finally {
	for (const c of children) c.kill('SIGTERM');
	await new Promise((r) => setTimeout(r, 1000));
	await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
	await admin.end();
	process.exit(exitCode);
}
