// CPU time spent so far by the app server, by Postgres and by the whole machine, read from
// /proc (Linux): for http.mjs to say, of each measured row, how many milliseconds of CPU each
// request cost the app, the database and the machine, and so how many requests a second the
// machine's cores could serve at most (issue 16: where the time goes, on a machine they share).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (usually 100). */
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/**
 * A process's name and user plus system CPU time in ms from /proc/<pid>/stat, or null when
 * it has gone. The name (field 2) is in parentheses and may hold spaces: the fields are
 * counted from its closing parenthesis (utime and stime are fields 14 and 15).
 */
function stat(pid) {
	try {
		const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const close = text.lastIndexOf(')');
		const fields = text.slice(close + 2).split(' ');
		return {
			name: text.slice(text.indexOf('(') + 1, close),
			ms: ((Number(fields[11]) + Number(fields[12])) / TICKS) * 1000
		};
	} catch {
		return null;
	}
}

/**
 * CPU ms the machine's cores have been busy so far, all of them together: the first line of
 * /proc/stat (user, nice, system, idle, iowait, irq, softirq, steal, … in ticks) less idle
 * and iowait; guest time is already inside user. Every process counts, the load generator's
 * too.
 */
function machineBusy() {
	const ticks = readFileSync('/proc/stat', 'utf8')
		.split('\n', 1)[0]
		.trim()
		.split(/\s+/)
		.slice(1, 9)
		.map(Number);
	const [user, nice, system, , , irq, softirq, steal] = ticks;
	return ((user + nice + system + irq + softirq + steal) / TICKS) * 1000;
}

/**
 * CPU ms used so far by the process `appPid` (and by its main thread), by every process named `postgres` (the
 * server and its backends; a backend that has exited takes its time with it, so measure
 * while the app's pool holds its connections) and by the whole machine (machineBusy).
 * @param {number} appPid
 * @returns {{ app: number, appMain: number, database: number, machine: number }}
 */
export function cpuUsed(appPid) {
	let database = 0;
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const s = stat(entry);
		if (s?.name === 'postgres') database += s.ms;
	}
	return {
		app: stat(appPid)?.ms ?? 0,
		// The main thread alone (its task has the process's id), where JavaScript runs; the
		// process's time also holds V8's and libuv's helper threads.
		appMain: stat(`${appPid}/task/${appPid}`)?.ms ?? 0,
		database,
		machine: machineBusy()
	};
}
