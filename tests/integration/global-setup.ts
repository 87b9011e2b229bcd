import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_EXTENSIONS, pgliteDriver } from '../../src/lib/server/db/pglite';
import { openPostgres } from '../../src/lib/server/db/postgres';
import { migrate } from '../../src/lib/server/db/migrate';

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteDump: string;
		postgresTemplate: string | null;
	}
}

/**
 * Migrates one database of each kind once: a PGlite dump that every test file
 * clones (0.3 s instead of 3 s), and a Postgres template database that every test
 * file copies with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject) {
	const dir = mkdtempSync(join(tmpdir(), 'talkoot-test-'));
	const pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
	await migrate(pgliteDriver(pglite));
	const dump = await pglite.dumpDataDir('gzip');
	await pglite.close();
	const dumpPath = join(dir, 'migrated.tar.gz');
	writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
	project.provide('pgliteDump', dumpPath);

	const url = process.env.TEST_DATABASE_URL;
	let template: string | null = null;
	let admin: postgres.Sql | null = null;
	if (url) {
		template = `talkoot_template_${process.pid}`;
		admin = postgres(url, { max: 1, onnotice: () => {} });
		await admin.unsafe(`drop database if exists ${template}`);
		await admin.unsafe(`create database ${template}`);
		const target = new URL(url);
		target.pathname = `/${template}`;
		const driver = openPostgres(target.href, 1);
		await migrate(driver);
		await driver.close();
	}
	project.provide('postgresTemplate', template);

	return async () => {
		rmSync(dir, { recursive: true, force: true });
		if (admin && template) {
			await admin.unsafe(`drop database if exists ${template}`);
			await admin.end();
		}
	};
}
