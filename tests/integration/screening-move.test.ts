import { describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { migrate } from '../../src/lib/server/db/migrate';
import { PGLITE_EXTENSIONS, pgliteDriver } from '../../src/lib/server/db/pglite';
import { localMigrations, schemaMigrations } from '../../src/lib/server/db/sql-files';

/** The migration that moves screening decisions onto the decision entity (issue 13). */
const MOVE = '20261206000110';

/**
 * A database holding screening decisions before the move: migrated up to just before
 * 20261206000110_screening_decisions.sql, given decisions as record_screening and
 * withdraw_application left them, then migrated the rest of the way. Nothing may be lost.
 */
describe('screening decisions move onto the decision entity (PGlite)', () => {
	it('keeps every decision, revised and voided ones as replaced decisions', async () => {
		const pg = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
		// Up to just before the move, recorded as migrate() records it.
		await pg.exec(`create schema supabase_migrations;
			create table supabase_migrations.schema_migrations (version text primary key, statements text[], name text);
			create table supabase_migrations.local_migrations (version text primary key, statements text[], name text);`);
		for (const m of localMigrations) {
			await pg.exec(m.sql);
			await pg.query('insert into supabase_migrations.local_migrations values ($1, $2, $3)', [
				m.version,
				[m.sql],
				m.name
			]);
		}
		for (const m of schemaMigrations.filter((m) => BigInt(m.version) < BigInt(MOVE))) {
			await pg.exec(m.sql);
			await pg.query('insert into supabase_migrations.schema_migrations values ($1, $2, $3)', [
				m.version,
				[m.sql],
				m.name
			]);
		}

		// Four applications of one challenge: A eligible, B not, C revised from not to
		// eligible, D's decision voided when the team withdrew (now a draft).
		await pg.exec(`
			insert into auth.users (id, email, email_confirmed_at, raw_user_meta_data) values
			  ('00000000-0000-4000-8000-000000000001', 'owner@test.example', now(), '{"display_name": "Olga Owner"}'),
			  ('00000000-0000-4000-8000-000000000002', 'lead@test.example', now(), '{"display_name": "Leo Lead"}');
			insert into public.organisations (id, slug, name) values ('00000000-0000-4000-8000-0000000000a0', 'org-move', 'Org');
			insert into public.challenges (id, organisation_id, slug, title, status, published_at, primary_locale)
			  values ('00000000-0000-4000-8000-0000000000c0', '00000000-0000-4000-8000-0000000000a0', 'move',
			          '{"sv": "Utmaning"}', 'published', now(), 'sv');
			insert into public.teams (id, name, lead_id) select ('00000000-0000-4000-8000-0000000000b' || n)::uuid,
			  'Team ' || n, '00000000-0000-4000-8000-000000000002' from generate_series(1, 4) n;
			insert into public.applications (id, challenge_id, team_id, status, submitted_at, digest, snapshot)
			  select ('00000000-0000-4000-8000-0000000000d' || n)::uuid, '00000000-0000-4000-8000-0000000000c0',
			    ('00000000-0000-4000-8000-0000000000b' || n)::uuid,
			    case when n = 4 then 'draft' else 'submitted' end,
			    case when n < 4 then now() end, case when n < 4 then repeat('a', 64) end,
			    case when n < 4 then jsonb_build_object('team', jsonb_build_object('name', 'Snapshot ' || n)) end
			  from generate_series(1, 4) n;
			insert into public.screening_decisions (application_id, eligible, justification, decided_by, decided_by_name, decided_at, lang) values
			  ('00000000-0000-4000-8000-0000000000d1', true, 'A meets all', '00000000-0000-4000-8000-000000000001', 'Olga Owner', '2026-11-20T10:00:00Z', 'en'),
			  ('00000000-0000-4000-8000-0000000000d2', false, 'B lacks insurance', '00000000-0000-4000-8000-000000000001', 'Olga Owner', '2026-11-20T11:00:00Z', 'fi'),
			  ('00000000-0000-4000-8000-0000000000d3', true, 'C sent the certificate', '00000000-0000-4000-8000-000000000001', 'Olga Owner', '2026-11-22T09:00:00Z', 'sv');
			insert into public.screening_history (application_id, eligible, justification, decided_by, decided_by_name, decided_at, ended, ended_at, ended_by) values
			  ('00000000-0000-4000-8000-0000000000d3', false, 'C lacks a certificate', '00000000-0000-4000-8000-000000000001', 'Olga Owner', '2026-11-20T12:00:00Z', 'revised', '2026-11-22T09:00:00Z', '00000000-0000-4000-8000-000000000001'),
			  ('00000000-0000-4000-8000-0000000000d4', true, 'D looked fine', '00000000-0000-4000-8000-000000000001', 'Olga Owner', '2026-11-19T12:00:00Z', 'voided', '2026-11-21T08:00:00Z', '00000000-0000-4000-8000-000000000002'),
			  ('00000000-0000-4000-8000-0000000000d4', null, null, null, '', null, 'voided', '2026-11-18T08:00:00Z', '00000000-0000-4000-8000-000000000002');
		`);

		// The rest of the way, as the app does at start.
		const applied = await migrate(pgliteDriver(pg));
		expect(applied[0]).toBe(`${MOVE}_screening_decisions`);

		const current = await pg.query<{
			application_id: string;
			eligible: boolean;
			justification: string;
			decided_by_name: string;
			lang: string;
		}>(
			`select application_id, eligible, justification, decided_by_name, decided_at, lang
			 from public.screening_decisions order by application_id`
		);
		expect(current.rows.map((r) => [r.eligible, r.justification, r.lang])).toEqual([
			[true, 'A meets all', 'en'],
			[false, 'B lacks insurance', 'fi'],
			[true, 'C sent the certificate', 'sv']
		]);
		expect(current.rows[0].decided_by_name).toBe('Olga Owner');

		const all = await pg.query<{
			app: string;
			kind: string;
			chosen: boolean;
			reason: string;
			replaced: boolean;
			replaces_reason: string | null;
			published: boolean;
			team_name: string;
		}>(
			`select right(i.application_id::text, 2) as app, d.kind, i.chosen, i.reason,
			        exists (select 1 from public.decisions r where r.replaces = d.id) as replaced,
			        (select x.reason from public.decision_items x where x.decision_id = d.replaces) as replaces_reason,
			        d.published_at is not null as published, i.team_name
			 from public.decisions d join public.decision_items i on i.decision_id = d.id
			 where d.stage = 'screening' order by i.application_id, d.prepared_at`
		);
		expect(all.rows.every((r) => r.published)).toBe(true);
		expect(
			all.rows.map((r) => [r.app, r.kind, r.chosen, r.reason, r.replaced, r.replaces_reason])
		).toEqual([
			['d1', 'decision', true, 'A meets all', false, null],
			['d2', 'decision', false, 'B lacks insurance', false, null],
			['d3', 'decision', false, 'C lacks a certificate', true, null],
			['d3', 'correction', true, 'C sent the certificate', false, 'C lacks a certificate'],
			['d4', 'decision', true, 'D looked fine', true, null],
			['d4', 'void', false, 'withdrawn', false, 'D looked fine']
		]);
		expect(all.rows[0].team_name).toBe('Snapshot 1');
		// The history stays as it was.
		const history = await pg.query('select 1 from public.screening_history');
		expect(history.rows).toHaveLength(3);
		await pg.close();
	});
});
