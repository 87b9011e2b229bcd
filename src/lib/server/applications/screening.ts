import type { Queryable } from '../db';
import type { Locale } from '$lib/domain/locale';
import { compareNames } from '$lib/domain/names';
import { pageOf, type Paged } from '$lib/domain/paging';
import { NO_FILTER } from '$lib/domain/list-filter';
import { holdsWords } from '../list-sql';
import type { Screening } from '$lib/domain/application-schemas';
import type { Coverage } from '$lib/domain/experience';
import { readScreening, type ScreeningResult } from './screening-result';
import {
	inScreeningState,
	screeningCountsOf,
	type ScreeningCounts,
	type ScreeningFilter
} from '$lib/domain/screening-filter';
import {
	snapshotCoverage,
	snapshotLangs,
	withCoverage,
	type Snapshot,
	type SnapshotLangs
} from '$lib/domain/application-snapshot';

/**
 * The parts of a snapshot (`a.snapshot`) that snapshotCoverage reads, as a jsonb of the
 * Snapshot's shape: not the ideas, answers and texts.
 */
const COVERAGE_PARTS = `jsonb_build_object(
	'personalDataPurgedAt', a.snapshot -> 'personalDataPurgedAt',
	'rules', a.snapshot -> 'rules', 'coverage', a.snapshot -> 'coverage',
	'deadline', a.snapshot -> 'deadline',
	'team', jsonb_build_object('members', (select coalesce(jsonb_agg(jsonb_build_object('id', m -> 'id')), '[]')
		from jsonb_array_elements(a.snapshot -> 'team' -> 'members') m)),
	'workHistory', (select coalesce(jsonb_agg(jsonb_build_object('memberId', e -> 'memberId',
		'area', e -> 'area', 'start', e -> 'start', 'end', e -> 'end')), '[]')
		from jsonb_array_elements(a.snapshot -> 'workHistory') e),
	'commonProjects', (select coalesce(jsonb_agg(jsonb_build_object('memberIds', p -> 'memberIds',
		'start', p -> 'start', 'end', p -> 'end')), '[]')
		from jsonb_array_elements(a.snapshot -> 'commonProjects') p))`;

export interface SubmittedSummary {
	id: string;
	teamName: string;
	submittedAt: Date;
	digest: string;
	eligible: boolean | null;
}

/** A team's name holds the search words `words`, in parameter `param` (holdsWords of its folded form). */
const nameHolds = (param: string, words: readonly string[]) =>
	holdsWords(`public.search_fold(coalesce(a.snapshot -> 'team' ->> 'name', ''))`, param, words);

/**
 * Every submitted application of a challenge (never drafts) that RLS shows the caller, in
 * the order of submission, each with whether its team's name holds every one of `words`
 * (folded, foldForSearch; `found`, true for every row without words: a name holds a word
 * when its folded form, public.search_fold, contains it, case and accents aside). One
 * statement: the list, its counts by state and the search's are all read from it (issue 16).
 */
function readSubmitted(
	tx: Queryable,
	challengeId: string,
	words: readonly string[]
): Promise<(SubmittedSummary & { found: boolean })[]> {
	return tx.query(
		`select a.id, a.snapshot -> 'team' ->> 'name' as "teamName", a.submitted_at as "submittedAt",
		   a.digest, d.eligible, ${nameHolds('$2', words)} as found
		 from public.applications a
		 left join public.screening_decisions d on d.application_id = a.id
		 where a.challenge_id = $1 and a.status = 'submitted'
		 order by a.submitted_at, a.id`,
		[challengeId, words]
	);
}

/** The rows of `rows` the filter lets through, by team name in the reader's alphabet. */
function narrowed(
	rows: (SubmittedSummary & { found: boolean })[],
	locale: Locale,
	filter: ScreeningFilter
): SubmittedSummary[] {
	const byName = compareNames(locale);
	return rows
		.filter((r) => r.found && inScreeningState(filter.state, r.eligible))
		.map(({ found: _, ...row }) => row)
		.sort((a, b) => byName(a.teamName ?? '', b.teamName ?? ''));
}

/**
 * The submitted applications of a challenge that RLS shows the caller (readSubmitted) and
 * `filter` lets through (its state, and words of the team's name), by team name in the
 * reader's alphabet (compareNames, as public.sort_key orders; sorted here: sort_key per row
 * was a third of the query's time for hundreds of applications, issue 16), then by
 * submission. No snapshot is read: see screeningPage for a page with coverage.
 */
export async function listSubmitted(
	tx: Queryable,
	challengeId: string,
	locale: Locale,
	filter: ScreeningFilter = NO_FILTER
): Promise<SubmittedSummary[]> {
	return narrowed(await readSubmitted(tx, challengeId, filter.words), locale, filter);
}

/** How many submitted applications the owner's list shows on one page. */
export const SCREENING_PAGE_SIZE = 50;

/** One page of the owner's list: its rows with their coverage, and the counts. */
export interface ScreeningPage extends Paged<SubmittedSummary & { coverageOk: boolean | null }> {
	/** The whole list's applications by state, whatever the filter. */
	counts: ScreeningCounts;
	/** The applications the search finds, by state (the whole list's without a search). */
	found: ScreeningCounts;
}

/**
 * Page `page` (1-based; outside the list: the nearest page) of listSubmitted through
 * `filter`, of `size` rows (default SCREENING_PAGE_SIZE), each with whether its team's work
 * history covers the challenge's rules (snapshotCoverage of the frozen snapshot; null when
 * it cannot say), and the counts by state of the whole list and of what its words find
 * (screeningCountsOf), from the same read as the list. Only the page's snapshots are read,
 * and of each only what coverage needs (issue 16: the list of hundreds of applications was
 * read whole on every visit).
 */
export async function screeningPage(
	tx: Queryable,
	challengeId: string,
	locale: Locale,
	page: number,
	filter: ScreeningFilter = NO_FILTER,
	size = SCREENING_PAGE_SIZE
): Promise<ScreeningPage> {
	const rows = await readSubmitted(tx, challengeId, filter.words);
	const list = narrowed(rows, locale, filter);
	const paged = pageOf(list, page, size);
	const parts = await tx.query<{ id: string; snapshot: Snapshot }>(
		`select a.id, ${COVERAGE_PARTS} as snapshot from public.applications a
		 where a.id = any($1::uuid[]) and a.status = 'submitted'`,
		[paged.items.map((a) => a.id)]
	);
	const coverage = new Map(parts.map((p) => [p.id, snapshotCoverage(p.snapshot)?.ok ?? null]));
	return {
		...paged,
		items: paged.items.map((a) => ({ ...a, coverageOk: coverage.get(a.id) ?? null })),
		counts: screeningCountsOf(rows),
		found: screeningCountsOf(rows.filter((r) => r.found))
	};
}

/** A screening decision no longer in force: revised, or voided by the team's withdrawal. */
export interface EarlierScreening {
	ended: 'revised' | 'voided';
	eligible: boolean | null;
	justification: string | null;
	decidedByName: string;
	decidedAt: Date | null;
	endedAt: Date;
}

/** The screening_history of an application, oldest first (RLS: owners and the team). */
export function earlierScreening(tx: Queryable, id: string) {
	return tx.query<EarlierScreening>(
		`select ended, eligible, justification, decided_by_name as "decidedByName",
		   decided_at as "decidedAt", ended_at as "endedAt"
		 from public.screening_history where application_id = $1 order by ended_at, id`,
		[id]
	);
}

export interface SubmittedApplication {
	id: string;
	challengeId: string;
	submittedAt: Date;
	digest: string;
	snapshot: Snapshot & { coverage: Coverage | null };
	/** The languages of its typed text, from the snapshot (snapshotLangs). */
	langs: SnapshotLangs;
	screening: ScreeningResult | null;
	marks: ScreeningResult['marks'];
	history: EarlierScreening[];
}

/** One submitted application with its frozen content and the screening so far. */
export async function getSubmitted(
	tx: Queryable,
	challengeId: string,
	id: string
): Promise<SubmittedApplication | null> {
	const [app] = await tx.query<
		Omit<SubmittedApplication, 'screening' | 'marks' | 'history' | 'langs'> & { lang: Locale }
	>(
		`select id, challenge_id as "challengeId", submitted_at as "submittedAt", digest, snapshot, lang
		 from public.applications where id = $1 and challenge_id = $2 and status = 'submitted'
		   and id in (select private.my_screenable_application_ids())`,
		[id, challengeId]
	);
	if (!app) return null;
	const { lang, ...rest } = app;
	return {
		...rest,
		snapshot: withCoverage(app.snapshot),
		langs: snapshotLangs(app.snapshot, lang),
		...(await readScreening(tx, id)),
		history: await earlierScreening(tx, id)
	};
}

/**
 * Records the owner's marks and, when given, the decision through
 * public.record_screening, which checks private.is_screenable() (so sealing applies),
 * takes the decider's name and the time from the database, and keeps a revised decision
 * on record (a revision is a correction of the decision: issue 13's one decision entity);
 * a decision's mail to every member of the team is enqueued by the database in the same
 * transaction (private.decision_mark_published). The reasons and the justification are
 * stored as written in `lang` (the screener's interface language; WCAG 3.1.2); without
 * it, the database takes the screener's profile language.
 * Returns whether a decision was recorded, or null when the application is not one the
 * caller may screen.
 */
export async function saveScreening(
	tx: Queryable,
	id: string,
	screening: Screening,
	lang?: Locale
): Promise<{ decided: boolean } | null> {
	const [row] = await tx.query<{ outcome: 'saved' | 'decided' | 'unknown' }>(
		'select public.record_screening($1, $2::jsonb, $3::jsonb) as outcome',
		[
			id,
			lang ? screening.marks.map((mark) => ({ ...mark, lang })) : screening.marks,
			lang && screening.decision ? { ...screening.decision, lang } : screening.decision
		]
	);
	if (row.outcome === 'unknown') return null;
	return { decided: row.outcome === 'decided' };
}
