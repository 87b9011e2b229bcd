import type { Database } from './db';
import { retentionSettings, type RetentionSettings } from './config';
import { log } from './log';
import { removeUnusedFiles } from './uploads';

/** One application whose personal data is (or would be) purged: ids and counts, never data. */
export interface RetentionItem {
	challengeId: string;
	challengeSlug: string;
	teamId: string;
	teamName: string;
	applicationId: string;
	status: 'draft' | 'submitted';
	/** application_documents rows. */
	documents: number;
	/** application_work_entries links to members' work history. */
	workEntries: number;
	/** In the snapshot: members, work history entries, common projects. */
	members: number;
	workHistory: number;
	commonProjects: number;
	/** Of the concept grown from it: attachments, proof-of-concept evidence files, and
	 * final tenders whose snapshot is purged. */
	attachments: number;
	evidenceFiles: number;
	tenders: number;
	/** Keys of stored files the application and its concept referred to (removed if nothing else does). */
	files: string[];
}

/** What one run did (or, dry, would do). */
export interface RetentionReport {
	dryRun: boolean;
	months: number;
	auditMonths: number;
	/** Another instance held the job's lock: this run did nothing. */
	skipped: boolean;
	items: RetentionItem[];
	/** Audit log entries deleted (dry: that would be). */
	auditEntries: number;
	/** Stored files removed after the commit (0 on a dry run). */
	filesRemoved: number;
}

/** The totals of a report, for the log line and the script: counts only. */
export function retentionCounts(report: RetentionReport) {
	const sum = (f: (i: RetentionItem) => number) => report.items.reduce((n, i) => n + f(i), 0);
	return {
		dryRun: report.dryRun,
		skipped: report.skipped,
		months: report.months,
		auditMonths: report.auditMonths,
		challenges: new Set(report.items.map((i) => i.challengeId)).size,
		applications: report.items.length,
		documents: sum((i) => i.documents),
		workEntries: sum((i) => i.workEntries),
		snapshotMembers: sum((i) => i.members),
		snapshotWorkHistory: sum((i) => i.workHistory),
		snapshotCommonProjects: sum((i) => i.commonProjects),
		conceptAttachments: sum((i) => i.attachments),
		evidenceFiles: sum((i) => i.evidenceFiles),
		finalTenders: sum((i) => i.tenders),
		files: new Set(report.items.flatMap((i) => i.files)).size,
		filesRemoved: report.filesRemoved,
		auditEntries: report.auditEntries
	};
}

type Row = {
	challenge_id: string;
	challenge_slug: string;
	team_id: string;
	team_name: string;
	application_id: string;
	status: 'draft' | 'submitted';
	documents: number;
	work_entries: number;
	members: number;
	work_history: number;
	common_projects: number;
	attachments: number;
	evidence_files: number;
	tenders: number;
	files: string[];
};

/**
 * THE RETENTION JOB (issue 15): in one service transaction holding a transaction-level
 * advisory lock (so two instances never run it at once; the second answers `skipped`),
 * purges the personal data in applications of teams not selected whose challenge closed
 * `months` ago, and in the concepts, final tenders and proofs of concept grown from them
 * (private.retention_purge) and the audit log entries `auditMonths` old
 * (private.audit_purge), both recording their audit entry; then, after the commit, removes
 * the stored files nothing refers to any more (and their public.stored_objects rows).
 * With `dryRun` nothing is changed or recorded and the report lists what would go. Logs
 * one line of counts. The rule: src/lib/domain/retention.ts and
 * supabase/migrations/20261209004100_retention.sql and 20261210001300_retention_later_stages.sql.
 */
export async function runRetention(
	db: Database,
	options: { dryRun?: boolean; settings?: RetentionSettings } = {}
): Promise<RetentionReport> {
	const { months, auditMonths } = options.settings ?? retentionSettings();
	const dryRun = options.dryRun ?? false;
	const done = await db.service('retention', async (tx) => {
		const [lock] = await tx.query<{ ok: boolean }>(
			"select pg_try_advisory_xact_lock(hashtext('talkoot.retention')) as ok"
		);
		if (!lock.ok) return null;
		const rows = await tx.query<Row>(
			'select * from private.retention_purge($1::int, $2::boolean)',
			[months, dryRun]
		);
		const [audit] = await tx.query<{ n: string | number }>(
			'select private.audit_purge($1::int, $2::boolean) as n',
			[auditMonths, dryRun]
		);
		return { rows, auditEntries: Number(audit.n) };
	});
	const report: RetentionReport = {
		dryRun,
		months,
		auditMonths,
		skipped: !done,
		items: (done?.rows ?? []).map(toItem),
		auditEntries: done?.auditEntries ?? 0,
		filesRemoved: 0
	};
	if (done && !dryRun)
		report.filesRemoved = await removeUnusedFiles(
			db,
			report.items.flatMap((i) => i.files),
			'retention'
		);
	log.info(retentionCounts(report), 'retention run');
	return report;
}

function toItem(r: Row): RetentionItem {
	return {
		challengeId: r.challenge_id,
		challengeSlug: r.challenge_slug,
		teamId: r.team_id,
		teamName: r.team_name,
		applicationId: r.application_id,
		status: r.status,
		documents: Number(r.documents),
		workEntries: Number(r.work_entries),
		members: Number(r.members),
		workHistory: Number(r.work_history),
		commonProjects: Number(r.common_projects),
		attachments: Number(r.attachments),
		evidenceFiles: Number(r.evidence_files),
		tenders: Number(r.tenders),
		files: r.files ?? []
	};
}

const DAY = 24 * 3600_000;
const KEY = Symbol.for('talkoot.retentionSchedule');
type WithSchedule = typeof globalThis & { [KEY]?: () => void };

/**
 * Runs the retention job daily in this process (hooks.server.ts init, beside the mail
 * worker), the first time `firstAfterMs` after start; nothing when RETENTION_SCHEDULE=off.
 * Several instances may all schedule it: the job's advisory lock lets one run at a time,
 * and a second run finds nothing new. Returns the function that stops it.
 */
export function startRetentionSchedule(
	db: Database,
	settings: RetentionSettings = retentionSettings(),
	firstAfterMs = 3600_000
): () => void {
	const g = globalThis as WithSchedule;
	if (!settings.scheduled) {
		log.info('retention: schedule off (RETENTION_SCHEDULE=off)');
		return () => {};
	}
	if (g[KEY]) return g[KEY];
	const run = () =>
		runRetention(db, { settings }).catch((err) => log.error({ err }, 'retention run failed'));
	const first = setTimeout(run, firstAfterMs);
	const timer = setInterval(run, DAY);
	first.unref?.();
	timer.unref?.();
	g[KEY] = () => {
		clearTimeout(first);
		clearInterval(timer);
		g[KEY] = undefined;
	};
	return g[KEY];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The report as lines for an operator (`npm run retention`): one per application with its
 * challenge, team, id and counts, then the totals. Ids, names of teams and counts only:
 * never a member's name, a file name or any content.
 */
export function formatRetentionReport(report: RetentionReport): string[] {
	const mode = report.dryRun ? 'dry run, nothing changed' : 'purged';
	if (report.skipped) return ['Retention: another instance is running the job; nothing done.'];
	const lines = [
		`Retention (${mode}): applications of teams not selected ${report.months} months after ` +
			`their challenge closed; audit log entries older than ${report.auditMonths} months.`
	];
	for (const i of report.items) {
		lines.push(
			`challenge ${i.challengeSlug} · team "${i.teamName}" (${i.teamId}) · application ` +
				`${i.applicationId} (${i.status}): ${plural(i.documents, 'document', 'documents')}, ` +
				`${plural(i.workEntries, 'work history link', 'work history links')}; snapshot: ` +
				`${plural(i.members, 'member', 'members')}, ` +
				`${plural(i.workHistory, 'work history entry', 'work history entries')}, ` +
				`${plural(i.commonProjects, 'common project', 'common projects')}; concept: ` +
				`${plural(i.attachments, 'attachment', 'attachments')}, ` +
				`${plural(i.evidenceFiles, 'evidence file', 'evidence files')}, ` +
				`${plural(i.tenders, 'final tender', 'final tenders')}; ` +
				plural(i.files.length, 'file', 'files')
		);
	}
	const c = retentionCounts(report);
	const verb = report.dryRun ? 'Would purge' : 'Purged';
	lines.push(
		`${verb}: ${plural(c.applications, 'application', 'applications')} in ` +
			`${plural(c.challenges, 'challenge', 'challenges')} ` +
			`(${plural(c.documents, 'document', 'documents')}, ` +
			`${plural(c.workEntries, 'work history link', 'work history links')}, ` +
			`${plural(c.files, 'file', 'files')}${report.dryRun ? '' : `, ${c.filesRemoved} removed`}); ` +
			`${plural(c.auditEntries, 'audit log entry', 'audit log entries')}.`
	);
	return lines;
}
