import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { Database, Principal } from '../../src/lib/server/db/database';
import { addWorkEntry } from '../../src/lib/server/work-history';
import { describeEachDatabase } from './databases';
import { createChallenge, createOrganisation, createUser, workEntry } from './fixtures';

/**
 * Storage policies of Supabase mode (20261209006100_supabase_auth_storage.sql). On plain
 * Postgres the migration skips them (no storage schema); here a minimal storage schema, the
 * columns the policies and buckets touch and Supabase's grants, stands in for Supabase
 * Storage's tables, and the same install function the migration calls is run on it. Then
 * a file is seen with the token of exactly who sees the row that names it.
 */
const MINIMAL_STORAGE = `
  create schema storage;
  grant usage on schema storage to anon, authenticated, service_role;
  create table storage.buckets (
    id text primary key, name text not null, public boolean not null default false,
    file_size_limit bigint, allowed_mime_types text[]);
  create table storage.objects (
    id uuid primary key default gen_random_uuid(),
    bucket_id text references storage.buckets (id), name text not null, owner uuid,
    created_at timestamptz not null default now(), unique (bucket_id, name));
  alter table storage.objects enable row level security;
  grant select on storage.buckets to anon, authenticated;
  grant select, insert, update, delete on storage.objects to anon, authenticated, service_role;`;

const key = (ext = 'pdf') => `${randomUUID()}.${ext}`;

async function visible(db: Database, who: Principal, bucket: string, name: string) {
	const rows = await db.as(who, (tx) =>
		tx.query('select 1 from storage.objects where bucket_id = $1 and name = $2', [bucket, name])
	);
	return rows.length === 1;
}

async function outcome(run: () => Promise<unknown>): Promise<string> {
	try {
		await run();
		return 'ok';
	} catch (e) {
		return (e as { code?: string }).code ?? String(e);
	}
}

describeEachDatabase('Supabase storage policies without a storage schema', (db) => {
	it('are skipped cleanly where there is no storage schema, and nothing else is left', async () => {
		const [row] = await db().service('test: storage absent', (tx) =>
			tx.query<{ objects: string | null; sessions: number }>(
				`select to_regclass('storage.objects')::text as objects,
				        (select count(*)::int from private.live_auth_sessions(array[gen_random_uuid()])) as sessions`
			)
		);
		expect(row).toEqual({ objects: null, sessions: 0 });
	});
});

describeEachDatabase('Supabase storage policies', (db) => {
	let owner: { id: string; email: string };
	let stranger: { id: string; email: string };
	let evidence: string;
	let orphan: string;
	let publishedCover: string;
	let draftCover: string;

	beforeAll(async () => {
		await db().service('test: minimal storage schema', async (tx) => {
			for (const statement of MINIMAL_STORAGE.split(';').filter((t) => t.trim()))
				await tx.query(statement);
			await tx.query('select private.install_storage_policies()');
			// Run twice, as a repeated push would: nothing changes, nothing fails.
			await tx.query('select private.install_storage_policies()');
		});
		owner = await createUser(db(), 'Olli Owner');
		stranger = await createUser(db(), 'Stina Stranger');
		evidence = key();
		orphan = key();
		await db().as({ id: owner.id }, (tx) => addWorkEntry(tx, workEntry, evidence));
		const org = await createOrganisation(db(), owner.id);
		const published = await createChallenge(db(), org.id, 'published');
		const draft = await createChallenge(db(), org.id, 'draft');
		publishedCover = key('png');
		draftCover = key('png');
		await db().service('test: covers and objects', async (tx) => {
			await tx.query('update public.challenges set cover_image = $2 where id = $1', [
				published.id,
				publishedCover
			]);
			await tx.query('update public.challenges set cover_image = $2 where id = $1', [
				draft.id,
				draftCover
			]);
			await tx.query(
				`insert into storage.objects (bucket_id, name) values
				   ('files', $1), ('files', $2), ('covers', $3), ('covers', $4)`,
				[evidence, orphan, publishedCover, draftCover]
			);
		});
	});

	it('creates a public bucket for covers and a private one for files, with their limits', async () => {
		const rows = await db().service('test: buckets', (tx) =>
			tx.query<{ id: string; public: boolean; file_size_limit: string }>(
				'select id, public, file_size_limit::text from storage.buckets order by id'
			)
		);
		expect(rows).toEqual([
			{ id: 'covers', public: true, file_size_limit: '5242880' },
			{ id: 'files', public: false, file_size_limit: '10485760' }
		]);
	});

	it('shows a private file to whoever sees the row naming it, and to nobody else', async () => {
		expect(await visible(db(), { id: owner.id }, 'files', evidence)).toBe(true);
		expect(await visible(db(), { id: stranger.id }, 'files', evidence)).toBe(false);
		expect(await visible(db(), null, 'files', evidence)).toBe(false);
		// A file no row names is nobody's to read.
		expect(await visible(db(), { id: owner.id }, 'files', orphan)).toBe(false);
	});

	it('shows a cover with its challenge: a published one to anyone, a draft only to its organisation', async () => {
		expect(await visible(db(), null, 'covers', publishedCover)).toBe(true);
		expect(await visible(db(), null, 'covers', draftCover)).toBe(false);
		expect(await visible(db(), { id: stranger.id }, 'covers', draftCover)).toBe(false);
		expect(await visible(db(), { id: owner.id }, 'covers', draftCover)).toBe(true);
	});

	it('lets nobody write objects with a user token: the app writes with the service role', async () => {
		for (const who of [{ id: owner.id }, null] as Principal[]) {
			expect(
				await outcome(() =>
					db().as(who, (tx) =>
						tx.query(`insert into storage.objects (bucket_id, name) values ('files', $1)`, [key()])
					)
				)
			).toBe('42501');
			const removed = await db().as(who, (tx) =>
				tx.query('delete from storage.objects where name = $1 returning name', [evidence])
			);
			expect(removed).toEqual([]);
		}
	});

	it('tells live Supabase sessions from ended ones where auth.sessions exists', async () => {
		const [live, ended, expired] = [randomUUID(), randomUUID(), randomUUID()];
		const ids = await db().service('test: auth.sessions', async (tx) => {
			await tx.query(`create table auth.sessions (
			  id uuid primary key, user_id uuid not null, not_after timestamptz)`);
			await tx.query(
				`insert into auth.sessions (id, user_id, not_after) values
				   ($1, $3, null), ($2, $3, now() - interval '1 minute')`,
				[live, expired, owner.id]
			);
			return tx.query<{ id: string }>(
				'select id::text from private.live_auth_sessions($1::uuid[]) id',
				[[live, ended, expired]]
			);
		});
		expect(ids.map((r) => r.id)).toEqual([live]);
		expect(
			await outcome(() =>
				db().as({ id: owner.id }, (tx) =>
					tx.query('select private.live_auth_sessions(array[gen_random_uuid()])')
				)
			)
		).toBe('42501');
	});
});
