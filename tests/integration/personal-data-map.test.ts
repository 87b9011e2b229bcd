import { expect, it } from 'vitest';
import { PERSONAL_COLUMNS } from '../../src/lib/domain/personal-data';
import type { Database } from '../../src/lib/server/db/database';
import { describeEachDatabase } from './databases';

/**
 * The personal data map (src/lib/domain/personal-data.ts) against the catalogue: every
 * foreign key to auth.users, and every column whose name says it holds an email address
 * or a person's name, in schemas public, private and local_auth, must be in the map, so a
 * new table that refers to a person fails here until its export and erasure are decided.
 */

/** Columns whose names look like a person's but hold a thing's name, and why. */
const NOT_A_PERSON: Record<string, string> = {
	'public.application_documents.file_name': 'an uploaded file',
	'public.concept_attachments.file_name': 'an uploaded file',
	'public.poc_evidence_files.file_name': 'an uploaded file',
	'public.poc_milestone_events.file_name': 'an uploaded file',
	'public.decision_items.team_name': 'a team, copied into the decision',
	'public.late_submission_attempts.team_name': 'a team, copied into the record'
};

const mapped = new Set(PERSONAL_COLUMNS.map((c) => `${c.table}.${c.column}`));

/** `schema.table.column` of the app's schemas' table columns that `where` picks. */
async function columnsWhere(db: Database, where: string) {
	const rows = await db.service('test: catalogue columns', (tx) =>
		tx.query<{ name: string }>(
			`select n.nspname || '.' || c.relname || '.' || a.attname as name
			 from pg_attribute a
			 join pg_class c on c.oid = a.attrelid
			 join pg_namespace n on n.oid = c.relnamespace
			 where c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
			   and n.nspname in ('public', 'private', 'local_auth') and (${where})`
		)
	);
	return rows.map((r) => r.name);
}

describeEachDatabase('personal data map', (db) => {
	it('holds every foreign key to auth.users', async () => {
		const rows = await db().service('test: foreign keys to auth.users', (tx) =>
			tx.query<{ name: string }>(
				`select n.nspname || '.' || c.relname || '.' || a.attname as name
				 from pg_constraint k
				 join pg_class c on c.oid = k.conrelid
				 join pg_namespace n on n.oid = c.relnamespace
				 join pg_attribute a on a.attrelid = c.oid and a.attnum = any (k.conkey)
				 where k.contype = 'f' and k.confrelid = 'auth.users'::regclass
				   and n.nspname in ('public', 'private', 'local_auth')`
			)
		);
		expect(rows.length).toBeGreaterThan(50);
		expect(rows.map((r) => r.name).filter((name) => !mapped.has(name))).toEqual([]);
	});

	it('holds every column named like an email address or a person’s name', async () => {
		const names = await columnsWhere(
			db(),
			`a.attname ~ '(^email$|_email$|_name$|^display_name$|^contact_)'`
		);
		expect(names.length).toBeGreaterThan(10);
		expect(names.filter((name) => !mapped.has(name) && !(name in NOT_A_PERSON))).toEqual([]);
	});

	it('names only columns that exist', async () => {
		const existing = new Set(await columnsWhere(db(), 'true'));
		expect([...mapped].filter((name) => !existing.has(name))).toEqual([]);
		expect(Object.keys(NOT_A_PERSON).filter((name) => !existing.has(name))).toEqual([]);
	});
});
