// Memory of the built server under four parallel 29 MB posts to the anonymous sign-in
// (issue 10, item 5). Usage: node tests/bench/body-memory.mjs [dir with server.js]
// Starts `node server.js` on a fresh embedded database on a free port, reads its resident
// memory (VmRSS) from /proc before, every 50 ms during the posts (the highest), and after.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';

const dir = process.argv[2] ?? '.';
const dataDir = `/tmp/talkoot-body-memory-${process.pid}`;
const proc = spawn(process.execPath, ['server.js'], {
	cwd: dir,
	env: {
		PATH: process.env.PATH,
		PORT: process.env.BENCH_PORT ?? '0',
		HOST: '127.0.0.1',
		ORIGIN: 'http://talkoot.test',
		DATA_DIR: dataDir,
		DEMO_PASSWORD: 'Bench-password-2026!',
		LOG_LEVEL: 'warn',
		NODE_ENV: 'production'
	},
	stdio: ['ignore', 'pipe', 'inherit']
});
let out = '';
proc.stdout.on('data', (d) => (out += d));
// An older server.js prints ORIGIN only: give it BENCH_PORT.
const port = await new Promise((resolve) => {
	const t = setInterval(() => {
		const m = /listening on port (\d+)/.exec(out);
		if (m || (process.env.BENCH_PORT && out.includes('running at'))) {
			clearInterval(t);
			resolve(Number(m?.[1] ?? process.env.BENCH_PORT));
		}
	}, 100);
});
const mib = (field) => {
	const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(
		readFileSync(`/proc/${proc.pid}/status`, 'utf8')
	);
	return Math.round(Number(m[1]) / 1024);
};

const SIZE = 29 * 1024 * 1024;
const chunk = Buffer.alloc(1024 * 1024, 'x');
function post() {
	return new Promise((resolve) => {
		const started = Date.now();
		const req = request(
			{
				host: '127.0.0.1',
				port,
				path: '/auth/sign-in',
				method: 'POST',
				headers: {
					origin: 'http://talkoot.test',
					host: 'talkoot.test',
					'content-type': 'application/x-www-form-urlencoded',
					'content-length': SIZE
				}
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve({ status: res.statusCode, ms: Date.now() - started }));
			}
		);
		req.on('error', (e) => resolve({ status: e.code, ms: Date.now() - started }));
		const prefix = 'email=a%40b.example&password=';
		req.write(prefix);
		let sent = Buffer.byteLength(prefix);
		const pump = () => {
			while (sent < SIZE) {
				const n = Math.min(chunk.length, SIZE - sent);
				sent += n;
				if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n)))
					return req.once('drain', pump);
			}
			req.end();
		};
		pump();
	});
}

console.error('listening on', port);
await new Promise((r) => setTimeout(r, 2000));
await fetch(`http://127.0.0.1:${port}/auth/sign-in`, { headers: { host: 'talkoot.test' } });
const before = mib('VmRSS');
console.error('posting, before', before);
let during = before;
const sampler = setInterval(() => (during = Math.max(during, mib('VmRSS'))), 50);
const results = await Promise.all([post(), post(), post(), post()]);
clearInterval(sampler);
await new Promise((r) => setTimeout(r, 500));
console.log(
	JSON.stringify({
		dir,
		before_MiB: before,
		during_max_MiB: during,
		after_MiB: mib('VmRSS'),
		results
	})
);
proc.kill('SIGTERM');
await new Promise((r) => proc.on('exit', r));
rmSync(dataDir, { recursive: true, force: true });
