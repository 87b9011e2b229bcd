// npm run bench:deadline [-- --teams 500 --members 2 --minutes 3 --window 60 --instances 1]
// The deadline rush (issue 16) on the production server (`node server.js`, real Postgres;
// with --instances 2, two app processes behind one Postgres, joined by Redis). N teams,
// each with real accounts and sessions, edit their drafts of one challenge whose
// applications deadline is --minutes ahead (set in the database): every member autosaves
// every 2 s through the editor's endpoint (PUT /applications/<id>/draft, as DraftState
// does), some teams upload a PDF (the ?/attach action, as DocumentUpload does), then every
// team submits (the ?/submit action, as the page's enhanced form does, after flushing its
// draft) in the last --window seconds: some in the last second, some twice at once (a
// double click), a few one second after the deadline by the database's clock.
// Prints req/s, p50/p95/p99/max and errors for autosave, upload and submit, then checks
// against the database: every submission sent in time accepted exactly once, every late
// one refused with a 4xx, every digest (stored, on the event, on every member's receipt,
// in snapshot.json) the SHA-256 of the stored snapshot text, and no acknowledged save lost.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { deoptLoopsLine } from '../support/deopts.mjs';
import { SESSION_COOKIE, databaseUrl, startInstances } from '../support/board-world.mjs';
import { random } from './random.mjs';

const { values: args } = parseArgs({
	options: {
		teams: { type: 'string', default: '500' },
		members: { type: 'string', default: '2' },
		minutes: { type: 'string', default: '3' },
		window: { type: 'string', default: '60' },
		uploads: { type: 'string', default: '0.2' },
		'last-second': { type: 'string', default: '0.1' },
		double: { type: 'string', default: '0.05' },
		late: { type: 'string', default: '5' },
		instances: { type: 'string', default: '1' }
	}
});
const TEAMS = Number(args.teams);
const MEMBERS = Number(args.members);
const RUN_MS = Number(args.minutes) * 60_000;
const WINDOW_MS = Math.min(Number(args.window) * 1000, RUN_MS / 2);
const LATE = Math.min(Number(args.late), TEAMS);
const INSTANCES = Number(args.instances);
const AUTOSAVE_MS = 2000;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const BASE_PORT = Number(process.env.BENCH_PORT ?? 4480);
/** The demo organisation of supabase/seed.sql. */
const ORGANISATION = '10000000-0000-4000-8000-000000000001';

const dbName = `talkoot_bench_deadline_${process.pid}`;
const dbUrl = databaseUrl(ADMIN_URL, dbName);
const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
const dataDir = mkdtempSync(join(tmpdir(), 'talkoot-bench-deadline-'));
const children = [];
/** How often V8 deoptimised each function of the app instances (deopts.mjs). */
const deopts = new Map();
const agent = new Agent({ keepAlive: true, maxSockets: 512 });
let retries = 0;

const rnd = random(16);

/**
 * One HTTP request on the keep-alive agent: {status, body (text), ms} or {error, ms}. A
 * kept-alive socket the server closed just as it was reused is tried once more on a new
 * one, as browsers do (and as Node's documentation advises: `req.reusedSocket`).
 */
function send(origin, method, path, headers, body, retried = false) {
	const t0 = performance.now();
	return new Promise((resolve) => {
		const req = request(
			`${origin}${path}`,
			{ method, headers: { ...headers, 'content-length': body ? body.length : 0 }, agent },
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () =>
					resolve({
						status: res.statusCode,
						body: Buffer.concat(chunks).toString('utf8'),
						ms: performance.now() - t0
					})
				);
			}
		);
		req.on('error', (e) => {
			if (!retried && req.reusedSocket && e.code === 'ECONNRESET') {
				retries++;
				return void send(origin, method, path, headers, body, true).then((r) =>
					resolve({ ...r, ms: performance.now() - t0 })
				);
			}
			resolve({ error: e.message, ms: performance.now() - t0 });
		});
		if (body) req.write(body);
		req.end();
	});
}

/** A PDF the upload check accepts (%PDF- magic), `kb` kilobytes. */
function pdf(kb) {
	const head = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n');
	const tail = Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n');
	return Buffer.concat([head, randomBytes(kb * 1024), tail]);
}

function multipart(fields, file) {
	const boundary = `----bench${randomBytes(8).toString('hex')}`;
	const parts = Object.entries(fields).map(([k, v]) =>
		Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
	);
	parts.push(
		Buffer.from(
			`--${boundary}\r\ncontent-disposition: form-data; name="${file.field}"; filename="${file.name}"\r\n` +
				`content-type: application/pdf\r\n\r\n`
		),
		file.bytes,
		Buffer.from(`\r\n--${boundary}--\r\n`)
	);
	return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

/**
 * The challenge (published, one idea asked for, no requirements, the applications stage
 * ending `RUN_MS` from now by the database's clock), TEAMS teams of MEMBERS accounts each
 * with a profile and a session, and each team's draft. Returns the deadline and the teams.
 */
async function seed(sql) {
	const challenge = randomUUID();
	await sql`insert into public.challenges (id, organisation_id, slug, primary_locale, title, summary,
	    body, procedure, status, published_at, idea_count)
	  values (${challenge}, ${ORGANISATION}, 'bench-deadline', 'fi', '{"fi": "Määräaika", "en": "Deadline"}',
	    '{"fi": "Ruuhka"}', '{"fi": "Ruuhka"}', 'open_challenge', 'published', now(), 1)`;
	const teams = [];
	await sql.begin(async (tx) => {
		await tx`set local session_replication_role = replica`;
		const users = [];
		for (let t = 0; t < TEAMS; t++) {
			const members = Array.from({ length: MEMBERS }, (_, m) => ({
				id: randomUUID(),
				email: `t${t}m${m}@bench.example`,
				token: randomBytes(20).toString('hex')
			}));
			users.push(...members);
			teams.push({ index: t, id: randomUUID(), app: randomUUID(), members });
		}
		for (let i = 0; i < users.length; i += 2000) {
			const chunk = users.slice(i, i + 2000);
			await tx`insert into auth.users ${tx(chunk, 'id', 'email')}`;
			await tx`insert into public.profiles ${tx(
				chunk.map((u) => ({ id: u.id, email: u.email, display_name: u.email, locale: 'fi' }))
			)}`;
			// Sessions as src/lib/server/auth/sessions.ts stores them: the token's SHA-256.
			await tx`insert into local_auth.sessions ${tx(
				chunk.map((u) => ({
					id: createHash('sha256').update(u.token).digest('hex'),
					user_id: u.id,
					expires_at: new Date(Date.now() + 3 * 3600_000)
				}))
			)}`;
		}
		await tx`insert into public.teams ${tx(
			teams.map((t) => ({ id: t.id, name: `Tiimi ${t.index + 1}`, lead_id: t.members[0].id }))
		)}`;
		await tx`insert into public.team_members ${tx(
			teams.flatMap((t) => t.members.map((u) => ({ team_id: t.id, user_id: u.id })))
		)}`;
		await tx`insert into public.applications ${tx(
			teams.map((t) => ({ id: t.app, challenge_id: challenge, team_id: t.id, lang: 'fi' }))
		)}`;
	});
	const [stage] =
		await sql`insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at)
	  values (${challenge}, 'applications', now() - interval '1 day',
	    date_trunc('second', now()) + ${`${Math.round(RUN_MS / 1000)} seconds`}::interval)
	  returning ends_at`;
	await sql`vacuum analyze`; // not autovacuum during a measured run
	return { challenge, deadline: new Date(stage.ends_at), teams };
}

/** The database's clock minus this process's, in ms (the midpoint of a round trip). */
async function clockSkew(sql) {
	const skews = [];
	for (let i = 0; i < 5; i++) {
		const t0 = Date.now();
		const [{ at }] = await sql`select extract(epoch from clock_timestamp()) * 1000 as at`;
		skews.push(Number(at) - (t0 + Date.now()) / 2);
	}
	return skews.sort((a, b) => a - b)[2];
}

const stats = { autosave: [], upload: [], submit: [] };
const span = { autosave: [Infinity, 0], upload: [Infinity, 0], submit: [Infinity, 0] };
const errors = { autosave: [], upload: [], submit: [] };
function record(kind, t0, r, ok, what) {
	stats[kind].push(r.ms);
	span[kind][0] = Math.min(span[kind][0], t0);
	span[kind][1] = Math.max(span[kind][1], t0 + r.ms);
	if (!ok)
		errors[kind].push(what ?? `${r.status ?? r.error} ${String(r.body ?? '').slice(0, 160)}`);
}

const cookie = (u) => `${SESSION_COOKIE}=${u.token}`;
const ideaText = (t, m, rev) => ({
	position: 1,
	title: `Tiimin ${t.index + 1} idea`,
	problem: `Ongelma, versio ${rev} jäseneltä ${m}. ${'Kuvaus ongelmasta. '.repeat(20)}`,
	idea: `Ratkaisu ${rev}. ${'Näin se toimii. '.repeat(30)}`,
	value: `Hyöty ${rev}.`
});

/** One member's autosave, queued on the team's chain so the team's saves never race. */
function autosave(t, m, origin) {
	const member = t.members[m];
	if (member.busy || t.stopped) return;
	member.busy = true;
	t.chain = t.chain.then(async () => {
		if (t.stopped) return;
		const rev = ++t.revs;
		const content = { ideas: [ideaText(t, m, rev)], answers: [] };
		const body = Buffer.from(JSON.stringify({ version: t.version, ...content }));
		const t0 = performance.now();
		const r = await send(
			origin,
			'PUT',
			`/applications/${t.app}/draft`,
			{ 'content-type': 'application/json', cookie: cookie(member) },
			body
		);
		const ok = r.status === 200;
		record('autosave', t0, r, ok);
		if (ok) {
			t.version = JSON.parse(r.body).version;
			t.acked = content;
		}
	});
	t.chain.finally(() => (member.busy = false));
}

/** One upload of a PDF by the team's first member, as DocumentUpload posts it. */
async function upload(t, origin) {
	const form = multipart(
		{ requirementId: '' },
		{ field: 'file_', name: `liite-${t.index + 1}.pdf`, bytes: pdf(100 + Math.floor(rnd() * 400)) }
	);
	const t0 = performance.now();
	const r = await send(
		origin,
		'POST',
		`/applications/${t.app}?/attach`,
		{
			'content-type': form.type,
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			origin,
			cookie: cookie(t.members[0])
		},
		form.body
	);
	const ok = r.status === 200 && JSON.parse(r.body).type === 'redirect';
	record('upload', t0, r, ok);
	if (ok) t.uploaded++;
}

/** The enhanced submit form's post: `version` of the flushed draft. */
async function submitOnce(t, origin, m) {
	const body = Buffer.from(`version=${t.version}`);
	const t0 = performance.now();
	const sentAt = Date.now();
	const r = await send(
		origin,
		'POST',
		`/applications/${t.app}?/submit`,
		{
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			origin,
			cookie: cookie(t.members[m])
		},
		body
	);
	let result = null;
	try {
		result = JSON.parse(r.body);
	} catch {
		/* not JSON: counted as an error below */
	}
	return { r, t0, sentAt, result };
}

/**
 * The team's submit at its time: stop autosaving, wait for the save in flight (the page
 * flushes first), then post; a double click posts twice at once from two members.
 */
async function submit(t, origins, skew, deadline) {
	t.stopped = true;
	await t.chain;
	const posts = [submitOnce(t, origins[0], 0)];
	if (t.double) posts.push(submitOnce(t, origins[origins.length - 1], MEMBERS - 1));
	const answers = await Promise.all(posts);
	const late = (a) => a.sentAt + skew >= deadline.getTime();
	for (const a of answers) {
		const type = a.result?.type;
		const status = type === 'failure' ? a.result.status : a.r.status;
		a.accepted = type === 'redirect' && /submitted=1/.test(a.result.location);
		// A clear 4xx: the form's failure with its status and the message in words.
		a.refused = type === 'failure' && status >= 400 && status < 500;
		a.late = late(a);
		a.status = status;
	}
	t.answers = answers;
	const accepted = answers.filter((a) => a.accepted).length;
	for (const a of answers) {
		// Expected: in time, exactly one accepted (a double click's other post refused with
		// a 4xx); late, every post refused with a 4xx.
		const ok = t.late ? a.refused : a.accepted || (t.double && a.refused && accepted === 1);
		record(
			'submit',
			a.t0,
			a.r,
			ok,
			ok ? undefined : `${t.late ? 'late' : 'in time'}: ${a.status} ${a.r.body?.slice(0, 160)}`
		);
	}
}

/** JSON with keys sorted (jsonb orders keys its own way), to compare contents. */
const canonical = (v) =>
	JSON.stringify(v, (_, x) =>
		x && typeof x === 'object' && !Array.isArray(x)
			? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
			: x
	);

function percentile(xs, p) {
	if (!xs.length) return undefined;
	const sorted = [...xs].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const fmt = (v, w = 8) => (v === undefined ? '–' : v.toFixed(1)).padStart(w);

let exitCode = 0;
try {
	if (!existsSync('build/handler.js')) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	await admin.unsafe(`create database ${dbName}`);
	process.env.DATA_DIR = dataDir;
	const origins = await startInstances({
		count: INSTANCES,
		basePort: BASE_PORT,
		databaseUrl: dbUrl,
		redisUrl: REDIS_URL,
		children,
		ms: 120_000,
		deopts
	});
	const sql = postgres(dbUrl, { max: 2, onnotice: () => {} });
	console.log(`seeding ${TEAMS} teams × ${MEMBERS} members…`);
	const { challenge, deadline, teams } = await seed(sql);
	const skew = await clockSkew(sql);
	const dl = deadline.getTime() - skew; // the deadline on this process's clock
	const start = Date.now();

	// The schedule: the late ones, the last second, the rest over the window.
	const order = teams.map((t) => t).sort(() => rnd() - 0.5);
	const lastSecond = Math.round(TEAMS * Number(args['last-second']));
	order.forEach((t, i) => {
		t.late = i < LATE;
		t.submitAt = t.late
			? dl + 1000 + rnd() * 300
			: i < LATE + lastSecond
				? dl - 1000 + rnd() * 750
				: dl - WINDOW_MS + rnd() * (WINDOW_MS - 1000);
		t.double = !t.late && rnd() < Number(args.double);
		t.upload = rnd() < Number(args.uploads);
		t.uploadAt = start + rnd() * Math.max(1000, t.submitAt - start - 5000);
		t.version = 1;
		t.revs = 0;
		t.uploaded = 0;
		t.acked = { ideas: [], answers: [] };
		t.chain = Promise.resolve();
	});
	console.log(
		`${TEAMS} teams × ${MEMBERS} members, autosave every ${AUTOSAVE_MS / 1000} s each; ` +
			`${teams.filter((t) => t.upload).length} teams upload a PDF; deadline in ${((dl - start) / 1000).toFixed(0)} s; ` +
			`submits over the last ${WINDOW_MS / 1000} s, ${lastSecond} in the last second, ` +
			`${teams.filter((t) => t.double).length} double clicks, ${LATE} one second late; ` +
			`${INSTANCES} app instance${INSTANCES > 1 ? 's behind one Postgres, joined by Redis' : ''}; ` +
			`clock skew to the database ${skew.toFixed(1)} ms`
	);

	const timers = [];
	const jobs = [];
	for (const t of teams) {
		t.members.forEach((_, m) => {
			// Members on alternate instances, as a load balancer would spread them.
			const origin = origins[(t.index + m) % origins.length];
			const tick = () => {
				if (t.stopped) return;
				autosave(t, m, origin);
				timers.push(setTimeout(tick, AUTOSAVE_MS));
			};
			timers.push(setTimeout(tick, rnd() * AUTOSAVE_MS));
		});
		if (t.upload)
			jobs.push(
				new Promise((r) => setTimeout(r, t.uploadAt - Date.now())).then(() =>
					upload(t, origins[t.index % origins.length])
				)
			);
		const mine = [origins[t.index % origins.length], origins[(t.index + 1) % origins.length]];
		jobs.push(
			new Promise((r) => setTimeout(r, t.submitAt - Date.now())).then(() =>
				submit(t, mine, skew, deadline)
			)
		);
	}
	await Promise.all(jobs);
	for (const x of timers) clearTimeout(x);
	await Promise.all(teams.map((t) => t.chain));

	console.log('\n              requests    req/s   p50 ms   p95 ms   p99 ms   max ms  errors');
	for (const kind of ['autosave', 'upload', 'submit']) {
		const xs = stats[kind];
		const seconds = Math.max(0.001, (span[kind][1] - span[kind][0]) / 1000);
		console.log(
			`${kind.padEnd(12)} ${String(xs.length).padStart(9)} ${fmt(xs.length / seconds)} ${fmt(percentile(xs, 50))} ${fmt(percentile(xs, 95))} ${fmt(percentile(xs, 99))} ${fmt(percentile(xs, 100))} ${String(errors[kind].length).padStart(7)}`
		);
	}
	if (retries)
		console.log(`(${retries} requests retried on a new socket after a keep-alive reset)`);
	const lastSecondMs = teams
		.filter((t) => !t.late && t.submitAt >= dl - 1000)
		.flatMap((t) => t.answers.map((a) => a.r.ms));
	console.log(
		`submits in the last second: ${lastSecondMs.length}, p99 ${fmt(percentile(lastSecondMs, 99), 0)} ms, max ${fmt(percentile(lastSecondMs, 100), 0)} ms`
	);
	for (const kind of ['autosave', 'upload', 'submit'])
		for (const e of errors[kind].slice(0, 5)) console.log(`  ${kind} error: ${e}`);

	// The checks, against the database.
	const problems = [];
	const rows = await sql`
	  select a.id, a.status, a.submitted_at, a.digest, a.snapshot::text as text,
	    s.ends_at,
	    (select count(*)::int from public.application_events e where e.application_id = a.id and e.kind = 'submitted') as events,
	    (select array_agg(e.digest) from public.application_events e where e.application_id = a.id and e.kind = 'submitted') as event_digests,
	    (select coalesce(jsonb_agg(jsonb_build_object('position', i.position, 'title', i.title,
	        'problem', i.problem, 'idea', i.idea, 'value', i.value) order by i.position), '[]')
	     from public.application_ideas i where i.application_id = a.id) as ideas,
	    (select count(*)::int from public.application_documents d where d.application_id = a.id) as documents,
	    (select array_agg(o.params ->> 'digest') from private.mail_outbox o
	     where o.template = 'receipt' and o.params ->> 'path' = '/applications/' || a.id) as receipts,
	    (select count(*)::int from public.late_submission_attempts l where l.application_id = a.id) as late_attempts
	  from public.applications a
	  join public.challenge_stages s on s.challenge_id = a.challenge_id and s.stage = 'applications'
	  where a.challenge_id = ${challenge}`;
	const byId = new Map(rows.map((r) => [r.id, r]));
	let inTime = 0;
	let acceptedOnce = 0;
	let lateRefused = 0;
	let digestsChecked = 0;
	let lost = 0;
	for (const t of teams) {
		const row = byId.get(t.app);
		const accepted = t.answers.filter((a) => a.accepted).length;
		if (!t.late) {
			inTime++;
			if (accepted === 1 && row.status === 'submitted' && row.events === 1) acceptedOnce++;
			else
				problems.push(
					`team ${t.index + 1} sent in time: ${accepted} accepted, status ${row.status}, ${row.events} submitted events (answers ${t.answers.map((a) => a.status).join(', ')})`
				);
			if (row.submitted_at && new Date(row.submitted_at) >= new Date(row.ends_at))
				problems.push(
					`team ${t.index + 1} stamped ${row.submitted_at.toISOString()} after the deadline`
				);
		} else if (
			t.answers.every((a) => a.refused) &&
			row.status === 'draft' &&
			row.late_attempts >= 1
		)
			lateRefused++;
		else
			problems.push(
				`team ${t.index + 1} sent late: status ${row.status}, answers ${t.answers.map((a) => a.status).join(', ')}`
			);
		if (row.status === 'submitted') {
			const hash = createHash('sha256').update(row.text).digest('hex');
			const receipts = row.receipts ?? [];
			if (
				hash !== row.digest ||
				row.event_digests.some((d) => d !== hash) ||
				receipts.length !== MEMBERS ||
				receipts.some((d) => d !== hash)
			)
				problems.push(
					`team ${t.index + 1}: digest ${row.digest}, recomputed ${hash}, receipts ${receipts.join(',')}`
				);
			else digestsChecked++;
			const frozen = JSON.parse(row.text);
			if (canonical(frozen.ideas) !== canonical(t.acked.ideas)) {
				lost++;
				problems.push(`team ${t.index + 1}: the snapshot's ideas are not the last saved ones`);
			}
		}
		if (canonical(row.ideas) !== canonical(t.acked.ideas)) {
			lost++;
			problems.push(`team ${t.index + 1}: stored ideas are not the last acknowledged autosave`);
		}
		if (row.documents !== t.uploaded) {
			lost++;
			problems.push(
				`team ${t.index + 1}: ${row.documents} documents stored, ${t.uploaded} uploads acknowledged`
			);
		}
	}
	// The team's own copy through HTTP: sha256 of snapshot.json is the digest on record.
	const sample = teams.filter((t) => byId.get(t.app).status === 'submitted').slice(0, 20);
	let filesChecked = 0;
	for (const t of sample) {
		const r = await send(origins[0], 'GET', `/applications/${t.app}/snapshot.json`, {
			cookie: cookie(t.members[0])
		});
		const hash = createHash('sha256')
			.update(r.body ?? '')
			.digest('hex');
		if (r.status === 200 && hash === byId.get(t.app).digest) filesChecked++;
		else problems.push(`team ${t.index + 1}: snapshot.json ${r.status}, sha256 ${hash}`);
	}
	console.log(
		`\nchecks: sent in time ${inTime}, accepted exactly once ${acceptedOnce}; late ${LATE}, refused with a 4xx ${lateRefused}; ` +
			`digests = SHA-256 of the stored snapshot (record, event, ${MEMBERS} receipts) ${digestsChecked}, ` +
			`snapshot.json files ${filesChecked}/${sample.length}; saves or uploads lost ${lost}`
	);
	for (const p of problems.slice(0, 20)) console.log(`  problem: ${p}`);
	const p99 = (k) => percentile(stats[k], 99) ?? 0;
	const errorCount = Object.values(errors).reduce((n, e) => n + e.length, 0);
	console.log(
		`goals: autosave and submit p99 < 250 ms: ${p99('autosave') < 250 && p99('submit') < 250 ? 'met' : 'not met'} ` +
			`(${p99('autosave').toFixed(0)} / ${p99('submit').toFixed(0)} ms); 0 errors: ${errorCount === 0 ? 'met' : `not met (${errorCount})`}; ` +
			`0 lost, every check passed: ${problems.length === 0 ? 'met' : `not met (${problems.length} problems)`}`
	);
	console.log(deoptLoopsLine(deopts));
	if (Date.now() - start > RUN_MS + 30_000) console.log('(the run overran its schedule)');
	await sql.end();
} catch (err) {
	console.error(err);
	exitCode = 1;
} finally {
	for (const c of children) c.kill('SIGTERM');
	await new Promise((r) => setTimeout(r, 1000));
	agent.destroy();
	if (!process.env.BENCH_KEEP)
		await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
	else console.log(`kept database ${dbName}`);
	await admin.end();
	rmSync(dataDir, { recursive: true, force: true });
	process.exit(exitCode);
}
