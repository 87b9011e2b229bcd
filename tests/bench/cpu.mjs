// CPU time spent so far by the app server and by Postgres, read from /proc (Linux): for
// http.mjs to say, of each measured row, how many milliseconds of CPU each request cost the
// app and the database (issue 16: where the time goes, on a machine they share).
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
 * CPU ms used so far by the process `appPid` and by every process named `postgres` (the
 * server and its backends; a backend that has exited takes its time with it, so measure
 * while the app's pool holds its connections).
 * @param {number} appPid
 * @returns {{ app: number, database: number }}
 */
export function cpuUsed(appPid) {
	let database = 0;
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const s = stat(entry);
		if (s?.name === 'postgres') database += s.ms;
	}
	return { app: stat(appPid)?.ms ?? 0, database };
}
