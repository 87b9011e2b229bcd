// Shared by the tests that read every component's source: the .svelte files under `dir`.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every .svelte file under `dir`, depth first, as paths from the working directory. */
export function svelteFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return svelteFiles(path);
		return name.endsWith('.svelte') ? [path] : [];
	});
}
