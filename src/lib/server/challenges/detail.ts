import type { Queryable } from '../db';
import { ORGANISATION_JSON } from '../organisations';
import type { ChallengeCard } from '$lib/domain/challenge';
import type { Criterion } from '$lib/domain/criteria';
import type { Locale, LocalizedText } from '$lib/domain/locale';
import type { FieldChange } from '$lib/domain/amendments';
import { nextDeadline, timetablePosition, type StageWindow } from '$lib/domain/timetable';
import { readPage, type Paged } from '$lib/domain/paging';
import { renderMarkdown } from '../markdown';

export interface Amendment {
	id: string;
	createdAt: Date;
	authorName: string;
	reason: string;
	/** The language the reason was written in (its author's, at the time). */
	lang: Locale;
	changes: FieldChange[];
}

export interface Question {
	id: string;
	body: string;
	createdAt: Date;
	answer: string | null;
	answeredAt: Date | null;
	mergedInto: string | null;
	mine: boolean;
	/** The language it was asked (and answered) in; else the challenge's primary one (issue 12). */
	lang: Locale;
}

export interface ChallengeDetail extends ChallengeCard {
	status: 'draft' | 'published';
	organisationId: string;
	body: LocalizedText;
	contactName: string;
	contactEmail: string;
	competenceAreas: string[];
	lookbackYears: number;
	minTeamSize: number;
	requireCommonHistory: boolean;
	ideaCount: number;
	shortlistCount: number | null;
	partnerCount: number | null;
	rewards: LocalizedText;
	priceShare: number | null;
	stages: StageWindow[];
	criteria: (Criterion & { id: string })[];
	requirements: { id: string; statement: LocalizedText }[];
	amendments: Amendment[];
	/**
	 * By slug (its public page), the questions the caller asked: the answered ones are
	 * paged there (answeredQuestionsPage), not sent whole (issue 16). By id (the pages
	 * that manage it), none: the team's queue is paged (questionQueue).
	 */
	questions: Question[];
	questionsOpen: boolean;
	canManage: boolean;
	following: boolean;
	/** An open challenge whose team reads applications before the deadline (public). */
	applicationsUnsealed: boolean;
	/** How far ahead (days) a shortened applications deadline must be. */
	deadlineNoticeDays: number;
	/** The caller is on the challenge's team: edits it, sees its applications. */
	onTeam: boolean;
	/** The caller chairs the team or owns the organisation: manages the team. */
	managesTeam: boolean;
}

/**
 * A challenge with everything its page shows, by slug or id; what RLS lets the caller see.
 * Its questions: by slug the caller's own, by id none (`questions`).
 */
export async function getChallengeDetail(
	tx: Queryable,
	key: { slug: string } | { id: string },
	userId: string | null
): Promise<ChallengeDetail | null> {
	const byId = 'id' in key ? key.id : null;
	const row = tx.query<
		Omit<
			ChallengeDetail,
			'stages' | 'criteria' | 'requirements' | 'amendments' | 'questions' | 'onTeam' | 'managesTeam'
		>
	>(
		`select c.id, c.slug, c.status, c.organisation_id as "organisationId", c.title, c.summary, c.body,
		   c.primary_locale as "primaryLocale", c.procedure, c.published_at as "publishedAt",
		   c.cover_image as "coverImage", c.contact_name as "contactName", c.contact_email as "contactEmail",
		   c.competence_areas as "competenceAreas", c.lookback_years as "lookbackYears",
		   c.min_team_size as "minTeamSize", c.require_common_history as "requireCommonHistory",
		   c.idea_count as "ideaCount", c.shortlist_count as "shortlistCount",
		   c.partner_count as "partnerCount", c.rewards, c.price_share as "priceShare",
		   c.procedure = 'open_challenge' and c.applications_unsealed as "applicationsUnsealed",
		   c.deadline_notice_days as "deadlineNoticeDays",
		   ${ORGANISATION_JSON} as organisation,
		   null as "currentStage", null as "nextDeadline",
		   private.questions_open(c.id) as "questionsOpen",
		   private.is_challenge_member(c.id) as "canManage",
		   exists (select 1 from public.challenge_followers f
		           where f.challenge_id = c.id and f.user_id = $3::uuid) as following
		 from public.challenges c join public.organisations o on o.id = c.organisation_id
		 where c.slug = $1::text or c.id = $2::uuid
		 -- Drafts may share a published challenge's slug; its page is the published one.
		 order by c.status = 'published' desc, c.created_at desc limit 1`,
		['slug' in key ? key.slug : null, byId, userId]
	);
	const partsOf = (id: string, asksTeam: boolean) =>
		Promise.all([
			// Asked only of a signed-in reader: the team helpers are not granted to anon.
			asksTeam
				? tx.query<{ onTeam: boolean; managesTeam: boolean }>(
						`select private.is_on_challenge_team($1) as "onTeam",
						   private.manages_challenge_team($1) as "managesTeam"`,
						[id]
					)
				: [{ onTeam: false, managesTeam: false }],
			tx.query<StageWindow>(
				`select stage, starts_at as "startsAt", ends_at as "endsAt", decision_on::text as "decisionOn", signatory
				 from public.challenge_stages where challenge_id = $1 order by starts_at, ends_at`,
				[id]
			),
			tx.query<Criterion & { id: string }>(
				`select id, stage, name, description, max_points as "maxPoints"
				 from public.challenge_criteria where challenge_id = $1 order by stage desc, position`,
				[id]
			),
			tx.query<{ id: string; statement: LocalizedText }>(
				'select id, statement from public.challenge_requirements where challenge_id = $1 order by position',
				[id]
			),
			tx.query<Amendment>(
				`select id, created_at as "createdAt", author_name as "authorName", reason, lang, changes
				 from public.challenge_amendments where challenge_id = $1 order by created_at desc`,
				[id]
			),
			byId ? [] : askedBy(tx, id, userId)
		]);
	// By id and signed in (every manage page): the parts go with the row, one round trip;
	// by slug the id comes from the row. Rows the caller may not see are not returned (RLS).
	const [[c], together] = await Promise.all([row, byId && userId ? partsOf(byId, true) : null]);
	if (!c) return null;
	const [[team], stages, criteria, requirements, amendments, questions] =
		together ?? (await partsOf(c.id, !!userId && c.canManage));
	const now = new Date();
	const position = timetablePosition(c.procedure, stages, now);
	return {
		...c,
		onTeam: c.canManage && team.onTeam,
		managesTeam: c.canManage && team.managesTeam,
		currentStage: position.phase === 'running' ? position.current.at(-1)!.stage : null,
		nextDeadline: nextDeadline(stages, now)?.at ?? null,
		stages,
		criteria,
		requirements,
		amendments,
		questions
	};
}

/**
 * The id of the challenge at `slug` the caller may see (RLS), or null; the published
 * one when drafts share its slug (only published slugs are unique).
 */
export async function challengeIdBySlug(tx: Queryable, slug: string): Promise<string | null> {
	const [row] = await tx.query<{ id: string }>(
		`select id from public.challenges where slug = $1
		 order by status = 'published' desc, created_at desc limit 1`,
		[slug]
	);
	return row?.id ?? null;
}

/**
 * The questions of a challenge that `userId` asked (answered or not, merged or not; none
 * for a visitor), newest answer or question first, each `mine`. A question's language is
 * the challenge's primary one when it was not recorded.
 */
const askedBy = async (
	tx: Queryable,
	challengeId: string,
	userId: string | null
): Promise<Question[]> =>
	userId
		? tx.query<Question>(
				`select q.id, q.body, q.created_at as "createdAt", q.answer, q.answered_at as "answeredAt",
				   q.merged_into as "mergedInto", true as mine, coalesce(q.lang, c.primary_locale) as lang
				 from public.challenge_questions q
				 join public.challenges c on c.id = q.challenge_id
				 join public.challenge_question_askers a on a.question_id = q.id and a.asker_id = $2
				 where q.challenge_id = $1 order by coalesce(q.answered_at, q.created_at) desc`,
				[challengeId, userId]
			)
		: [];

/** How many answered questions a challenge's page shows at a time. */
export const ANSWERED_PAGE_SIZE = 20;

/**
 * Page `page` (1-based; outside the list the nearest, pageWindow) of a challenge's answered
 * questions (those not merged into another), newest answer first, `size` of them, as its
 * public page shows them: the database counts and pages (issue 16: every question and its
 * rendered answer was sent on each visit). Answered questions are public (RLS), so every
 * reader reads the same pages; `mine` is false throughout.
 */
export async function answeredQuestionsPage(
	tx: Queryable,
	challengeId: string,
	page: number,
	size = ANSWERED_PAGE_SIZE
): Promise<Paged<Question>> {
	const answered = `from public.challenge_questions q join public.challenges c on c.id = q.challenge_id
		where q.challenge_id = $1 and q.answer is not null and q.merged_into is null`;
	const [{ total }] = await tx.query<{ total: number }>(
		`select count(*)::int as total ${answered}`,
		[challengeId]
	);
	return readPage(total, page, size, (limit, offset) =>
		tx.query<Question>(
			`select q.id, q.body, q.created_at as "createdAt", q.answer, q.answered_at as "answeredAt",
			   q.merged_into as "mergedInto", false as mine, coalesce(q.lang, c.primary_locale) as lang
			 ${answered} order by q.answered_at desc, q.id limit $2 offset $3`,
			[challengeId, limit, offset]
		)
	);
}

/** An answered question as a challenge's page lists it: its answer comes rendered, apart. */
export type AnsweredItem = Pick<Question, 'id' | 'body' | 'answeredAt' | 'lang'>;

/** A page of a challenge's answered questions with each answer rendered to HTML, by id. */
export interface AnsweredShown {
	answered: Paged<AnsweredItem>;
	/** Each answer's Markdown rendered through the one sanitiser (issue 12), by question id. */
	answers: Record<string, string>;
}

/**
 * answeredQuestionsPage's page `page` of the challenge `challengeId` (1-based, as there)
 * with every answer on it rendered to safe HTML (renderMarkdown), by question id, and of each
 * question only what the page shows (AnsweredItem). The same for every reader of a published
 * challenge, so its page keeps it in the visitor cache (visitorAnswers; issue 16).
 */
export async function answeredShown(
	tx: Queryable,
	challengeId: string,
	page: number
): Promise<AnsweredShown> {
	const answered = await answeredQuestionsPage(tx, challengeId, page);
	return {
		// What the page shows of each: the answer's source stays here (issue 16: every page's
		// data is serialised, hashed for the CSP and sent on each view).
		answered: {
			...answered,
			items: answered.items.map(({ id, body, answeredAt, lang }) => ({
				id,
				body,
				answeredAt,
				lang
			}))
		},
		answers: Object.fromEntries(answered.items.map((q) => [q.id, renderMarkdown(q.answer ?? '')]))
	};
}

/**
 * A signed-in reader's view of a published challenge, made from a visitor's (`visitor`,
 * getChallengeDetail as the anonymous visitor, perhaps from the visitor cache) and what is
 * the reader's own, read as them: whether they follow it, and the questions they asked.
 * Two queries sent together, where getChallengeDetail sends seven in three round trips
 * (issue 16: the page every signed-in reader opens).
 *
 * Holds only while RLS shows a reader outside the challenge's organisation no more of a
 * published challenge than a visitor, besides their own questions and following
 * (tests/integration/challenges.test.ts compares the two for every demo user and
 * challenge). Returns null for a member of the organisation (`canManage`): they see more
 * (the team's rights), so their page is getChallengeDetail's.
 */
export async function readerDetail(
	tx: Queryable,
	visitor: ChallengeDetail,
	userId: string
): Promise<ChallengeDetail | null> {
	const [[reader], asked] = await Promise.all([
		tx.query<{ canManage: boolean; following: boolean }>(
			`select private.is_challenge_member($1) as "canManage",
			   exists (select 1 from public.challenge_followers f
			           where f.challenge_id = $1 and f.user_id = $2) as following`,
			[visitor.id, userId]
		),
		askedBy(tx, visitor.id, userId)
	]);
	if (reader.canManage) return null;
	return { ...visitor, following: reader.following, questions: asked };
}
