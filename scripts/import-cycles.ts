// Import cycles in src/, type-only imports included (issue 11): eslint-plugin-import-x's
// no-cycle skips `import type`, so a loop closed only by a type import passed the lint,
// yet it ties the modules' layers together as much as a value import does.
// `node scripts/import-cycles.ts` prints each cycle and exits 1; npm run check runs it,
// and tests/integration/import-cycles.test.ts holds it in the test run too.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = /\.(ts|js|svelte)$/;
// Generated (Paraglide's compiled messages) or not part of the app's module graph.
const SKIP = [/\/lib\/paraglide\//, /\.test\.ts$/, /\.d\.ts$/];

function* files(dir: string): Generator<string> {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) yield* files(path);
		else if (SOURCE.test(name) && !SKIP.some((s) => s.test(path))) yield path;
	}
}

/** The script of a .svelte file (instance and module), or the file itself. */
function code(path: string): string {
	const text = readFileSync(path, 'utf8');
	if (!path.endsWith('.svelte')) return text;
	return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

/** Every specifier `path` imports or re-exports, `import type` and `import()` included. */
export function specifiers(source: string): string[] {
	return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** The file a specifier names inside src/, or null (packages, virtual modules). */
function resolveImport(from: string, spec: string, root = ROOT): string | null {
	let base: string;
	if (spec.startsWith('$lib')) base = join(root, 'src/lib', spec.slice(4));
	else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
	else return null;
	const candidates = [
		base,
		base.replace(/\.js$/, '.ts'),
		...['.ts', '.js', '.svelte', '/index.ts', '/index.js'].map((x) => base + x)
	];
	return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/**
 * The cycles of a module graph (`{ file: [imported files] }`): one per strongly
 * connected component of more than one file (or a file importing itself), each as the
 * list of its files, sorted. Tarjan's algorithm.
 */
export function cycles(graph: Record<string, string[]>): string[][] {
	let index = 0;
	const stack: string[] = [];
	const on = new Set<string>();
	const idx = new Map<string, number>();
	const low = new Map<string, number>();
	const found: string[][] = [];
	const visit = (v: string) => {
		idx.set(v, index);
		low.set(v, index++);
		stack.push(v);
		on.add(v);
		for (const w of graph[v] ?? []) {
			if (!idx.has(w)) {
				visit(w);
				low.set(v, Math.min(low.get(v)!, low.get(w)!));
			} else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
		}
		if (low.get(v) === idx.get(v)) {
			const component: string[] = [];
			let w: string;
			do {
				w = stack.pop()!;
				on.delete(w);
				component.push(w);
			} while (w !== v);
			if (component.length > 1 || (graph[v] ?? []).includes(v)) found.push(component.sort());
		}
	};
	for (const v of Object.keys(graph)) if (!idx.has(v)) visit(v);
	return found;
}

/** The import graph of src/, paths relative to the project. */
export function sourceGraph(root = ROOT): Record<string, string[]> {
	const graph: Record<string, string[]> = {};
	for (const file of files(join(root, 'src'))) {
		const targets = specifiers(code(file))
			.map((s) => resolveImport(file, s, root))
			.filter((t): t is string => t !== null && !SKIP.some((s) => s.test(t)));
		graph[relative(root, file)] = [...new Set(targets.map((t) => relative(root, t)))];
	}
	return graph;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const found = cycles(sourceGraph());
	for (const c of found)
		console.error(`Import cycle (type imports included):\n  ${c.join('\n  ')}`);
	if (found.length) process.exit(1);
	console.log('No import cycles in src/ (type-only imports included).');
}
