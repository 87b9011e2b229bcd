import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import postgres from 'postgres';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { openPglite } from '../../src/lib/server/db/pglite';
import { openPostgres } from '../../src/lib/server/db/postgres';
import { getStorage, LocalStorage } from '../../src/lib/server/storage';
import {
	formatRetentionReport,
	runRetention,
	startRetentionSchedule
} from '../../src/lib/server/retention';
import {
	addHelsinkiMonths,
	RETENTION_KEPT_COLUMNS,
	RETENTION_PURGED_COLUMNS,
	retentionClosesAt,
	selectedApplications,
	type GateDecision
} from '../../src/lib/domain/retention';
import { PERSONAL_COLUMNS } from '../../src/lib/domain/personal-data';
import { describeEachDatabase, describePostgres } from './databases';
import { sqlAnswers } from './parity';
import { createScreeningScenario } from './screening-fixtures';
import { createTeamWith } from './application-fixtures';
import { createChallenge, createOrganisation, createUser } from './fixtures';

/**
 * Retention (issue 15; supabase/migrations/20261209004100_retention.sql, the job in
 * src/lib/server/retention.ts): the personal data in the applications of teams not
 * selected goes RETENTION_MONTHS after the challenge closed, the record stays, what went is
 * logged without the data; audit entries go after AUDIT_RETENTION_MONTHS.
 */

const settings = (months: number, auditMonths = 1200) => ({
	months,
	auditMonths,
	scheduled: false
});
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

/**
 * The screening scenario, its challenge closed 30 months ago: the timetable and the record
 * moved back (the record guards are held off for this fixture only), and a selection
 * decision published then that chose team B's application and not team A's. Team A's
 * document has a stored file in `storage`.
 */
async function closedLongAgo(db: Database, storage: LocalStorage) {
	const s = await createScreeningScenario(db);
	const selection = await db.service('test fixture: the record 30 months ago', async (tx) => {
		await tx.query(`set local session_replication_role = replica`);
		await tx.query(
			`update public.challenge_stages
			 set starts_at = now() - interval '33 months', ends_at = now() - interval '31 months'
			 where challenge_id = $1`,
			[s.challenge.id]
		);
		await tx.query(
			`update public.decisions set published_at = now() - interval '31 months'
			 where challenge_id = $1 and published_at is not null`,
			[s.challenge.id]
		);
		const [d] = await tx.query<{ id: string }>(
			`insert into public.decisions (challenge_id, stage, decided_on, published_at, signatory)
			 values ($1, 'selection', (now() - interval '30 months')::date, now() - interval '30 months',
			         'Director') returning id`,
			[s.challenge.id]
		);
		await tx.query(
			`insert into public.decision_items (decision_id, application_id, team_name, chosen, rank, reason)
			 select $1, a.id, t.name, a.id = $3, case when a.id = $3 then 1 else 2 end, 'Compared.'
			 from public.applications a join public.teams t on t.id = a.team_id
			 where a.challenge_id = $2 and a.status = 'submitted'`,
			[d.id, s.challenge.id, s.appB.id]
		);
		return d.id;
	});
	const keys = await db.service('test: document keys', (tx) =>
		tx.query<{ application_id: string; file_key: string }>(
			`select application_id, file_key from public.application_documents
			 where application_id = any($1::uuid[])`,
			[[s.appA.id, s.appB.id, s.draftA.id]]
		)
	);
	const keyOf = (id: string) => keys.find((k) => k.application_id === id)!.file_key;
	for (const k of keys) await storage.write({ key: k.file_key, bytes: PDF });
	return {
		...s,
		selection,
		fileA: keyOf(s.appA.id),
		fileB: keyOf(s.appB.id),
		fileDraft: keyOf(s.draftA.id)
	};
}

/** What the purge may touch of one application, as a comparable object. */
async function stateOf(db: Database, applicationId: string) {
	const [row] = await db.service('test: application state', (tx) =>
		tx.query<{
			status: string;
			digest: string | null;
			submitted_at: string | null;
			snapshot: Record<string, unknown> | null;
			documents: number;
			links: number;
			screening: number;
			items: number;
			people: number;
		}>(
			`select a.status, a.digest, a.submitted_at::text, a.snapshot,
			   (select count(*)::int from public.application_events e where e.application_id = a.id and e.by is not null)
			     + (a.updated_by is not null)::int + (a.submitted_by is not null)::int as people,
			   (select count(*)::int from public.application_documents d where d.application_id = a.id) as documents,
			   (select count(*)::int from public.application_work_entries w where w.application_id = a.id) as links,
			   (select count(*)::int from public.screening_decisions s where s.application_id = a.id) as screening,
			   (select count(*)::int from public.decision_items i where i.application_id = a.id) as items
			 from public.applications a where a.id = $1`,
			[applicationId]
		)
	);
	return row;
}

const auditOf = (db: Database, action: string) =>
	db.service('test: audit entries', (tx) =>
		tx.query<{ id: string; details: Record<string, unknown> }>(
			`select l.id::text as id, l.details from public.audit_log l where l.action = $1 order by l.id`,
			[action]
		)
	);

describeEachDatabase('retention', (db) => {
	// Local mode: the files are on disk (the Storage interface does not say where).
	const storage = getStorage('private') as LocalStorage;
	let s: Awaited<ReturnType<typeof closedLongAgo>>;

	beforeAll(async () => {
		s = await closedLongAgo(db(), storage);
	});

	it('leaves a challenge that closed less than the months ago alone', async () => {
		const before = await stateOf(db(), s.appA.id);
		const report = await runRetention(db(), { settings: settings(36) });
		expect(report.items).toEqual([]);
		expect(await stateOf(db(), s.appA.id)).toEqual(before);
		expect(existsSync(join(storage.root, s.fileA))).toBe(true);
	});

	it('a dry run lists the application of the team not selected and changes nothing', async () => {
		const before = await Promise.all([s.appA.id, s.appB.id].map((id) => stateOf(db(), id)));
		const runs = (await auditOf(db(), 'retention_run')).length;
		const report = await runRetention(db(), { dryRun: true, settings: settings(24) });
		expect(report.items).toEqual([
			expect.objectContaining({
				challengeId: s.challenge.id,
				teamId: s.teamA.id,
				applicationId: s.appA.id,
				status: 'submitted',
				documents: 1,
				workEntries: 2,
				members: 2,
				workHistory: 2,
				commonProjects: 2,
				files: [s.fileA]
			})
		]);
		expect(await Promise.all([s.appA.id, s.appB.id].map((id) => stateOf(db(), id)))).toEqual(
			before
		);
		expect((await auditOf(db(), 'retention_run')).length).toBe(runs);
		expect(existsSync(join(storage.root, s.fileA))).toBe(true);
		const text = formatRetentionReport(report).join('\n');
		expect(text).toContain(s.appA.id);
		expect(text).toContain('Would purge: 1 application in 1 challenge');
	});

	it('purges exactly that application’s personal data and files; the record stays', async () => {
		const beforeA = await stateOf(db(), s.appA.id);
		const beforeB = await stateOf(db(), s.appB.id);
		const report = await runRetention(db(), { settings: settings(24) });
		expect(report.items.map((i) => i.applicationId)).toEqual([s.appA.id]);
		expect(report.filesRemoved).toBe(1);

		const a = await stateOf(db(), s.appA.id);
		expect(a).toMatchObject({
			status: 'submitted',
			digest: beforeA.digest,
			submitted_at: beforeA.submitted_at,
			documents: 0,
			links: 0,
			people: 0,
			screening: 1,
			items: beforeA.items
		});
		expect(beforeA.items).toBe(2); // the screening decision's and the selection's
		expect(beforeA.people).toBeGreaterThan(0);
		const snap = a.snapshot as Record<string, unknown> & { team: Record<string, unknown> };
		const was = beforeA.snapshot as typeof snap;
		expect(snap.team).toEqual({ ...was.team, members: [] });
		expect(snap).toMatchObject({
			submittedBy: null,
			workHistory: [],
			commonProjects: [],
			documents: [],
			ideas: was.ideas,
			answers: was.answers,
			rules: was.rules
		});
		expect(typeof snap.personalDataPurgedAt).toBe('string');
		const text = JSON.stringify(snap);
		for (const gone of [
			'Leo Lead',
			'Maija Member',
			s.lead.id,
			s.member.id,
			'insurance.pdf',
			'Acme Oy'
		])
			expect(text).not.toContain(gone);
		expect(existsSync(join(storage.root, s.fileA))).toBe(false);

		// The selected team's application, the draft elsewhere and the members' own work
		// history are untouched.
		expect(await stateOf(db(), s.appB.id)).toEqual(beforeB);
		expect(existsSync(join(storage.root, s.fileB))).toBe(true);
		expect(existsSync(join(storage.root, s.fileDraft))).toBe(true);
		const [kept] = await db().service('test: work history', (tx) =>
			tx.query<{ n: number }>(
				'select count(*)::int as n from public.work_entries where id = any($1::uuid[])',
				[[s.leadEntry, s.memberEntry]]
			)
		);
		expect(kept.n).toBe(2);

		// One audit entry with the counts and ids, none of the data.
		const [entry] = (await auditOf(db(), 'retention_run')).slice(-1);
		expect(entry.details).toMatchObject({
			months: 24,
			applications: 1,
			challenges: 1,
			documents: 1,
			workEntryLinks: 2,
			snapshotMembers: 2,
			snapshotWorkHistory: 2,
			snapshotCommonProjects: 2,
			applicationIds: [s.appA.id]
		});
		const logged = JSON.stringify(entry.details);
		for (const gone of ['Leo Lead', 'Maija Member', 'insurance.pdf', s.fileA])
			expect(logged).not.toContain(gone);
	});

	it('a second run purges nothing new', async () => {
		const before = await stateOf(db(), s.appA.id);
		const report = await runRetention(db(), { settings: settings(24) });
		expect(report.items).toEqual([]);
		expect(await stateOf(db(), s.appA.id)).toEqual(before);
		const [entry] = (await auditOf(db(), 'retention_run')).slice(-1);
		expect(entry.details).toMatchObject({ applications: 0, applicationIds: [] });
	});

	it('deletes audit entries older than the audit months, keeps newer ones, and says so', async () => {
		const ids = await db().service('test fixture: old audit entries', (tx) =>
			tx.query<{ id: string }>(
				`insert into public.audit_log (occurred_at, action, target_kind, details)
				 values (now() - interval '25 months', 'sign_in', 'user', '{}'),
				        (now() - interval '23 months', 'sign_in', 'user', '{}')
				 returning id::text`
			)
		);
		const dry = await runRetention(db(), { dryRun: true, settings: settings(24, 24) });
		expect(dry.auditEntries).toBeGreaterThanOrEqual(1);
		const report = await runRetention(db(), { settings: settings(24, 24) });
		expect(report.auditEntries).toBe(dry.auditEntries);
		const left = await db().service('test: audit entries left', (tx) =>
			tx.query<{ id: string }>(
				'select id::text from public.audit_log where id = any($1::bigint[])',
				[ids.map((i) => i.id)]
			)
		);
		expect(left.map((r) => r.id)).toEqual([ids[1].id]);
		const [purge] = (await auditOf(db(), 'audit_purge')).slice(-1);
		expect(purge.details).toEqual({ months: 24, entries: report.auditEntries });
	});

	it('refuses months below one', async () => {
		await expect(runRetention(db(), { settings: settings(0) })).rejects.toMatchObject({
			hint: 'retention_months'
		});
	});

	it('the database counts Helsinki calendar months as the domain rule does (parity)', async () => {
		const cases = fc.sample(
			fc.record({
				closes: fc.date({
					min: new Date('2000-01-01T00:00:00Z'),
					max: new Date('2090-01-01T00:00:00Z'),
					noInvalidDate: true
				}),
				months: fc.integer({ min: 1, max: 240 })
			}),
			{ numRuns: 300, seed: 15 }
		);
		// The clocks' turns and month ends, where the two could part.
		for (const closes of [
			'2025-03-29T01:30:00Z',
			'2026-01-29T01:30:00Z',
			'2026-09-25T00:30:00Z',
			'2027-01-31T22:30:00Z',
			'2024-02-29T12:00:00Z'
		])
			for (const months of [1, 2, 12, 13, 24]) cases.push({ closes: new Date(closes), months });
		const answers = await sqlAnswers<string>(
			db(),
			`to_char(((c ->> 'closes')::timestamptz at time zone 'Europe/Helsinki'
			   + make_interval(months => (c ->> 'months')::int)) at time zone 'Europe/Helsinki'
			   at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
			cases
		);
		expect(answers).toEqual(cases.map((c) => addHelsinkiMonths(c.closes, c.months).toISOString()));
		const due = await sqlAnswers<boolean>(
			db(),
			`private.retention_due((c ->> 'closes')::timestamptz, (c ->> 'months')::int,
			   (c ->> 'now')::timestamptz)`,
			cases.flatMap((c) => {
				const end = addHelsinkiMonths(c.closes, c.months);
				return [-1, 0].map((d) => ({ ...c, now: new Date(end.getTime() + d) }));
			})
		);
		expect(due).toEqual(cases.flatMap(() => [false, true]));
	});
});

/** A stored-file key as the storages issue them. */
const fileKey = () => `${crypto.randomUUID()}.pdf`;

/**
 * The later stages of `app` (team `by`'s): a concept with a saved version, a link and an
 * attachment, a submitted final tender, a proof of concept with an accepted milestone, its
 * event and an evidence file, a production target, an outcome report with its review, and a
 * late submission attempt. Written with the triggers held off (a fixture, not a path); the
 * two files are in `storage`.
 */
async function laterStages(
	db: Database,
	storage: LocalStorage,
	challengeId: string,
	app: { id: string; teamId: string },
	by: { id: string; name: string }
) {
	const attachment = fileKey();
	const evidence = fileKey();
	const ids = await db.service('test fixture: the later stages', async (tx) => {
		await tx.query(`set local session_replication_role = replica`);
		const one = async (sql: string, params: unknown[]) =>
			(await tx.query<{ id: string }>(sql, params))[0]?.id;
		const concept = await one(
			`insert into public.concepts (challenge_id, team_id, application_id, version, title, updated_by)
			 values ($1, $2, $3, 1, 'Concept', $4) returning id`,
			[challengeId, app.teamId, app.id, by.id]
		);
		await tx.query(
			`insert into public.concept_versions (concept_id, version, title, summary, description, plan, budget, saved_by)
			 values ($1, 1, 'Concept', '', '', '', '[]', $2)`,
			[concept, by.id]
		);
		await tx.query(
			`insert into public.concept_links (concept_id, kind, application_id, idea_position, label, lang, linked_by)
			 values ($1, 'idea', $2, 1, 'Idea one', 'fi', $3)`,
			[concept, app.id, by.id]
		);
		await tx.query(
			`insert into public.concept_attachments (concept_id, file_key, file_name, mime, size, uploaded_by)
			 values ($1, $2, 'budget-by-name.pdf', 'application/pdf', 15, $3)`,
			[concept, attachment, by.id]
		);
		const snapshot = {
			concept,
			team: { id: app.teamId, name: 'Team' },
			title: 'Concept',
			attachments: [{ fileKey: attachment, fileName: 'budget-by-name.pdf', size: 15 }],
			submittedBy: by.id
		};
		const tender = await one(
			`insert into public.final_tenders (concept_id, challenge_id, team_id, version, snapshot, digest, submitted_at, submitted_by)
			 values ($1, $2, $3, 1, $4, repeat('a', 64), now() - interval '32 months', $5) returning id`,
			[concept, challengeId, app.teamId, snapshot, by.id]
		);
		const poc = await one(
			`insert into public.proofs_of_concept (challenge_id, concept_id, started_by) values ($1, $2, $3) returning id`,
			[challengeId, concept, by.id]
		);
		const milestone = await one(
			`insert into public.poc_milestones (poc_id, title, due_on, status, reviewed_at, reviewed_by, created_by, updated_by)
			 values ($1, 'Pilot', date '2024-01-01', 'accepted', now(), $2, $2, $2) returning id`,
			[poc, by.id]
		);
		await tx.query(
			`insert into public.poc_milestone_events (milestone_id, step, to_status, by, by_name)
			 values ($1, 'plan', 'planned', $2, $3)`,
			[milestone, by.id, by.name]
		);
		await tx.query(
			`insert into public.poc_evidence_files (milestone_id, file_key, file_name, mime, size, uploaded_by)
			 values ($1, $2, 'pilot.pdf', 'application/pdf', 15, $3)`,
			[milestone, evidence, by.id]
		);
		await tx.query(
			`insert into public.production_targets (challenge_id, concept_id, clients_to_start, updated_by)
			 values ($1, $2, 10, $3)`,
			[challengeId, concept, by.id]
		);
		const report = await one(
			`insert into public.outcome_reports (concept_id, challenge_id, month, version, clients_started,
			   clients_progressed, submitted_by, submitted_by_name)
			 values ($1, $2, date '2024-01-01', 1, 1, 1, $3, $4) returning id`,
			[concept, challengeId, by.id, by.name]
		);
		await tx.query(
			`insert into public.outcome_report_reviews (report_id, verdict, reviewed_by, reviewed_by_name)
			 values ($1, 'confirmed', $2, $3)`,
			[report, by.id, by.name]
		);
		await tx.query(
			`insert into public.late_submission_attempts (challenge_id, application_id, team_id, team_name,
			   attempted_by, attempted_by_name, attempted_at, deadline)
			 values ($1, $2, $3, 'Team', $4, $5, now() - interval '40 months', now() - interval '41 months')`,
			[challengeId, app.id, app.teamId, by.id, by.name]
		);
		return { concept, tender, poc, milestone, report };
	});
	for (const key of [attachment, evidence]) await storage.write({ key, bytes: PDF });
	return { ...ids, attachment, evidence };
}

/**
 * The values of the purged columns (RETENTION_PURGED_COLUMNS) in the record grown from the
 * application: `table.column` → the values still there (ids, names, and for the snapshots
 * whether they are purged), rows gone counted as none.
 */
async function purgedColumnValues(db: Database, applicationId: string) {
	// How each table's rows hang off the application: the column naming its parent, and the
	// parent (concepts name the application itself).
	const parent: Record<string, [string, string]> = {
		applications: ['id', ''],
		application_documents: ['application_id', ''],
		application_events: ['application_id', ''],
		late_submission_attempts: ['application_id', ''],
		concepts: ['application_id', ''],
		concept_versions: ['concept_id', 'concepts'],
		concept_links: ['concept_id', 'concepts'],
		concept_attachments: ['concept_id', 'concepts'],
		final_tenders: ['concept_id', 'concepts'],
		proofs_of_concept: ['concept_id', 'concepts'],
		production_targets: ['concept_id', 'concepts'],
		outcome_reports: ['concept_id', 'concepts'],
		poc_milestones: ['poc_id', 'proofs_of_concept'],
		poc_milestone_events: ['milestone_id', 'poc_milestones'],
		poc_evidence_files: ['milestone_id', 'poc_milestones'],
		outcome_report_reviews: ['report_id', 'outcome_reports']
	};
	const where = (table: string): string => {
		const [column, up] = parent[table];
		return `${column} in (${up ? `select id from public.${up} where ${where(up)}` : 'select $1::uuid'})`;
	};
	return db.service('test: the purged columns', async (tx) => {
		const held: Record<string, unknown[]> = {};
		for (const name of RETENTION_PURGED_COLUMNS) {
			const [, table, column] = name.split('.');
			expect(parent[table], `how ${table} hangs off the application`).toBeDefined();
			const rows = await tx.query<Record<string, unknown>>(
				`select * from public.${table} where ${where(table)}`,
				[applicationId]
			);
			held[`${table}.${column}`] = rows
				.map((r) => r[column])
				.map((v) =>
					v && typeof v === 'object' && !(v instanceof Date)
						? { purged: 'personalDataPurgedAt' in v }
						: v
				)
				.filter((v) => v !== null && v !== '');
		}
		return held;
	});
}

describeEachDatabase('retention of the later stages', (db) => {
	const storage = getStorage('private') as LocalStorage;

	it('every map column of applications, concepts and production is purged or kept for a reason', () => {
		const mapped = PERSONAL_COLUMNS.filter((c) =>
			['applications', 'concepts', 'production'].includes(c.category)
		).map((c) => `${c.table}.${c.column}`);
		expect(
			mapped.filter((c) => !RETENTION_PURGED_COLUMNS.includes(c) && !(c in RETENTION_KEPT_COLUMNS))
		).toEqual([]);
		const all = PERSONAL_COLUMNS.map((c) => `${c.table}.${c.column}`);
		expect(RETENTION_PURGED_COLUMNS.filter((c) => !all.includes(c))).toEqual([]);
	});

	it('purges the concept, tenders and proof of concept of the team not selected, and their files', async () => {
		const s = await closedLongAgo(db(), storage);
		// Team A not selected, team B selected: the same later stages for both.
		const stages: Awaited<ReturnType<typeof laterStages>>[] = [];
		for (const [app, team, by, name] of [
			[s.appA, s.teamA, s.lead, 'Leo Lead'],
			[s.appB, s.teamB, s.otherTeam, 'Bea Bteam']
		] as const)
			stages.push(
				await laterStages(
					db(),
					storage,
					s.challenge.id,
					{ id: app.id, teamId: team.id },
					{ id: by.id, name }
				)
			);
		const [a, b] = stages;
		const beforeB = await purgedColumnValues(db(), s.appB.id);
		const dry = await runRetention(db(), { dryRun: true, settings: settings(24) });
		expect(dry.items).toEqual([
			expect.objectContaining({
				applicationId: s.appA.id,
				attachments: 1,
				evidenceFiles: 1,
				tenders: 1,
				files: [s.fileA, a.attachment, a.evidence].sort()
			})
		]);

		const report = await runRetention(db(), { settings: settings(24) });
		expect(report.items.map((i) => i.applicationId)).toEqual([s.appA.id]);
		expect(report.filesRemoved).toBe(3);
		const left = await purgedColumnValues(db(), s.appA.id);
		expect(
			Object.entries(left).filter(([, v]) => v.some((x) => !(x as { purged?: boolean })?.purged))
		).toEqual([]);
		for (const key of [s.fileA, a.attachment, a.evidence])
			expect(existsSync(join(storage.root, key)), key).toBe(false);

		// The record stays: the rows, their text, the tender's digest.
		const [kept] = await db().service('test: the record kept', (tx) =>
			tx.query<{
				title: string;
				versions: number;
				digest: string;
				milestone: string;
				tender: { submittedBy: null; attachments: [] };
			}>(
				`select c.title, (select count(*)::int from public.concept_versions v where v.concept_id = c.id) as versions,
				   f.digest, f.snapshot as tender, (select m.title from public.poc_milestones m where m.id = $2) as milestone
				 from public.concepts c join public.final_tenders f on f.concept_id = c.id where c.id = $1`,
				[a.concept, a.milestone]
			)
		);
		expect(kept).toMatchObject({
			title: 'Concept',
			versions: 1,
			digest: 'a'.repeat(64),
			milestone: 'Pilot',
			tender: { submittedBy: null, attachments: [], title: 'Concept' }
		});
		expect(JSON.stringify(kept.tender)).not.toContain('budget-by-name.pdf');

		// The selected team's later stages are untouched.
		expect(await purgedColumnValues(db(), s.appB.id)).toEqual(beforeB);
		for (const key of [b.attachment, b.evidence])
			expect(existsSync(join(storage.root, key)), key).toBe(true);

		const [entry] = (await auditOf(db(), 'retention_run')).slice(-1);
		expect(entry.details).toMatchObject({
			conceptAttachments: 1,
			evidenceFiles: 1,
			finalTenders: 1
		});
		expect((await runRetention(db(), { settings: settings(24) })).items).toEqual([]);
	});
});

type Gate = Omit<GateDecision, 'id' | 'replaces' | 'items'> & {
	/** Index of the decision it replaces; items by application index. */
	replaces?: number;
	chosen: number[];
	notChosen: number[];
	/** What the items are: the applications, or the final tenders or concepts grown from them. */
	via?: 'application' | 'final_tender' | 'concept';
};

const gate = (
	stage: Gate['stage'],
	kind: Gate['kind'],
	published: string | null,
	chosen: number[],
	notChosen: number[] = [],
	replaces?: number,
	via: Gate['via'] = 'application'
): Gate => ({
	stage,
	kind,
	publishedAt: published ? new Date(published) : null,
	chosen,
	notChosen,
	replaces,
	via
});

/** Decision histories where the rule could go wrong: fallbacks, corrections, voids, drafts. */
const HISTORIES: Gate[][] = [
	[],
	[gate('screening', 'decision', '2024-01-01', [0, 1, 2])],
	[
		gate('shortlisting', 'decision', '2024-01-01', [0, 1], [2]),
		gate('selection', 'decision', '2024-03-01', [1], [0])
	],
	[
		gate('shortlisting', 'decision', '2024-01-01', [0, 1], [2]),
		gate('selection', 'decision', null, [1], [0])
	],
	[
		gate('selection', 'decision', '2024-03-01', [0], [1]),
		gate('selection', 'correction', '2024-04-01', [1], [0], 0)
	],
	[
		gate('shortlisting', 'decision', '2024-01-01', [2], [0]),
		gate('selection', 'decision', '2024-03-01', [0], [1]),
		gate('selection', 'void', '2024-04-01', [], [], 1)
	],
	[
		gate('selection', 'decision', '2024-03-01', [2], [1]),
		gate('proof_of_concept', 'decision', '2024-06-01', [], [2])
	],
	// Selection among final tenders, corrected among concepts: each stands for the
	// application its concept grew from.
	[
		gate('shortlisting', 'decision', '2024-01-01', [0, 1, 2]),
		gate('selection', 'decision', '2024-03-01', [1], [0, 2], undefined, 'final_tender')
	],
	[
		gate('shortlisting', 'decision', '2024-01-01', [0, 1], [2]),
		gate('selection', 'decision', '2024-03-01', [0], [1], undefined, 'final_tender'),
		gate('selection', 'correction', '2024-04-01', [1], [0], 1, 'concept')
	]
];

describeEachDatabase('retention rule parity', (db) => {
	it('closes and selects in SQL as src/lib/domain/retention.ts does', async () => {
		const owner = await createUser(db(), 'Parity Owner');
		const org = await createOrganisation(db(), owner.id);
		for (const history of HISTORIES) {
			const challenge = await createChallenge(db(), org.id, 'published');
			const apps: string[] = [];
			for (let i = 0; i < 3; i++) {
				const team = await createTeamWith(db(), owner.id);
				const [row] = await db().service('test fixture: application', (tx) =>
					tx.query<{ id: string }>(
						'insert into public.applications (challenge_id, team_id) values ($1, $2) returning id',
						[challenge.id, team.id]
					)
				);
				apps.push(row.id);
			}
			const decisions: GateDecision[] = await db().service('test fixture: history', async (tx) => {
				await tx.query(`set local session_replication_role = replica`);
				await tx.query(
					`insert into public.challenge_stages (challenge_id, stage, starts_at, ends_at)
					 values ($1, 'applications', '2023-01-01', '2023-12-01')`,
					[challenge.id]
				);
				// Each application's concept and final tender, for the items that are those.
				const grown: Record<string, string>[] = [];
				for (const [i, app] of apps.entries()) {
					const [c] = await tx.query<{ id: string }>(
						`insert into public.concepts (challenge_id, team_id, application_id)
						 select challenge_id, team_id, id from public.applications where id = $1 returning id`,
						[app]
					);
					const [f] = await tx.query<{ id: string }>(
						`insert into public.final_tenders (concept_id, challenge_id, team_id, version, snapshot, digest)
						 select $1, challenge_id, team_id, 1, '{}', repeat($2, 64) from public.concepts where id = $1
						 returning id`,
						[c.id, String(i)]
					);
					grown.push({ concept: c.id, final_tender: f.id });
				}
				const made: GateDecision[] = [];
				for (const g of history) {
					const replaces = g.replaces === undefined ? null : made[g.replaces].id;
					const [d] = await tx.query<{ id: string }>(
						`insert into public.decisions (challenge_id, stage, kind, replaces, decided_on, published_at)
						 values ($1, $2, $3, $4, $5::timestamptz::date, $5) returning id`,
						[challenge.id, g.stage, g.kind, replaces, g.publishedAt]
					);
					const items = [
						...g.chosen.map((i) => ({ applicationId: apps[i], chosen: true })),
						...g.notChosen.map((i) => ({ applicationId: apps[i], chosen: false }))
					];
					const via = g.via ?? 'application';
					for (const item of items) {
						const i = apps.indexOf(item.applicationId);
						await tx.query(
							`insert into public.decision_items (decision_id, item_kind, application_id, final_tender_id, concept_id, chosen)
							 values ($1, $2, $3, $4, $5, $6)`,
							[
								d.id,
								via,
								via === 'application' ? item.applicationId : null,
								via === 'final_tender' ? grown[i].final_tender : null,
								via === 'concept' ? grown[i].concept : null,
								item.chosen
							]
						);
					}
					made.push({ ...g, id: d.id, replaces, items });
				}
				return made;
			});
			const [sql] = await db().service('test: the rule in SQL', (tx) =>
				tx.query<{ selected: string[]; closes: Date | null }>(
					`select array(select private.retention_selected($1) order by 1)::text[] as selected,
					   private.retention_closes_at($1) as closes`,
					[challenge.id]
				)
			);
			const label = JSON.stringify(history.map((g) => [g.stage, g.kind, g.replaces, g.via]));
			expect(sql.selected, label).toEqual([...selectedApplications(decisions)].sort());
			const closes = retentionClosesAt({
				published: true,
				stageEnds: [new Date('2023-12-01')],
				decisions
			});
			expect(sql.closes && new Date(sql.closes).toISOString(), label).toEqual(
				closes && closes.toISOString()
			);
		}
	});
});

describeEachDatabase('retention schedule', (db) => {
	it('runs the job after its delay and stops; is nothing when switched off', async () => {
		const count = async () => (await auditOf(db(), 'retention_run')).length;
		const off = startRetentionSchedule(db(), { ...settings(24), scheduled: false }, 1);
		await new Promise((r) => setTimeout(r, 300));
		expect(await count()).toBe(0);
		off();
		const stop = startRetentionSchedule(db(), { ...settings(24), scheduled: true }, 1);
		try {
			await expect.poll(count, { timeout: 10_000 }).toBe(1);
			// Started twice in one process (a hot reload): still one schedule.
			expect(startRetentionSchedule(db(), { ...settings(24), scheduled: true }, 1)).toBe(stop);
		} finally {
			stop();
		}
	});
});

describePostgres('retention lock', (db) => {
	it('never runs twice at once: a second instance finds the lock taken and does nothing', async () => {
		const report = await db().service('test: another instance holds the job', async (tx) => {
			await tx.query("select pg_advisory_xact_lock(hashtext('talkoot.retention'))");
			return runRetention(db(), { settings: settings(24) });
		});
		expect(report.skipped).toBe(true);
		expect(formatRetentionReport(report)).toEqual([
			'Retention: another instance is running the job; nothing done.'
		]);
		expect((await auditOf(db(), 'retention_run')).length).toBe(0);
		expect((await runRetention(db(), { settings: settings(24) })).skipped).toBe(false);
	});
});

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

/** `npm run retention -- --dry-run` as an operator runs it, with `env`. */
async function dryRunScript(env: Record<string, string>) {
	const { stdout } = await run(process.execPath, ['scripts/retention.ts', '--dry-run'], {
		cwd: ROOT,
		env: { ...process.env, ...env, LOG_LEVEL: 'warn', NODE_ENV: 'test' },
		timeout: 120_000
	});
	return stdout;
}

describe('npm run retention -- --dry-run', () => {
	it('lists what would go from the embedded database in DATA_DIR, changing nothing', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'talkoot-retention-'));
		try {
			const dump = new Blob([readFileSync(inject('pgliteDump'))]);
			let db = new Database(await openPglite(join(dir, 'pgdata'), dump));
			const s = await closedLongAgo(db, new LocalStorage(join(dir, 'private-uploads')));
			const before = await stateOf(db, s.appA.id);
			await db.close();

			const out = await dryRunScript({ DATA_DIR: dir, DATABASE_URL: '' });
			expect(out).toContain(`challenge ${s.challenge.slug}`);
			expect(out).toContain(
				`application ${s.appA.id} (submitted): 1 document, 2 work history links`
			);
			expect(out).not.toContain(s.appB.id);
			expect(out).toContain('Would purge: 1 application in 1 challenge');
			expect(out).not.toMatch(/Leo Lead|Maija Member|insurance\.pdf/);

			db = new Database(await openPglite(join(dir, 'pgdata')));
			expect(await stateOf(db, s.appA.id)).toEqual(before);
			await db.close();
			expect(existsSync(join(dir, 'private-uploads', s.fileA))).toBe(true);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}, 240_000);

	it.skipIf(!process.env.TEST_DATABASE_URL)(
		'lists what would go from DATABASE_URL [postgres]',
		async () => {
			const url = process.env.TEST_DATABASE_URL!;
			const name = `talkoot_retention_${process.pid}`;
			const admin = postgres(url, { max: 1, onnotice: () => {} });
			await admin.unsafe(`drop database if exists ${name}`);
			await admin.unsafe(`create database ${name} template ${inject('postgresTemplate')}`);
			const target = new URL(url);
			target.pathname = `/${name}`;
			const dir = mkdtempSync(join(tmpdir(), 'talkoot-retention-'));
			try {
				const db = new Database(openPostgres(target.href, 2));
				const s = await closedLongAgo(db, new LocalStorage(join(dir, 'private-uploads')));
				await db.close();
				const out = await dryRunScript({ DATABASE_URL: target.href, DATA_DIR: dir });
				expect(out).toContain(`application ${s.appA.id} (submitted)`);
				expect(out).toContain('Would purge: 1 application in 1 challenge');
			} finally {
				await admin.unsafe(`drop database if exists ${name} with (force)`);
				await admin.end();
				rmSync(dir, { recursive: true, force: true });
			}
		},
		240_000
	);
});
