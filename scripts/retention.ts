// `npm run retention [-- --dry-run]` (issue 15): runs the retention job once by hand — the
// same job the app runs daily (src/lib/server/retention.ts) — against DATABASE_URL, or the
// embedded database in DATA_DIR when it is unset. `--dry-run` lists what would go
// (challenge, team, application id, counts) and changes nothing.
//
// The app's server modules are TypeScript bundled by Vite (import.meta.glob brings the
// migrations in, `$lib` is an alias), so this script loads them through Vite's SSR module
// loader rather than importing them directly. Exit status: 0 done, 1 refused or failed,
// 2 bad arguments.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'Usage: npm run retention [-- --dry-run]';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--dry-run' && a !== '--help');
if (unknown.length || args.includes('--help')) {
	if (unknown.length) console.error(`Unknown argument: ${unknown.join(' ')}`);
	console.log(USAGE);
	process.exit(unknown.length ? 2 : 0);
}
const dryRun = args.includes('--dry-run');
// The job's own log line repeats the totals this script prints; keep stdout for the listing.
process.env.LOG_LEVEL ||= 'warn';

const vite = await createServer({
	configFile: false,
	root: ROOT,
	logLevel: 'silent',
	appType: 'custom',
	server: { middlewareMode: true, hmr: false, ws: false, watch: null },
	resolve: { alias: { $lib: resolve(ROOT, 'src/lib') } },
	optimizeDeps: { noDiscovery: true, include: [] }
});

let status = 0;
try {
	const { getDb } = await vite.ssrLoadModule('/src/lib/server/db/index.ts');
	const { runRetention, formatRetentionReport } = await vite.ssrLoadModule(
		'/src/lib/server/retention.ts'
	);
	const db = await getDb();
	try {
		const report = await runRetention(db, { dryRun });
		for (const line of formatRetentionReport(report)) console.log(line);
	} finally {
		await db.close();
	}
} catch (e) {
	// A configuration refusal names the variable (src/lib/server/config.ts); no stack needed.
	const err = e as Error;
	console.error(
		err?.name === 'ConfigError' ? `Retention cannot run: ${err.message}` : (err?.stack ?? err)
	);
	status = 1;
} finally {
	await vite.close();
}
process.exit(status);
