/**
 * The production phase's result-based bonus (issue 14): reads and verbs over
 * supabase/migrations/20261207000500_bonus.sql, each taking a transaction run as the user
 * (`db.as(user, tx => …)`) so row-level security and the definer functions decide what
 * the user may see and do. A refusal is thrown as the database raised it (TK422 or 42501
 * with an outcome_… hint); routes answer it with outcomeFailure / outcomeRefusalAsHttp
 * (src/lib/server/http/outcome-refusals.ts). The sums are src/lib/domain/bonus.ts's.
 */
import { z } from 'zod';
import {
	bonusSummary,
	reportsInForce,
	targetProgress,
	type BonusSummary,
	type OutcomeTargets,
	type ReportStatus,
	type TargetProgress
} from '$lib/domain/bonus';
import type { CsvTable } from '$lib/domain/csv';
import type { Day } from '$lib/domain/day';
import type { LocalizedText, Locale } from '$lib/domain/locale';
import type { Queryable } from './db';

/** An outcome category as its readers see it. */
export interface Category {
	id: string;
	position: number;
	name: LocalizedText;
	bonusCents: number;
}

/** A partner in production: its concept, team and the concept's title. */
export interface Partner {
	conceptId: string;
	teamId: string;
	teamName: string;
	title: string;
}

/** The owner's confirmation or dispute of one version. */
export interface Review {
	verdict: 'confirmed' | 'disputed';
	comment: string;
	/** The language the comment was written in (its writer's, at the time). */
	lang: Locale;
	reviewedAt: Date;
	reviewedByName: string;
}

/** One version of one month's report, with its counts and its review (if any). */
export interface ReportRow {
	id: string;
	conceptId: string;
	month: Day;
	version: number;
	clientsStarted: number;
	clientsProgressed: number;
	status: ReportStatus;
	submittedAt: Date;
	submittedByName: string;
	/** Results per category id (a category not reported is absent: 0). */
	results: Record<string, number>;
	review: Review | null;
}

/** The challenge's side of production, as far as the reader may see it. */
export interface Production {
	challenge: { id: string; title: LocalizedText; primaryLocale: Locale };
	categories: Category[];
	/** The challenge's targets (for every partner together); null values where none are set. */
	targets: OutcomeTargets;
	/** Targets per partner's concept, where the owner set them. */
	conceptTargets: Record<string, OutcomeTargets>;
	partners: Partner[];
	/** Every version of every month the reader sees, by month then version. */
	reports: ReportRow[];
}

/** One partner's results: what the results page, its charts and the CSV show. */
export interface PartnerResults {
	production: Production;
	partner: Partner;
	/** This partner's versions, every one (on record), by month then version. */
	versions: ReportRow[];
	/** The version in force of every month. */
	inForce: ReportRow[];
	summary: BonusSummary;
	/** The targets that apply: the concept's own, else the challenge's. */
	targets: OutcomeTargets;
	progress: TargetProgress[];
}

const NO_TARGETS: OutcomeTargets = { clientsToStart: null, resultsToReach: null };

/**
 * Reads the production phase of a challenge: categories, targets, partners in production
 * and every report version the reader sees (RLS: the challenge's team all, a partner its
 * own). Null when the reader sees no challenge of that id. The five reads are sent
 * together (one round trip, issue 16).
 */
export function readProduction(tx: Queryable, challengeId: string): Promise<Production | null> {
	return readProductionOf(tx, '$1', challengeId);
}

/** readProduction of the challenge `challenge` (SQL of $1: `$1` or OF_CONCEPT's). */
async function readProductionOf(
	tx: Queryable,
	challenge: string,
	param: string
): Promise<Production | null> {
	const [[found], categories, targetRows, partners, reports] = await Promise.all([
		tx.query<Production['challenge']>(
			`select id, title, primary_locale as "primaryLocale" from public.challenges
			 where id = ${challenge}`,
			[param]
		),
		tx.query<Category>(
			`select id, position, name, bonus_cents::int as "bonusCents" from public.outcome_categories
			 where challenge_id = ${challenge} order by position, id`,
			[param]
		),
		tx.query<{
			conceptId: string | null;
			clientsToStart: number | null;
			resultsToReach: number | null;
		}>(
			`select concept_id as "conceptId", clients_to_start as "clientsToStart",
			        results_to_reach as "resultsToReach"
			 from public.production_targets where challenge_id = ${challenge}`,
			[param]
		),
		tx.query<Partner>(
			`select concept_id as "conceptId", team_id as "teamId", team_name as "teamName", title
			 from public.production_partners(${challenge})`,
			[param]
		),
		tx.query<Omit<ReportRow, 'results' | 'review'> & { results: unknown; review: unknown }>(
			`select r.id, r.concept_id as "conceptId", to_char(r.month, 'YYYY-MM-DD') as month, r.version,
			        r.clients_started as "clientsStarted", r.clients_progressed as "clientsProgressed",
			        r.status, r.submitted_at as "submittedAt", r.submitted_by_name as "submittedByName",
			        coalesce((select jsonb_object_agg(n.category_id, n.count) from public.outcome_report_counts n
			                  where n.report_id = r.id), '{}'::jsonb) as results,
			        (select jsonb_build_object('verdict', v.verdict, 'comment', v.comment, 'lang', v.lang,
			                                   'reviewedAt', v.reviewed_at, 'reviewedByName', v.reviewed_by_name)
			         from public.outcome_report_reviews v where v.report_id = r.id) as review
			 from public.outcome_reports r where r.challenge_id = ${challenge}
			 order by r.month, r.version`,
			[param]
		)
	]);
	if (!found) return null;
	const conceptTargets: Record<string, OutcomeTargets> = {};
	let targets = NO_TARGETS;
	for (const t of targetRows) {
		const value = { clientsToStart: t.clientsToStart, resultsToReach: t.resultsToReach };
		if (t.conceptId) conceptTargets[t.conceptId] = value;
		else targets = value;
	}
	return {
		challenge: found,
		categories,
		targets,
		conceptTargets,
		partners,
		reports: reports.map((r) => {
			const review = r.review as (Omit<Review, 'reviewedAt'> & { reviewedAt: string }) | null;
			return {
				...r,
				results: r.results as Record<string, number>,
				review: review ? { ...review, reviewedAt: new Date(review.reviewedAt) } : null
			};
		})
	};
}

/** A partner's results from the production read: summary, progress, versions in force. */
export function partnerResults(production: Production, partner: Partner): PartnerResults {
	const versions = production.reports.filter((r) => r.conceptId === partner.conceptId);
	const inForce = reportsInForce(versions);
	const summary = bonusSummary(production.categories, inForce);
	const targets = production.conceptTargets[partner.conceptId] ?? production.targets;
	return {
		production,
		partner,
		versions,
		inForce,
		summary,
		targets,
		progress: targetProgress(summary, targets)
	};
}

/**
 * The challenge of a concept in production, when the caller reads its results (the
 * challenge's team or the partner's team); null otherwise. Pages link to
 * /production/<conceptId> only when this is set.
 */
export async function productionChallengeOf(
	tx: Queryable,
	conceptId: string
): Promise<string | null> {
	const [row] = await tx.query<{ challengeId: string | null }>(
		'select public.production_concept_challenge($1) as "challengeId"',
		[conceptId]
	);
	return row?.challengeId ?? null;
}

/**
 * SQL naming the challenge of the concept in production whose id is $1, when the caller
 * reads its results (productionChallengeOf; null otherwise): for reading the production
 * with the concept's id, not after looking its challenge up (issue 16).
 */
const OF_CONCEPT = '(select public.production_concept_challenge($1))';

/**
 * The results of one partner's concept in production, for the partner's team and the
 * challenge's team; null when the reader does not see it (not in production, or not
 * theirs). The production is read by the concept's id, in one round trip (issue 16).
 */
export async function readPartnerResults(
	tx: Queryable,
	conceptId: string
): Promise<PartnerResults | null> {
	const production = await readProductionOf(tx, OF_CONCEPT, conceptId);
	const partner = production?.partners.find((p) => p.conceptId === conceptId);
	return production && partner ? partnerResults(production, partner) : null;
}

const name = z.object({
	fi: z.string().max(200).optional(),
	sv: z.string().max(200).optional(),
	en: z.string().max(200).optional()
});

/** The category form: a name in fi/sv/en and the bonus in euros (whole or with cents). */
export const categoryInput = z.object({
	category: z.uuid().optional(),
	name,
	bonusCents: z.number().int().min(0).max(100_000_000)
});

/** Adds (no `category`) or changes a category; the database refuses the rest. */
export async function saveCategory(
	tx: Queryable,
	challengeId: string,
	input: z.infer<typeof categoryInput>
): Promise<string> {
	const [row] = await tx.query<{ id: string }>(
		'select public.outcome_category_save($1, $2, $3::text::jsonb, $4) as id',
		[challengeId, input.category ?? null, JSON.stringify(input.name), input.bonusCents]
	);
	return row.id;
}

/** Removes a category no report counts. */
export async function deleteCategory(tx: Queryable, categoryId: string): Promise<void> {
	await tx.query('select public.outcome_category_delete($1)', [categoryId]);
}

/** Sets the challenge's targets (`conceptId` null) or one partner's. */
export async function saveTargets(
	tx: Queryable,
	challengeId: string,
	conceptId: string | null,
	targets: OutcomeTargets
): Promise<void> {
	await tx.query('select public.production_targets_save($1, $2, $3, $4)', [
		challengeId,
		conceptId,
		targets.clientsToStart,
		targets.resultsToReach
	]);
}

/** One month's report as the partner gives it. */
export interface ReportInput {
	month: Day;
	clientsStarted: number;
	clientsProgressed: number;
	results: Record<string, number>;
}

/** Submits a month's report or its correction (a new version); returns the version's id. */
export async function submitReport(
	tx: Queryable,
	conceptId: string,
	input: ReportInput
): Promise<string> {
	const [row] = await tx.query<{ id: string }>(
		'select public.outcome_report_submit($1, $2::date, $3, $4, $5::text::jsonb) as id',
		[
			conceptId,
			input.month,
			input.clientsStarted,
			input.clientsProgressed,
			JSON.stringify(input.results)
		]
	);
	return row.id;
}

/** The owner confirms or disputes (with a comment) one report version. */
export async function reviewReport(
	tx: Queryable,
	reportId: string,
	verdict: 'confirmed' | 'disputed',
	comment: string
): Promise<void> {
	await tx.query('select public.outcome_report_review($1, $2, $3)', [reportId, verdict, comment]);
}

/**
 * The results as a CSV table (the same numbers as the charts and their tables): one row
 * per month in force — its version and status, clients started and progressed, results
 * per category, the month's results and bonus, and the running totals — then a total row.
 * Euros with two decimals, the decimal sign of the reader's language (`;`-separated
 * files for fi/sv take a comma).
 */
export function resultsCsv(
	results: PartnerResults,
	locale: Locale,
	words: {
		header: string[];
		categoryName: (c: Category) => string;
		status: (s: ReportStatus) => string;
		total: string;
	}
): CsvTable {
	const euros = (cents: number) => {
		const text = (cents / 100).toFixed(2);
		return locale === 'en' ? text : text.replace('.', ',');
	};
	const cats = results.production.categories;
	const { summary } = results;
	const header = [
		...words.header.slice(0, 5),
		...cats.map(words.categoryName),
		...words.header.slice(5)
	];
	const rows = summary.months.map((m, i) => {
		const r = results.inForce[i];
		return [
			m.month.slice(0, 7),
			r.version,
			words.status(r.status),
			m.clientsStarted,
			m.clientsProgressed,
			...cats.map((c) => m.results[c.id]),
			m.cumulativeResults - (i > 0 ? summary.months[i - 1].cumulativeResults : 0),
			euros(m.bonusCents),
			m.cumulativeStarted,
			m.cumulativeProgressed,
			m.cumulativeResults,
			euros(m.cumulativeBonusCents)
		];
	});
	rows.push([
		words.total,
		'',
		'',
		summary.clientsStarted,
		summary.clientsProgressed,
		...cats.map((c) => summary.months.reduce((n, m) => n + m.results[c.id], 0)),
		summary.results,
		euros(summary.bonusCents),
		'',
		'',
		'',
		''
	]);
	return { header, rows };
}

/**
 * A partner's results page for the concept `conceptId`: readPartnerResults, and what the
 * reader is on it — a member of the partner's team (`partner`), of the owner's side
 * (`owner`) — both sent together (issue 16). Null when the reader may not read the results.
 */
export async function readPartnerPage(
	tx: Queryable,
	conceptId: string
): Promise<{ results: PartnerResults; roles: { partner: boolean; owner: boolean } } | null> {
	const [results, [roles]] = await Promise.all([
		readPartnerResults(tx, conceptId),
		tx.query<{ partner: boolean; owner: boolean }>(
			`select exists (select 1 from public.team_members m join public.concepts k on k.team_id = m.team_id
			                where k.id = $1 and m.user_id = (select auth.uid())) as partner,
			        coalesce(private.is_on_challenge_team(${OF_CONCEPT})
			                 or private.manages_challenge_team(${OF_CONCEPT}), false) as owner`,
			[conceptId]
		)
	]);
	return results ? { results, roles } : null;
}
