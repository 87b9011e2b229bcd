// npm run bench:jury — the jury's results at scale (issue 13): 1,000 submitted, eligible
// applications × 9 jurors × 5 criteria (30/10/10/10/10), every score submitted, in a fresh
// real Postgres database. Times, each as the median of several runs:
//   - reading the scores (the queries of src/lib/server/jury/results.ts as the chair),
//   - evaluate with per-juror normalisation (aggregation, z-scores, ranking),
//   - ranking alone, and the leave-one-juror-out robustness check,
//   - readResults end to end (reading + all of the above + the proposal),
//   - the results page rendered by the production server for a signed-in chair,
// next to baselines measured in the same run: a trivial query through the same Database
// as the same user, and a static asset from the same server. Prints figures and ratios;
// asserts nothing. Goals: < 200 ms for the computation end to end, < 500 ms for the page.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import postgres from 'postgres';
import { createServer as createVite } from 'vite';
import { SESSION_COOKIE, databaseUrl, startApp, waitForHttp } from '../support/board-world.mjs';
import { random } from './random.mjs';

const ADMIN_URL =
	process.env.BENCH_DATABASE_URL ??
	process.env.DATABASE_URL ??
	process.env.TEST_DATABASE_URL ??
	'postgres://postgres@127.0.0.1:5432/postgres';
const PORT = Number(process.env.BENCH_PORT ?? 4473);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ITEMS = Number(process.env.BENCH_ITEMS ?? 1000);
const JURORS = 9;
const CRITERIA = [30, 10, 10, 10, 10];
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
/** The demo organisation and its owner (supabase/seed.sql), who chairs the challenge. */
const ORGANISATION = '10000000-0000-4000-8000-000000000001';
const OWNER = '00000000-0000-4000-8000-000000000002';

const dbName = `talkoot_bench_jury_${process.pid}`;
const dbUrl = databaseUrl(ADMIN_URL, dbName);
const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });

function run(cmd, args) {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { stdio: 'inherit' });
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${code}`))));
	});
}

/**
 * The challenge, its criteria, ITEMS teams with submitted applications found eligible,
 * JURORS accepted jurors assigned every item, and every score submitted: jurors differ
 * in leniency (± 15 %) and each item has a quality the jurors see through noise.
 */
async function seed(sql) {
	const challenge = randomUUID();
	await sql`insert into public.challenges (id, organisation_id, slug, primary_locale, title, summary,
	    body, procedure, status, published_at, shortlist_count, applications_unsealed)
	  values (${challenge}, ${ORGANISATION}, 'bench-jury', 'fi', '{"fi": "Arviointi", "en": "Evaluation"}',
	    '{"fi": "Vertailu"}', '{"fi": "Vertailu"}', 'open_challenge', 'published', now(), 5, true)`;
	// The creator trigger made the organisation's owners the chairs; the rest goes in fast.
	const criteria = CRITERIA.map((max, i) => ({
		id: randomUUID(),
		challenge_id: challenge,
		stage: 'shortlisting',
		position: i + 1,
		name: sql.json({ fi: `Kriteeri ${i + 1}`, en: `Criterion ${i + 1}` }),
		max_points: max
	}));
	await sql`insert into public.challenge_criteria ${sql(criteria)}`;
	await sql.begin(async (tx) => {
		await tx`set local session_replication_role = replica`;
		const users = Array.from({ length: ITEMS + JURORS }, (_, i) => ({
			id: randomUUID(),
			email: i < ITEMS ? `lead${i}@bench.example` : `juror${i - ITEMS}@bench.example`
		}));
		for (let i = 0; i < users.length; i += 2000)
			await tx`insert into auth.users ${tx(users.slice(i, i + 2000), 'id', 'email')}`;
		await tx`insert into public.profiles (id, email, display_name, locale)
		  select id, email, 'Juror ' || split_part(email, '@', 1), 'fi' from auth.users
		  where email like 'juror%@bench.example'`;
		const teams = users.slice(0, ITEMS).map((u, i) => ({
			id: randomUUID(),
			name: `Tiimi ${String(i + 1).padStart(4, '0')}`,
			lead_id: u.id
		}));
		await tx`insert into public.teams ${tx(teams)}`;
		const start = Date.parse('2026-11-01T08:00:00Z');
		const apps = teams.map((t, i) => ({
			id: randomUUID(),
			challenge_id: challenge,
			team_id: t.id,
			status: 'submitted',
			submitted_at: new Date(start + i * 60_000),
			digest: createHash('sha256').update(t.id).digest('hex'),
			snapshot: tx.json({ team: { name: t.name } }),
			lang: 'fi'
		}));
		await tx`insert into public.applications ${tx(apps)}`;
		await tx`insert into public.jury_stages (challenge_id, stage) values (${challenge}, 'shortlisting')`;
		const jurors = users.slice(ITEMS).map((u) => ({
			id: randomUUID(),
			challenge_id: challenge,
			stage: 'shortlisting',
			email: u.email,
			user_id: u.id,
			accepted_at: new Date(),
			invited_by: OWNER
		}));
		await tx`insert into public.jury_members ${tx(jurors)}`;
		const pairs = jurors.flatMap((j) =>
			apps.map((a) => ({ juror_id: j.id, application_id: a.id }))
		);
		for (let i = 0; i < pairs.length; i += 5000) {
			const chunk = pairs.slice(i, i + 5000);
			await tx`insert into public.jury_assignments ${tx(chunk)}`;
			await tx`insert into public.jury_conflicts ${tx(chunk.map((p) => ({ ...p, conflict: false })))}`;
		}
		const rnd = random(13);
		const quality = apps.map(() => rnd());
		const leniency = jurors.map(() => 0.85 + rnd() * 0.3);
		const scores = [];
		const now = new Date();
		jurors.forEach((j, ji) =>
			apps.forEach((a, ai) =>
				criteria.forEach((c) => {
					const x = quality[ai] * leniency[ji] + (rnd() - 0.5) * 0.3;
					const points = Math.round(Math.min(1, Math.max(0, x)) * c.max_points * 2) / 2;
					scores.push({
						juror_id: j.id,
						application_id: a.id,
						criterion_id: c.id,
						points,
						justification: 'Perusteltu arvio.',
						state: 'submitted',
						submitted_at: now
					});
				})
			)
		);
		for (let i = 0; i < scores.length; i += 5000)
			await tx`insert into public.jury_scores ${tx(scores.slice(i, i + 5000))}`;
	});
	// Screening decisions live on the decision entity: recorded through the view's trigger,
	// outside the bulk load above (which runs with triggers off).
	await sql`insert into public.screening_decisions (application_id, eligible, justification, decided_by)
	  select id, true, 'Täyttää vähimmäisvaatimukset', ${OWNER} from public.applications
	  where challenge_id = ${challenge}`;
	await sql`vacuum analyze`; // not autovacuum during a measured run
	return challenge;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(fn) {
	await fn(); // warm-up, not counted
	const times = [];
	for (let i = 0; i < RUNS; i++) {
		const t0 = performance.now();
		await fn();
		times.push(performance.now() - t0);
	}
	return median(times);
}

let server;
let vite;
try {
	if (!existsSync('build/handler.js')) await run('npx', ['vite', 'build']);
	await admin.unsafe(`create database ${dbName}`);
	server = startApp({ port: PORT, databaseUrl: dbUrl });
	await waitForHttp(`${ORIGIN}/favicon.svg`, 120_000, server);
	const sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
	console.log(`seeding ${ITEMS} applications × ${JURORS} jurors × ${CRITERIA.length} criteria…`);
	const challenge = await seed(sql);
	const token = randomBytes(20).toString('hex');
	await sql`insert into local_auth.sessions (id, user_id, expires_at)
	  values (${createHash('sha256').update(token).digest('hex')}, ${OWNER}, now() + interval '1 hour')`;
	await sql.end();

	// The app's own modules, loaded through Vite: the same code the server runs.
	vite = await createVite({
		server: { middlewareMode: true },
		appType: 'custom',
		logLevel: 'silent'
	});
	const load = (path) => vite.ssrLoadModule(path);
	const { Database } = await load('/src/lib/server/db/database.ts');
	const { openPostgres } = await load('/src/lib/server/db/postgres.ts');
	const { readResults } = await load('/src/lib/server/jury/results.ts');
	const jury = await load('/src/lib/domain/jury/index.ts');
	const db = new Database(openPostgres(dbUrl, 2));
	const chair = { id: OWNER, email: 'owner@demo' };

	// What readResults reads, to time the domain alone.
	const input = await db.as(chair, async (tx) => {
		const criteria = await tx.query(
			`select name, max_points as "maxPoints" from public.challenge_criteria
			 where challenge_id = $1 and stage = 'shortlisting' order by position`,
			[challenge]
		);
		const items = await tx.query(
			`select item, submitted_at as "submittedAt" from public.jury_items($1, 'shortlisting')`,
			[challenge]
		);
		const cards = await tx.query(
			`select juror, item, points from public.jury_scorecards($1, 'shortlisting')`,
			[challenge]
		);
		return {
			criteria: criteria.map((c) => ({ ...c, stage: 'shortlisting', description: {} })),
			items: items.map((i) => ({ item: i.item, submittedAt: new Date(i.submittedAt) })),
			scorecards: cards,
			normalise: true
		};
	});
	const evaluation = jury.evaluate(input);
	const rankEntries = evaluation.items.map((e) => ({
		item: e.item,
		total: e.total,
		criterionPoints: e.aggregate?.criterionMeans ?? null,
		submittedAt: e.submittedAt
	}));
	const cookie = `${SESSION_COOKIE}=${token}`;
	const page = `${ORIGIN}/manage/challenges/${challenge}/jury/shortlisting/results`;
	const fetchPage = async (url, headers = {}) => {
		const r = await fetch(url, { headers: { 'accept-language': 'fi', ...headers } });
		const body = await r.text();
		if (!r.ok) throw new Error(`${url}: ${r.status} ${body.slice(0, 200)}`);
		return body.length;
	};
	const pageBytes = await fetchPage(page, { cookie });

	const figures = [
		[
			'baseline: select 1 as the chair',
			await timed(() => db.as(chair, (tx) => tx.query('select 1')))
		],
		[
			'reading the scores (public.jury_scorecards)',
			await timed(() =>
				db.as(chair, (tx) =>
					tx.query(`select juror, item, points from public.jury_scorecards($1, 'shortlisting')`, [
						challenge
					])
				)
			)
		],
		['evaluate, normalised (aggregate, z-scores, rank)', await timed(() => jury.evaluate(input))],
		['ranking alone (rankItems)', await timed(() => jury.rankItems(rankEntries, input.criteria))],
		['robustness (leave one juror out, k = 5)', await timed(() => jury.leaveOneJurorOut(input, 5))],
		[
			'readResults end to end, normalised',
			await timed(() => db.as(chair, (tx) => readResults(tx, challenge, 'shortlisting', true)))
		],
		[
			'readResults end to end, raw',
			await timed(() => db.as(chair, (tx) => readResults(tx, challenge, 'shortlisting', false)))
		],
		[
			'baseline: static asset from the server',
			await timed(() => fetchPage(`${ORIGIN}/favicon.svg`))
		],
		['results page, rendered (chair session)', await timed(() => fetchPage(page, { cookie }))],
		['results page, normalised', await timed(() => fetchPage(`${page}?normalise=1`, { cookie }))]
	];
	await db.close();

	console.log(
		`\n${ITEMS} applications × ${JURORS} jurors × ${CRITERIA.length} criteria, real Postgres, ` +
			`median of ${RUNS} runs, ${new Date().toISOString()}`
	);
	console.log('figure                                              ms      × baseline');
	const queryBase = figures[0][1];
	const assetBase = figures[7][1];
	for (const [i, [name, ms]] of figures.entries()) {
		const base = i < 7 ? queryBase : assetBase;
		console.log(
			`${name.padEnd(48)} ${ms.toFixed(1).padStart(8)} ${(ms / Math.max(base, 0.01)).toFixed(1).padStart(10)}×`
		);
	}
	console.log(`results page: ${(pageBytes / 1024).toFixed(0)} kB of HTML`);
	const compute = figures[5][1];
	const rendered = figures[8][1];
	console.log(
		`goals: computation end to end < 200 ms: ${compute < 200 ? 'met' : 'not met'} (${compute.toFixed(0)} ms); ` +
			`page < 500 ms: ${rendered < 500 ? 'met' : 'not met'} (${rendered.toFixed(0)} ms)`
	);
	console.log(
		'The baselines are measured in the same run; figures vary with the machine and its load.'
	);
} finally {
	await vite?.close();
	server?.kill('SIGTERM');
	await new Promise((r) => setTimeout(r, 1000));
	// BENCH_KEEP=1 leaves the database for EXPLAIN ANALYZE.
	if (!process.env.BENCH_KEEP)
		await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
	else console.log(`kept database ${dbName}`);
	await admin.end();
}
