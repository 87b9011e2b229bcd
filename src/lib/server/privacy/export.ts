import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Database, Principal } from '../db/database';
import type { Queryable } from '../db';
import { recordAudit } from '../audit';
import { getStorage } from '../storage';
import {
	directCondition,
	exportPlan,
	exportedColumns,
	qualified,
	type ExportFile
} from '$lib/domain/data-export';
import type { PersonalDataCategory } from '$lib/domain/personal-data';

/*
 * "Download my data" (GDPR Art. 15 access and Art. 20 portability, issue 15): everything
 * Talkoot keeps about the signed-in person as a ZIP of one JSON file per category of the
 * personal data map, a README in their language and their own uploads under files/.
 *
 * What the person may read is read AS THEM (db.as): row-level security is the same gate the
 * pages use, so the archive can never show a co-member's address or a teammate's work
 * history that the person could not already see. Only what is about them but closed to
 * `authenticated` by design is read through one named service job (`serviceRows`): their
 * sign-in sessions (local_auth / auth schema), the audit entries about them (platform
 * admins alone read the log) and the mails sent to them (the outbox is private).
 */

type Person = NonNullable<Principal> & { email: string };
type Rows = Record<string, unknown>[];
/** A category's file: table (or named query) → rows. */
export type CategoryData = Record<string, Rows>;

/** The archive's file name: `talkoot-data-<date>.zip` (the date in Helsinki). */
export function archiveName(at = new Date()): string {
	const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(at);
	return `talkoot-data-${day}.zip`;
}

/** Times in the archive: ISO 8601 with the Helsinki offset (to_jsonb writes the session's zone). */
const HELSINKI = "select set_config('timezone', 'Europe/Helsinki', true)";

/**
 * The columns of each planned table the transaction's role may read, by table, and of
 * those the ones that are not uuid (`textIds`: an id kept as text compares as text).
 */
async function readableColumns(tx: Queryable, plan: ExportFile[]) {
	const tables = [...new Set(plan.flatMap((f) => f.direct.map((d) => d.table)))];
	const rows = await tx.query<{ t: string; c: string; uuid: boolean }>(
		`select a.table_name as t, a.column_name as c, a.uuid
		 from (select n.nspname || '.' || r.relname as table_name, att.attname as column_name,
		              r.oid, att.attnum, att.atttypid = 'uuid'::regtype as uuid
		       from pg_catalog.pg_class r
		       join pg_catalog.pg_namespace n on n.oid = r.relnamespace
		       join pg_catalog.pg_attribute att on att.attrelid = r.oid
		       where att.attnum > 0 and not att.attisdropped
		         and (n.nspname || '.' || r.relname) = any($1::text[])) a
		 where pg_catalog.has_column_privilege(a.oid, a.attnum, 'select')
		 order by a.table_name, a.attnum`,
		[tables]
	);
	const byTable = new Map<string, string[]>();
	const textIds = new Map<string, Set<string>>();
	for (const r of rows) {
		byTable.set(r.t, [...(byTable.get(r.t) ?? []), r.c]);
		if (!r.uuid) textIds.set(r.t, (textIds.get(r.t) ?? new Set()).add(r.c));
	}
	return { byTable, textIds };
}

/**
 * Extra reads per category for what is the person's without naming them in a column:
 * the teams they belong to and those teams' applications and concepts, and the scores,
 * comments and conflict declarations they gave as a juror (those name the jury seat,
 * jury_members.id, not the account). As the person: RLS decides. The applications'
 * frozen snapshots are left out (data-export.ts OMITTED_COLUMNS says why).
 */
const CONTEXT: Partial<Record<PersonalDataCategory, Record<string, string>>> = {
	teams: {
		teams_i_belong_to: `select t.* from public.teams t
			where exists (select 1 from public.team_members m where m.team_id = t.id and m.user_id = $1)`,
		members_of_my_teams: `select m.team_id, m.user_id, p.display_name from public.team_members m
			left join public.profiles p on p.id = m.user_id
			where m.team_id in (select team_id from public.team_members where user_id = $1)`
	},
	applications: {
		applications_of_my_teams: `select a.* from public.applications a
			where a.team_id in (select team_id from public.team_members where user_id = $1)`,
		my_work_entries_in_applications: `select e.* from public.application_work_entries e
			join public.work_entries w on w.id = e.entry_id where w.user_id = $1`
	},
	concepts: {
		concepts_of_my_teams: `select c.* from public.concepts c
			where c.team_id in (select team_id from public.team_members where user_id = $1)`
	},
	jury: {
		my_scores: `select s.* from public.jury_scores s
			join public.jury_members j on j.id = s.juror_id where j.user_id = $1`,
		my_comments: `select c.* from public.jury_comments c
			join public.jury_members j on j.id = c.juror_id where j.user_id = $1`,
		my_conflict_declarations: `select c.* from public.jury_conflicts c
			join public.jury_members j on j.id = c.juror_id where j.user_id = $1`
	}
};

/** Columns of a context row never written (the same rule as for direct tables). */
const CONTEXT_OMIT = ['snapshot'];

async function jsonRows(tx: Queryable, sql: string, params: unknown[]): Promise<Rows> {
	const rows = await tx.query<{ row: Record<string, unknown> }>(
		`select to_jsonb(x) as row from (${sql}) x`,
		params
	);
	return rows.map((r) => {
		const row = typeof r.row === 'string' ? JSON.parse(r.row) : r.row;
		for (const c of CONTEXT_OMIT) delete row[c];
		return row;
	});
}

/**
 * Every row the person may read that refers to them, per category of the map (as them,
 * in `tx`, a db.as transaction): the map's tables by their id and email columns, and the
 * CONTEXT reads. Returns category → table → rows.
 */
export async function readOwnData(
	tx: Queryable,
	person: Person,
	plan: ExportFile[] = exportPlan()
): Promise<Record<string, CategoryData>> {
	await tx.query(HELSINKI);
	const readable = await readableColumns(tx, plan);
	const out: Record<string, CategoryData> = {};
	for (const file of plan) {
		const data: CategoryData = {};
		for (const t of file.direct) {
			const columns = readable.byTable.get(t.table) ?? [];
			const where = directCondition(t, new Set(columns), readable.textIds.get(t.table));
			const shown = exportedColumns(t.table, columns);
			if (!where || !shown.length) continue;
			const select = shown.map((c) => `"${c}"`).join(', ');
			data[t.table.replace(/^public\./, '')] = await jsonRows(
				tx,
				`select ${select} from ${qualified(t.table)} where ${where}`,
				// A statement may only be given the parameters it uses.
				t.emailColumns.length && where.includes('$2') ? [person.id, person.email] : [person.id]
			);
		}
		for (const [name, sql] of Object.entries(CONTEXT[file.category] ?? {}))
			data[name] = await jsonRows(tx, sql, [person.id]);
		out[file.category] = data;
	}
	return out;
}

const exists = async (tx: Queryable, table: string) =>
	(await tx.query<{ r: string | null }>('select to_regclass($1) as r', [table]))[0].r !== null;

/**
 * What is about the person but closed to `authenticated` by design, in a service
 * transaction (no RLS): their sign-in sessions (no session id: it is the secret cookie),
 * whether a second factor is set up (not its key), pending email changes (not the token),
 * audit entries naming them as actor or target, and the mails sent to their address (the
 * outbox's parameters without any token-like key). Local mode keeps sessions in
 * local_auth, Supabase in auth.sessions; whichever exists is read.
 */
export async function serviceRows(tx: Queryable, person: Person) {
	await tx.query(HELSINKI);
	const id = [person.id];
	const account: CategoryData = {};
	if (await exists(tx, 'local_auth.sessions'))
		account.sessions = await jsonRows(
			tx,
			'select created_at, last_seen_at, expires_at from local_auth.sessions where user_id = $1',
			id
		);
	else if (await exists(tx, 'auth.sessions'))
		account.sessions = await jsonRows(
			tx,
			'select created_at, updated_at, not_after, user_agent, ip from auth.sessions where user_id = $1',
			id
		);
	if (await exists(tx, 'local_auth.totp'))
		account.second_factor = await jsonRows(
			tx,
			'select confirmed_at, created_at from local_auth.totp where user_id = $1',
			id
		);
	account.email_changes = await jsonRows(
		tx,
		'select new_email, created_at, expires_at, used_at from private.email_changes where user_id = $1',
		id
	);
	const security: CategoryData = {
		audit_log: await jsonRows(
			tx,
			`select id, occurred_at, actor_id, action, target_kind, target_id, host(address) as address, details
			 from public.audit_log
			 where actor_id = $1::uuid or (target_kind = 'user' and target_id = $1::text)
			    or (target_kind = 'email' and lower(target_id) = lower($2))
			 order by occurred_at`,
			[person.id, person.email]
		)
	};
	const mail = await jsonRows(
		tx,
		`select template, to_email, to_name, locale, params, created_at, sent_at, failed_at
		 from private.mail_outbox where lower(to_email) = lower($1) order by created_at`,
		[person.email]
	);
	for (const m of mail)
		m.params = Object.fromEntries(
			Object.entries((m.params as Record<string, unknown>) ?? {}).filter(
				([k]) => !/(token|secret|hash|password|code)/i.test(k)
			)
		);
	return { account, security, communication: { mail_outbox: mail } as CategoryData };
}

/** The person's own uploads (stored_objects they own, as them) with their bytes. */
async function ownFiles(tx: Queryable, person: Person) {
	const keys = await tx.query<{ key: string }>(
		'select key from public.stored_objects where owner_id = $1 order by created_at',
		[person.id]
	);
	const files: { key: string; bytes: Uint8Array }[] = [];
	for (const { key } of keys) {
		const file = await getStorage('private').get(key);
		if (file) files.push({ key, bytes: file.bytes });
	}
	return files;
}

/** Everything about the person, by category, and their files (no audit entry, no limit). */
export async function collectPersonalData(db: Database, person: Person) {
	const { own, files } = await db.as(person, async (tx) => ({
		own: await readOwnData(tx, person),
		files: await ownFiles(tx, person)
	}));
	const closed = await db.service('privacy: export what the person cannot read', (tx) =>
		serviceRows(tx, person)
	);
	for (const [category, data] of Object.entries(closed))
		own[category] = { ...(own[category] ?? {}), ...data };
	return { categories: own, files };
}

/**
 * Row counts per category of what `readOwnData` and `serviceRows` would export, for the
 * summary on /account/data.
 */
export async function personalDataCounts(db: Database, person: Person) {
	const { categories } = await collectPersonalData(db, person);
	return Object.fromEntries(
		Object.entries(categories).map(([c, data]) => [
			c,
			Object.values(data).reduce((sum, rows) => sum + rows.length, 0)
		])
	) as Partial<Record<PersonalDataCategory, number>>;
}

/**
 * Builds the person's archive and records the export in the audit log (action
 * 'data_export', actor and target the person, with the client address). `readme` is the
 * README.txt already in their language. Returns the ZIP's bytes. The caller counts the
 * rate limit (LIMITS.dataExport) first.
 */
export async function exportPersonalData(
	db: Database,
	person: Person,
	readme: string
): Promise<Uint8Array> {
	const { categories, files } = await collectPersonalData(db, person);
	const entries: Zippable = { 'README.txt': strToU8(readme) };
	for (const file of exportPlan())
		entries[file.name] = strToU8(
			JSON.stringify({ category: file.category, ...categories[file.category] }, null, 2)
		);
	// Images and PDFs are compressed already: stored as they are.
	for (const f of files) entries[`files/${f.key}`] = [f.bytes, { level: 0 }];
	const zip = zipSync(entries, { level: 6 });
	await db.serviceAs('privacy: record the data export', person, (tx) =>
		recordAudit(tx, {
			action: 'data_export',
			targetKind: 'user',
			targetId: person.id,
			actorId: person.id,
			address: person.address,
			details: { files: files.length, bytes: zip.byteLength }
		})
	);
	return zip;
}
