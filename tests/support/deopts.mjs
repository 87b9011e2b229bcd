import { createInterface } from 'node:readline';

/**
 * Deoptimisation loops in a benchmark's server (issue 16): started with DEOPT_FLAGS, V8
 * names on the server's stdout each function it deoptimises. A few times is warming up;
 * hundreds is a loop of compiling and throwing away (a comparison in inScreeningState did
 * it ~1,000 times a run, a fifth of the owner's list's server time).
 */
export const DEOPT_FLAGS = ['--trace-deopt'];

/** More deoptimisations of one function than this in a run is a loop, not warming up. */
export const DEOPT_LOOP = 100;

/**
 * Counts, into `counts` (function name → bailouts; '(anonymous)' for unnamed ones), the
 * deoptimisations `child` (started with DEOPT_FLAGS and its stdout piped) reports.
 * @param {import('node:child_process').ChildProcess} child
 * @param {Map<string, number>} counts
 */
export function countDeopts(child, counts) {
	if (!child.stdout) throw new Error('countDeopts needs the server’s stdout piped');
	createInterface({ input: child.stdout }).on('line', (line) => {
		const fn = /bailout \(kind: [^)]*\): begin\. deoptimizing \S+ <JSFunction ([^ >(]*)/.exec(line);
		if (!fn) return;
		const name = fn[1] || '(anonymous)';
		counts.set(name, (counts.get(name) ?? 0) + 1);
	});
}

/**
 * The line a benchmark prints: the functions of `counts` deoptimised more than DEOPT_LOOP
 * times, most first, or none.
 * @param {Map<string, number>} counts
 */
export function deoptLoopsLine(counts) {
	const loops = [...counts].filter(([, n]) => n > DEOPT_LOOP).sort((a, b) => b[1] - a[1]);
	return `deoptimisation loops (a server function V8 deoptimised more than ${DEOPT_LOOP} times): ${
		loops.length ? loops.map(([name, n]) => `${name} ${n}×`).join(', ') : 'none'
	}`;
}
