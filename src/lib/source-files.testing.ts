// Shared by the tests that scan the project's own source for a kind of fault.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under `dir` whose name matches `names`, depth first, as paths from the working
 * directory (`src/lib/x.ts`). The generated messages (`paraglide`) are never read; test files
 * (`*.test.ts`) only when `tests` is true, for a scan that holds tests to a rule too.
 */
export function sourceFiles(dir: string, names: RegExp, { tests = false } = {}): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory())
			return name === 'paraglide' ? [] : sourceFiles(path, names, { tests });
		return names.test(name) && (tests || !name.endsWith('.test.ts')) ? [path] : [];
	});
}
