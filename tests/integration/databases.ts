import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { openPglite } from '../../src/lib/server/db/pglite';
import { openPostgres } from '../../src/lib/server/db/postgres';

type Kind = 'pglite' | 'postgres';

async function openTestDatabase(kind: Kind): Promise<{ db: Database; close(): Promise<void> }> {
	if (kind === 'pglite') {
		const dump = new Blob([readFileSync(inject('pgliteDump'))]);
		const db = new Database(await openPglite(undefined, dump));
		return { db, close: () => db.close() };
	}
	const url = process.env.TEST_DATABASE_URL!;
	const template = inject('postgresTemplate')!;
	const name = `talkoot_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name} template ${template}`);
	const target = new URL(url);
	target.pathname = `/${name}`;
	const db = new Database(openPostgres(target.href, 4));
	return {
		db,
		async close() {
			await db.close();
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}

let reasonPrinted = false;

/**
 * Runs a suite against a migrated real Postgres only (TEST_DATABASE_URL), for what only
 * Postgres shows: its query plans at a realistic size, which PGlite (single process, in
 * memory) takes minutes to fill. Without the variable it is skipped, saying why.
 */
export function describePostgres(title: string, suite: (db: () => Database) => void) {
	const run = process.env.TEST_DATABASE_URL ? describe : describe.skip;
	run(`${title} [postgres]`, () => {
		let handle: Awaited<ReturnType<typeof openTestDatabase>>;
		beforeAll(async () => {
			handle = await openTestDatabase('postgres');
		});
		afterAll(async () => {
			await handle?.close();
		});
		suite(() => handle.db);
	});
}

/**
 * Runs the same suite against a migrated PGlite and a migrated real Postgres
 * (TEST_DATABASE_URL). Without that variable the Postgres half is skipped, saying why.
 */
export function describeEachDatabase(title: string, suite: (db: () => Database) => void) {
	const postgresAvailable = Boolean(process.env.TEST_DATABASE_URL);
	if (!postgresAvailable && !reasonPrinted) {
		reasonPrinted = true;
		console.warn('Postgres half skipped: TEST_DATABASE_URL is not set.');
	}
	for (const kind of ['pglite', 'postgres'] as const) {
		const run = kind === 'pglite' || postgresAvailable ? describe : describe.skip;
		run(`${title} [${kind}]`, () => {
			let handle: Awaited<ReturnType<typeof openTestDatabase>>;
			beforeAll(async () => {
				handle = await openTestDatabase(kind);
			});
			afterAll(async () => {
				await handle?.close();
			});
			suite(() => handle.db);
		});
	}
}
