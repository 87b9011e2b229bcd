import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { rmSync } from 'node:fs';
import postgres from 'postgres';
import { DEMO_PASSWORD, expect, test } from './helpers';

// Deployment defaults and abuse limits (issue 10, items 2, 4, 5, 18, 19), over HTTP
// against the production build. Servers of their own are started where the environment
// matters (ORIGIN, DATABASE_URL, a proxy header), on a port the system picks.

const PG = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Started {
	proc: ChildProcess;
	base: string;
	output: () => string;
	stop: () => Promise<void>;
}

// A fresh embedded database migrates and seeds before the server listens: on a busy
// two-core machine that can take minutes, as playwright.config.ts allows its own servers.
const START_MS = 200_000;
test.describe.configure({ timeout: START_MS + 60_000 });

/** Starts `node server.js` with `env` and waits for it to listen (or to exit). */
async function startServer(
	env: Record<string, string>
): Promise<Started | { exit: number; output: string }> {
	const proc = spawn(process.execPath, ['server.js'], {
		env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	proc.stdout!.on('data', (d) => (out += d));
	proc.stderr!.on('data', (d) => (out += d));
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), START_MS);
		proc.on('exit', (code) => {
			clearTimeout(timer);
			resolve({ exit: code ?? -1, output: out });
		});
		const poll = setInterval(() => {
			const port = /listening on port (\d+)/.exec(out)?.[1];
			if (!port) return;
			clearInterval(poll);
			clearTimeout(timer);
			proc.removeAllListeners('exit');
			resolve({
				proc,
				base: `http://127.0.0.1:${port}`,
				output: () => out,
				stop: () =>
					new Promise<void>((done) => {
						proc.on('exit', () => done());
						proc.kill('SIGTERM');
					})
			});
		}, 100);
	});
}

/** A port nobody listens on now (the system's pick). */
const freePort = () =>
	new Promise<number>((resolve) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});

test.describe('start-up configuration', () => {
	test('the quick start needs no variables: localhost forms work, the password is printed once', async () => {
		const DATA_DIR = '.data-e2e-security-quick';
		rmSync(DATA_DIR, { recursive: true, force: true });
		// What `npm start` does on a new machine: production mode, embedded database.
		// (At the default log level, as `npm start` logs.)
		const env = {
			NODE_ENV: 'production',
			DATA_DIR,
			PORT: String(await freePort()),
			LOG_LEVEL: 'info'
		};
		const first = await startServer(env);
		if (!('base' in first)) throw new Error(first.output);
		try {
			expect(first.output()).toContain('ORIGIN is not set');
			// Printed once the demo's own mail is written: last, not scrolled away by its log.
			await expect.poll(() => first.output(), { timeout: 60_000 }).toContain('Demo accounts');
			const out = first.output();
			expect(out).toContain('mail written');
			expect(out.lastIndexOf('mail written')).toBeLessThan(out.indexOf('Demo accounts'));
			const password = /password: (Demo-\S+) \(generated/.exec(out)?.[1];
			expect(password).toBeTruthy();
			const origin = `http://localhost:${env.PORT}`;
			const signIn = await fetch(`${origin}/auth/sign-in`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin, accept: 'text/html' },
				body: new URLSearchParams({ email: 'admin@talkoot.example', password: password! })
			});
			expect(signIn.status).toBe(303);
			expect(signIn.headers.get('strict-transport-security')).toBeNull();
		} finally {
			await first.stop();
		}
		const again = await startServer(env);
		if (!('base' in again)) throw new Error(again.output);
		await again.stop();
		expect(again.output()).not.toContain('Demo accounts');
		rmSync(DATA_DIR, { recursive: true, force: true });
	});

	test('production with DATABASE_URL and no ORIGIN refuses to start, naming it', async () => {
		const result = await startServer({
			NODE_ENV: 'production',
			DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none',
			DATA_DIR: '.data-e2e-security-noorigin'
		});
		expect('exit' in result && result.exit).toBe(1);
		expect(result.output as string).toContain('ORIGIN is not set');
		expect(result.output as string).toMatch(/ORIGIN=https:\/\/\S+/);
	});

	test('a fresh DATABASE_URL database gets no demo accounts, no platform admin; gone, it is said in words', async () => {
		const admin = postgres(PG, { max: 1, onnotice: () => {} });
		try {
			await admin`select 1`;
		} catch {
			test.skip(true, `no PostgreSQL at ${PG}`);
		}
		const name = `talkoot_e2e_security_${process.pid}`;
		await admin.unsafe(`drop database if exists ${name}`);
		await admin.unsafe(`create database ${name}`);
		const url = new URL(PG);
		url.pathname = `/${name}`;
		const server = await startServer({
			NODE_ENV: 'production',
			DATABASE_URL: url.href,
			ORIGIN: 'https://talkoot.test',
			DATA_DIR: '.data-e2e-security-pg'
		});
		try {
			expect('base' in server, (server as { output: string }).output).toBe(true);
			const db = postgres(url.href, { max: 1, onnotice: () => {} });
			const [{ users, admins }] = await db`
				select (select count(*)::int from auth.users) as users,
				       (select count(*)::int from public.platform_admins) as admins`;
			await db.end();
			expect({ users, admins }).toEqual({ users: 0, admins: 0 });
			expect((server as Started).output()).not.toContain('Demo accounts');

			// The database goes away under the running server (issue 16 leftovers: answers given
			// before a page renders were unit-tested only): a page read and a form posted are
			// answered in the request's language, with a reference and no internals, and the
			// server stays up.
			await admin.unsafe(`drop database ${name} with (force)`);
			const { base } = server as Started;
			const read = await fetch(`${base}/challenges`, { headers: { 'accept-language': 'sv' } });
			const posted = await fetch(`${base}/auth/sign-in`, {
				method: 'POST',
				headers: {
					// As a browser without JavaScript posts it (with it, the same words come as JSON).
					accept: 'text/html',
					'accept-language': 'fi',
					origin: 'https://talkoot.test',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams({ email: 'someone@hel.example', password: 'x'.repeat(12) })
			});
			for (const [answer, lang, words] of [
				[read, 'sv', 'Något gick fel'],
				[posted, 'fi', 'Jokin meni vikaan']
			] as const) {
				expect(answer.status).toBeGreaterThanOrEqual(500);
				const html = await answer.text();
				expect(html).toContain(`<html lang="${lang}"`);
				expect(html).toContain(words);
				expect(html).not.toMatch(/ECONNREFUSED|does not exist|at \w+ \(|node_modules/);
			}
			expect((server as Started).proc.exitCode).toBeNull();
		} finally {
			if ('stop' in server) await server.stop();
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	});
});

test.describe('behind a proxy with an https ORIGIN', () => {
	test.describe.configure({ mode: 'serial' });
	const ORIGIN = 'https://talkoot.test';
	const DATA_DIR = '.data-e2e-security-proxy';
	let server: Started;

	test.beforeAll(async () => {
		rmSync(DATA_DIR, { recursive: true, force: true });
		const started = await startServer({
			NODE_ENV: 'production',
			ORIGIN,
			DATA_DIR,
			DEMO_PASSWORD,
			ADDRESS_HEADER: 'X-Forwarded-For',
			XFF_DEPTH: '1'
		});
		if (!('base' in started)) throw new Error(started.output);
		server = started;
	});
	test.afterAll(async () => {
		await server?.stop();
		rmSync(DATA_DIR, { recursive: true, force: true });
	});

	/** A form post as a browser on `from` would send it through the proxy. */
	const post = (
		path: string,
		fields: Record<string, string> | FormData,
		from: string,
		extra: Record<string, string> = {}
	) => {
		const body = fields instanceof FormData ? fields : new URLSearchParams(fields);
		return fetch(server.base + path, {
			method: 'POST',
			body,
			redirect: 'manual',
			headers: {
				origin: ORIGIN,
				// As a browser without JavaScript posts: the page comes back with the status.
				accept: 'text/html',
				'accept-language': 'en',
				'x-forwarded-for': from,
				...extra
			}
		});
	};
	const signIn = (email: string, password: string, from: string) =>
		post('/auth/sign-in', { email, password }, from);
	const sessionOf = (response: Response) =>
		response.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.join('; ');

	/** A 429 that says in words what happened and when to try again. */
	async function expectLimited(response: Response, words: RegExp) {
		expect(response.status).toBe(429);
		expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await response.text()).toMatch(words);
	}

	test('HSTS is sent when ORIGIN is https', async () => {
		const response = await fetch(server.base + '/');
		expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
	});

	test('a 2 MB sign-in post is refused with 413 and words, by length and when chunked', async () => {
		const big = 'x'.repeat(2 * 1024 * 1024);
		const chunked = () =>
			fetch(server.base + '/auth/sign-in', {
				method: 'POST',
				body: new ReadableStream({
					start(c) {
						for (let i = 0; i < 32; i++) c.enqueue(new TextEncoder().encode(big.slice(0, 65536)));
						c.close();
					}
				}),
				duplex: 'half',
				headers: {
					origin: ORIGIN,
					'accept-language': 'en',
					'content-type': 'application/x-www-form-urlencoded'
				}
			} as RequestInit);
		// The refusal comes while the client is still sending: a server that closed at once
		// lost it to a reset about one time in four, so a few rounds show the close lingers.
		for (let round = 0; round < 8; round++) {
			const byLength = await post(
				'/auth/sign-in',
				{ email: 'a@b.example', password: big },
				'192.0.2.1'
			);
			expect(byLength.status).toBe(413);
			expect(await byLength.text()).toMatch(/at most 1 MB/);
			expect((await chunked()).status).toBe(413);
		}
	});

	test('the owner still signs in after 50 failures from another address', async () => {
		for (let i = 0; i < 50; i++) {
			const r = await signIn('owner@hel.example', `wrong-${i}-password`, '203.0.113.9');
			expect([400, 429]).toContain(r.status);
		}
		// The attacker's own address waits, even with the right password …
		await expectLimited(
			await signIn('owner@hel.example', DEMO_PASSWORD, '203.0.113.9'),
			/Too many failed sign-ins\. Try again in \d+ (seconds?|minutes?)[,.]/
		);
		// … the owner elsewhere does not.
		const owner = await signIn('owner@hel.example', DEMO_PASSWORD, '198.51.100.7');
		expect(owner.status).toBe(303);
	});

	test('ten correct sign-ins in a row are never refused', async () => {
		for (let i = 0; i < 12; i++) {
			const r = await signIn('member@hel.example', DEMO_PASSWORD, '198.51.100.8');
			expect(r.status).toBe(303);
		}
	});

	test('a workshop of 25 signs up from one office address; one email is limited', async () => {
		for (let i = 0; i < 25; i++) {
			const r = await post(
				'/auth/sign-up',
				{
					email: `p${i}@office.example`,
					displayName: `P ${i}`,
					password: 'Vuoristo-Kettu-4711',
					locale: 'en'
				},
				'192.0.2.50'
			);
			expect(r.status, `sign-up ${i}`).toBe(303);
		}
		let last: Response | undefined;
		for (let i = 0; i < 4; i++)
			last = await post(
				'/auth/sign-up',
				{
					email: 'again@office.example',
					displayName: 'Again',
					password: 'Vuoristo-Kettu-4711',
					locale: 'en'
				},
				`192.0.2.${60 + i}`
			);
		await expectLimited(last!, /Too many sign-ups in a short time/);
	});

	test('reset requests for one email are limited', async () => {
		let last: Response | undefined;
		for (let i = 0; i < 4; i++)
			last = await post('/auth/forgot', { email: 'solver@team.example' }, `192.0.2.${70 + i}`);
		await expectLimited(last!, /Too many reset requests/);
	});

	test('invitations, questions, feedback and uploads are limited with words', async () => {
		const session = sessionOf(await signIn('solver@team.example', DEMO_PASSWORD, '198.51.100.9'));
		expect(session).not.toBe('');
		const as = { cookie: session };
		const team = '50000000-0000-4000-8000-000000000001';

		let last: Response | undefined;
		for (let i = 0; i < 11; i++)
			last = await post(
				`/teams/${team}?/invite`,
				{ email: `x${i}@elsewhere.example` },
				'198.51.100.9',
				as
			);
		await expectLimited(last!, /sent many invitations in a short time/);

		for (let i = 0; i < 11; i++)
			last = await post(
				'/challenges/ai-goes-to-work?/ask',
				{ question: `Is question ${i} allowed here?` },
				'198.51.100.9',
				as
			);
		await expectLimited(last!, /asked many questions in a short time/);

		for (let i = 0; i < 6; i++)
			last = await post('/accessibility', { message: 'x'.repeat(5000) }, '192.0.2.90');
		await expectLimited(last!, /received several messages from you/);

		for (let i = 0; i < 61; i++) {
			const form = new FormData();
			form.set('area', 'software_development');
			last = await post('/account/work-history?/add', form, '198.51.100.9', as);
		}
		await expectLimited(last!, /Too many files in a short time/);
	});
});
