/**
 * RETENTION (issue 15, GDPR Art. 5(1)(e) storage limitation): the personal data in the
 * applications of teams not selected is purged a configurable number of months
 * (RETENTION_MONTHS, default 24) after the challenge closes. This is the rule as pure
 * functions; the database applies the same rule in private.retention_closes_at,
 * private.retention_selected and private.retention_due
 * (supabase/migrations/20261209004100_retention.sql), which the job calls, and a parity
 * test feeds both the same cases.
 */
import { helsinkiOffsetMinutes } from './helsinki-time';

/** What a challenge's close is read from (the challenge has no 'closed' status). */
export interface CloseFacts {
	/** Whether the challenge was ever published (challenges.status = 'published'). */
	published: boolean;
	/** challenge_stages.ends_at of every stage of its timetable. */
	stageEnds: readonly Date[];
	/** Every decision of the challenge; publishedAt null while it is a draft. */
	decisions: readonly { publishedAt: Date | null }[];
}

/**
 * When a challenge closed: the later of the end of its last timetable stage and the
 * publication of its last published decision (the timetable and the record say when it
 * is over; DESIGN.md's `… → closed` has no column of its own). Null — not closed — while
 * it is unpublished, while any of its decisions is an unpublished draft (a gate is still
 * open), or when it has neither stages nor decisions.
 */
export function retentionClosesAt(facts: CloseFacts): Date | null {
	if (!facts.published) return null;
	if (facts.decisions.some((d) => d.publishedAt === null)) return null;
	const times = [
		...facts.stageEnds.map((d) => d.getTime()),
		...facts.decisions.map((d) => d.publishedAt!.getTime())
	];
	return times.length ? new Date(Math.max(...times)) : null;
}

const MINUTE = 60_000;

/**
 * The instant `months` calendar months after `from` on the Helsinki wall clock: the same
 * wall-clock time `months` later, the day clamped to the month's last (31 January + 1 is
 * 28 or 29 February). A wall-clock time that is skipped or repeated when the clocks turn
 * is read as PostgreSQL reads it (`timestamp at time zone 'Europe/Helsinki'`): at UTC+2.
 * Months must be a positive integer; dates before 1921 (Helsinki mean time) are not
 * supported.
 */
export function addHelsinkiMonths(from: Date, months: number): Date {
	const wall = new Date(from.getTime() + helsinkiOffsetMinutes(from) * MINUTE);
	const year = wall.getUTCFullYear();
	const month = wall.getUTCMonth() + months;
	const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
	const target = Date.UTC(
		year,
		month,
		Math.min(wall.getUTCDate(), lastDay),
		wall.getUTCHours(),
		wall.getUTCMinutes(),
		wall.getUTCSeconds(),
		wall.getUTCMilliseconds()
	);
	const fits = [180, 120]
		.map((offset) => target - offset * MINUTE)
		.filter((t) => t + helsinkiOffsetMinutes(new Date(t)) * MINUTE === target);
	return new Date(fits.length === 1 ? fits[0] : target - 120 * MINUTE);
}

/**
 * Whether data kept `months` calendar months (Helsinki) from `closesAt` is due for purging
 * at `now`: the months have passed (at or after addHelsinkiMonths). A challenge that has
 * not closed (null) never is.
 */
export function retentionDue(closesAt: Date | null, months: number, now: Date): boolean {
	if (!closesAt) return false;
	return addHelsinkiMonths(closesAt, months).getTime() <= now.getTime();
}

/** A decision as the retention rule reads it (public.decisions and its items). */
export interface GateDecision {
	id: string;
	stage: 'screening' | 'shortlisting' | 'selection' | 'proof_of_concept';
	kind: 'decision' | 'correction' | 'void';
	publishedAt: Date | null;
	/** The published decision this one corrects or voids. */
	replaces: string | null;
	/**
	 * Its items: the application each stands for (an application item's own; a final
	 * tender's or concept's, the application its concept grew from) and whether chosen.
	 */
	items: readonly { applicationId: string; chosen: boolean }[];
}

/**
 * The applications whose teams the challenge SELECTED: those chosen in its last published
 * decision that chose teams — the current selection decision, or the current
 * shortlisting decision where there is no selection. Current = published, not a 'void',
 * and not replaced by a published correction or void (as public.decision_reads reads it);
 * the latest published wins, ties by id. No such decision: nobody was selected.
 */
export function selectedApplications(decisions: readonly GateDecision[]): Set<string> {
	const replaced = new Set(
		decisions.filter((d) => d.publishedAt && d.replaces).map((d) => d.replaces!)
	);
	const current = decisions.filter(
		(d) =>
			d.publishedAt &&
			d.kind !== 'void' &&
			(d.stage === 'selection' || d.stage === 'shortlisting') &&
			!replaced.has(d.id)
	);
	current.sort(
		(a, b) =>
			Number(b.stage === 'selection') - Number(a.stage === 'selection') ||
			b.publishedAt!.getTime() - a.publishedAt!.getTime() ||
			(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
	const gate = current[0];
	return new Set(gate ? gate.items.filter((i) => i.chosen).map((i) => i.applicationId) : []);
}

/**
 * The applications of a challenge whose personal data is due for purging at `now`: every
 * application of a team not selected (selectedApplications), once `months` Helsinki
 * calendar months have passed since the challenge closed (retentionClosesAt). Empty while
 * the challenge has not closed or the months have not passed.
 */
export function applicationsDue(
	challenge: Omit<CloseFacts, 'decisions'> & {
		decisions: readonly GateDecision[];
		applicationIds: readonly string[];
	},
	months: number,
	now: Date
): string[] {
	if (!retentionDue(retentionClosesAt(challenge), months, now)) return [];
	const selected = selectedApplications(challenge.decisions);
	return challenge.applicationIds.filter((id) => !selected.has(id));
}

/**
 * WHAT the purge clears in the record of a team not selected: the columns of the personal
 * data map (src/lib/domain/personal-data.ts, as `schema.table.column`) that
 * private.retention_purge (supabase/migrations/20261210001300_retention_later_stages.sql)
 * empties — ids to null, copied names to '', JSON of its own purge — or whose rows it
 * deletes, in the application and in the concept, final tenders and proof of concept grown
 * from it. tests/integration/retention.test.ts runs the purge and checks each of these
 * columns of the team's record, and holds every map column of the categories
 * 'applications', 'concepts' and 'production' to this list or RETENTION_KEPT_COLUMNS.
 */
export const RETENTION_PURGED_COLUMNS: readonly string[] = [
	'public.applications.updated_by',
	'public.applications.submitted_by',
	'public.applications.snapshot',
	'public.application_documents.uploaded_by',
	'public.application_events.by',
	'public.late_submission_attempts.attempted_by',
	'public.late_submission_attempts.attempted_by_name',
	'public.concepts.updated_by',
	'public.concept_versions.saved_by',
	'public.concept_links.linked_by',
	'public.concept_attachments.uploaded_by',
	'public.final_tenders.submitted_by',
	'public.final_tenders.withdrawn_by',
	'public.final_tenders.snapshot',
	'public.proofs_of_concept.started_by',
	'public.poc_milestones.created_by',
	'public.poc_milestones.updated_by',
	'public.poc_milestones.reviewed_by',
	'public.poc_milestone_events.by',
	'public.poc_milestone_events.by_name',
	'public.poc_evidence_files.uploaded_by',
	'public.production_targets.updated_by',
	'public.outcome_reports.submitted_by',
	'public.outcome_reports.submitted_by_name',
	'public.outcome_report_reviews.reviewed_by',
	'public.outcome_report_reviews.reviewed_by_name'
];

/**
 * Map columns of those categories the purge keeps, each with why: they are not a team's.
 */
export const RETENTION_KEPT_COLUMNS: Readonly<Record<string, string>> = {
	'public.outcome_categories.created_by':
		'the challenge’s outcome categories, written by the owner’s side for every partner',
	'public.outcome_categories.updated_by':
		'the challenge’s outcome categories, written by the owner’s side for every partner'
};
