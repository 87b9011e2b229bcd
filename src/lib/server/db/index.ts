import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { config } from '../config';
import { log } from '../log';
import { Database } from './database';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import { seedDemo } from '../seed';

export { Database, type Principal } from './database';
export type { Queryable } from './driver';

async function open(): Promise<Database> {
	let driver;
	if (config.DATABASE_URL) {
		driver = openPostgres(config.DATABASE_URL);
		log.info('database: postgres (DATABASE_URL)');
	} else {
		const dir = resolve(config.DATA_DIR, 'pgdata');
		mkdirSync(config.DATA_DIR, { recursive: true });
		driver = await openPglite(dir);
		log.info({ dir }, 'database: embedded PGlite');
	}
	const applied = await migrate(driver);
	if (applied.length) log.info({ applied }, 'migrations applied');
	const db = new Database(driver);
	if (config.seedDemo) await seedDemo(db, config.DEMO_PASSWORD);
	return db;
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

export const dataPath = (...parts: string[]) => join(resolve(config.DATA_DIR), ...parts);
