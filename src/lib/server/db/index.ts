import { mkdirSync } from 'node:fs';
import { config, dataPath } from '../config';
import { log } from '../log';
import { Database } from './database';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export { Database, type Principal } from './database';
export type { Queryable } from './driver';

/**
 * Opens the database (DATABASE_URL, else the embedded PGlite under DATA_DIR) and applies
 * the migrations; nothing else. Demo data is seeded by the entry point
 * (hooks.server.ts `init`), so the database layer depends on no capability.
 */
async function open(): Promise<Database> {
	let driver;
	if (config.DATABASE_URL) {
		driver = openPostgres(config.DATABASE_URL);
		log.info('database: postgres (DATABASE_URL)');
	} else {
		const dir = dataPath('pgdata');
		mkdirSync(config.DATA_DIR, { recursive: true });
		driver = await openPglite(dir);
		log.info({ dir }, 'database: embedded PGlite');
	}
	const applied = await migrate(driver);
	if (applied.length) log.info({ applied }, 'migrations applied');
	return new Database(driver);
}

// One database per process, shared by SvelteKit and socket.io, and kept across
// Vite's hot reloads (PGlite allows a single opener of its data directory).
const KEY = Symbol.for('talkoot.database');
type WithDb = typeof globalThis & { [KEY]?: Promise<Database> };

export function getDb(): Promise<Database> {
	const g = globalThis as WithDb;
	g[KEY] ??= open().catch((e) => {
		delete g[KEY];
		throw e;
	});
	return g[KEY];
}
