import type { Queryable } from '../db';
import { ORGANISATION_JSON } from '../organisations';
import { PAGE_SIZE, type ChallengeCard, type ChallengeFilters } from '$lib/domain/challenge';
import { pageWindow } from '$lib/domain/paging';
import { prefixQuery, searchWords } from '$lib/domain/search';

const CARD = `
	c.id, c.slug, c.title, c.summary, c.primary_locale as "primaryLocale", c.procedure,
	c.published_at as "publishedAt", c.cover_image as "coverImage",
	${ORGANISATION_JSON} as organisation`;

const FROM = `from public.challenges c join public.organisations o on o.id = c.organisation_id`;

// Per challenge: the latest-started stage running now and the nearest start or end ahead.
// One grouped pass over the stages, so a whole list can be sorted by deadline cheaply.
const STAGE_INFO = `stage_info as (
	select s.challenge_id,
	  min(case when s.starts_at > now() then s.starts_at when s.ends_at > now() then s.ends_at end) as next_deadline,
	  (array_agg(s.stage order by s.starts_at desc)
	     filter (where s.starts_at <= now() and now() < s.ends_at))[1] as current_stage
	from public.challenge_stages s group by s.challenge_id)`;

/** How close by trigrams a query must be to a stretch of a title or summary (pg_trgm). */
const TYPO_SIMILARITY = 0.55;

/**
 * Published challenges matching the filters, one page, and how many match in all; the
 * page shown (`page`) is the last one when `f.page` is past it.
 * A search (issue 11, item 5) finds a challenge when every typed word's stem, folded,
 * starts a word of its title, summary or body (search_words, GIN index), or when the
 * folded query is close by trigrams to a stretch of its title or summary (pg_trgm's `%>`,
 * word similarity ≥ TYPO_SIMILARITY, GIN trigram index on search_folded): inflected forms, missing
 * ä/ö/å and small typos. Best matches first (sort 'relevance'): the words' rank plus the
 * trigram similarity. The matching ids come from public.matching_challenge_ids, where
 * both indexes can serve (under RLS they cannot: the operators are not leakproof);
 * tests/integration/search-plan.test.ts holds that plan at 5,000 challenges.
 */
export async function searchChallenges(
	tx: Queryable,
	f: ChallengeFilters
): Promise<{ items: ChallengeCard[]; total: number; page: number }> {
	// `%>` holds from this word similarity on, for this transaction only: a doubled letter
	// ("työllisstyminen") passes, a different word ("valmistus" for "valmennus") does not.
	if (f.q.trim())
		await tx.query(
			`select set_config('pg_trgm.word_similarity_threshold', '${TYPO_SIMILARITY}', true)`
		);
	// Written into the statement only when there are words: inside an OR the planner
	// cannot turn the IN into a join by key, and filtered every row through it instead.
	const words = prefixQuery(f.q);
	const read = (page: number) =>
		tx.query<ChallengeCard & { total: number; relevance: number | null }>(
			`with ${STAGE_INFO},
		cards as (
			select ${CARD}, si.current_stage as "currentStage", si.next_deadline as "nextDeadline",
			  case when $1 <> '' then ts_rank(c.search_words, to_tsquery('simple', $1))
			    + extensions.word_similarity($9, c.search_folded) end as relevance
			${FROM} left join stage_info si on si.challenge_id = c.id
			where c.status = 'published'
			  ${words ? 'and c.id in (select m.id from public.matching_challenge_ids($1, $9) as m(id))' : ''}
			  and ($2::text is null or o.slug = $2)
			  and ($3::text is null or c.procedure = $3)
			  and (not $4 or exists (select 1 from public.challenge_stages s where s.challenge_id = c.id
			       and s.stage = 'applications' and s.starts_at <= now() and now() < s.ends_at))
		)
		select *, count(*) over ()::int as total from cards
		where ($5::text is null or "currentStage" = $5)
		order by
			case when $6 = 'relevance' then relevance end desc nulls last,
			case when $6 <> 'newest' then "nextDeadline" end asc nulls last,
			"publishedAt" desc, slug
		limit $7 offset $8`,
			[
				words,
				f.organisation,
				f.procedure,
				f.openNow,
				f.stage,
				f.sort,
				PAGE_SIZE,
				(page - 1) * PAGE_SIZE,
				searchWords(f.q).join(' ')
			]
		);
	let page = f.page;
	let rows = await read(page);
	if (!rows.length && page > 1) {
		// A page past the last (an address kept from a longer list) is the last page, as on
		// every list (pageWindow): never "nothing found" where something is.
		const first = await read(1);
		page = pageWindow(page, PAGE_SIZE, first[0]?.total ?? 0).page;
		rows = page === 1 ? first : await read(page);
	}
	return {
		items: rows.map(({ total: _total, relevance: _relevance, ...card }) => card),
		total: rows[0]?.total ?? 0,
		page
	};
}

/** How many of its challenges an organisation's page shows; /challenges has them all. */
export const ORGANISATION_CHALLENGES_SHOWN = 12;

/**
 * The `limit` newest published challenges (of one organisation, or of all), and how many
 * there are in all, counted in the same statement: a summary (the home page, an
 * organisation's page) says what it leaves to /challenges (issue 16: an organisation's
 * page was cut at 100 without a word).
 */
export async function listPublishedChallenges(
	tx: Queryable,
	organisationId: string | undefined,
	limit: number
): Promise<{ items: ChallengeCard[]; total: number }> {
	const rows = await tx.query<ChallengeCard & { total: number }>(
		`with ${STAGE_INFO}
		 select ${CARD}, si.current_stage as "currentStage", si.next_deadline as "nextDeadline",
		   count(*) over ()::int as total
		 ${FROM} left join stage_info si on si.challenge_id = c.id
		 where c.status = 'published' and ($1::uuid is null or c.organisation_id = $1::uuid)
		 order by c.published_at desc, c.slug limit $2`,
		[organisationId ?? null, limit]
	);
	return {
		items: rows.map(({ total: _total, ...card }) => card),
		total: rows[0]?.total ?? 0
	};
}
