import type { Queryable } from '../db';
import { ORGANISATION_JSON, orderByName } from '../organisations';
import type { OrganisationRef, Procedure } from '$lib/domain/challenge';
import type { Locale, LocalizedText } from '$lib/domain/locale';
import type { Stage } from '$lib/domain/stages';
import type { ManageFilter, ManageStatusChoice } from '$lib/domain/manage-filter';
import { readPage, type Paged } from '$lib/domain/paging';
import { holdsWords as holdsAll } from '../list-sql';

export interface DashboardRow {
	id: string;
	slug: string;
	title: LocalizedText;
	primaryLocale: Locale;
	procedure: Procedure;
	status: 'draft' | 'published';
	organisation: OrganisationRef;
	currentStage: Stage | null;
	nextDeadline: Date | null;
	followers: number;
	waitingQuestions: number;
	submittedApplications: number;
	unscreenedApplications: number;
}

/**
 * The conditions of a ManageFilter on `c` (public.challenges), the search words in
 * parameter `$words`: fixed SQL per choice, so each choice's statement is planned for
 * itself. A challenge holds a word when its folded title or summary (c.search_folded,
 * public.search_fold, the table foldForSearch holds in TypeScript) contains it.
 */
const STATUS_SQL: Record<ManageStatusChoice, string> = {
	all: 'true',
	draft: "c.status = 'draft'",
	published: "c.status = 'published'"
};
const holdsWords = (param: string, words: readonly string[]) =>
	holdsAll('c.search_folded', param, words);
/** The challenges of every organisation the caller belongs to. */
const MINE = `from public.challenges c
	join public.organisations o on o.id = c.organisation_id
	join public.organisation_members m on m.organisation_id = o.id and m.user_id = $1`;

/** How many of the caller's challenges there are of each choice. */
export type ManageCounts = Record<ManageStatusChoice, number>;

/** One page of the caller's challenges, and how many the search finds of each choice. */
export interface ManagePage extends Paged<DashboardRow> {
	found: ManageCounts;
}

/** How many challenges /manage shows on one page. */
export const MANAGE_PAGE_SIZE = 50;

/**
 * Page `page` (1-based; outside the list: the nearest page, pageWindow) of the challenges
 * of every organisation the caller belongs to, `size` of them (default MANAGE_PAGE_SIZE),
 * drafts first, then the most recently changed, with what needs attention; only those
 * `filter` lets through (by status, and by words of the title or summary, case and
 * accents aside). The database filters, counts and pages (issue 16: an owner of 1,000
 * challenges was sent all of them on every visit); what needs attention is read only for
 * the page's rows, by public.challenge_attention with the policies' helpers narrowed to
 * them (migration 20261217000400). `found` counts the search's challenges by choice (every
 * challenge of the caller's without words).
 */
export async function challengesPage(
	tx: Queryable,
	userId: string,
	filter: ManageFilter,
	page: number,
	size = MANAGE_PAGE_SIZE
): Promise<ManagePage> {
	const [counts] = await tx.query<ManageCounts>(
		`select count(*)::int as "all", count(*) filter (where ${STATUS_SQL.draft})::int as draft,
		   count(*) filter (where ${STATUS_SQL.published})::int as published
		 ${MINE} where ${holdsWords('$2', filter.words)}`,
		[userId, filter.words]
	);
	const paged = await readPage(counts[filter.state], page, size, (limit, offset) =>
		tx.query<DashboardRow>(
			`with p as materialized (
			   select c.id ${MINE}
			   where ${STATUS_SQL[filter.state]} and ${holdsWords('$2', filter.words)}
			   order by c.status, c.updated_at desc, c.id limit $3 offset $4
			 )
			 select c.id, c.slug, c.title, c.primary_locale as "primaryLocale", c.procedure, c.status,
				   ${ORGANISATION_JSON} as organisation,
				   (select s.stage from public.challenge_stages s where s.challenge_id = c.id
				      and s.starts_at <= now() and now() < s.ends_at order by s.starts_at desc limit 1) as "currentStage",
				   (select min(t) from public.challenge_stages s, lateral (values (s.starts_at), (s.ends_at)) v(t)
				      where s.challenge_id = c.id and t > now()) as "nextDeadline",
				   coalesce(a.followers, 0) as followers,
				   coalesce(a.waiting_questions, 0) as "waitingQuestions",
				   coalesce(a.submitted_applications, 0) as "submittedApplications",
				   coalesce(a.unscreened_applications, 0) as "unscreenedApplications"
				 from p
				 join public.challenges c on c.id = p.id
				 join public.organisations o on o.id = c.organisation_id
				 -- Counted with the policies' helpers narrowed to the page's challenges.
				 left join public.challenge_attention(array(select id from p)) a on a.challenge_id = c.id
				 order by c.status, c.updated_at desc, c.id`,
			[userId, filter.words, limit, offset]
		)
	);
	return { ...paged, found: counts };
}

/** Organisations in which the caller may create challenges, by name. */
export function myOrganisations(tx: Queryable, userId: string, locale: Locale) {
	return tx.query<{ id: string } & OrganisationRef>(
		`select o.id, o.slug, o.name, o.names, o.primary_locale as "primaryLocale"
		 from public.organisations o
		 join public.organisation_members m on m.organisation_id = o.id where m.user_id = $1
		 order by ${orderByName('$2')}`,
		[userId, locale]
	);
}
