import type { Queryable } from '../db';
import { PAGE_SIZE, type ChallengeCard, type ChallengeFilters } from '$lib/domain/challenge';
import { prefixQuery } from '$lib/domain/search';

const CARD = `
	c.id, c.slug, c.title, c.summary, c.primary_locale as "primaryLocale", c.procedure,
	c.published_at as "publishedAt", c.cover_image as "coverImage",
	json_build_object('name', o.name, 'slug', o.slug) as organisation`;

const FROM = `from public.challenges c join public.organisations o on o.id = c.organisation_id`;

// Per challenge: the latest-started stage running now and the nearest start or end ahead.
// One grouped pass over the stages, so a whole list can be sorted by deadline cheaply.
const STAGE_INFO = `stage_info as (
	select s.challenge_id,
	  min(case when s.starts_at > now() then s.starts_at when s.ends_at > now() then s.ends_at end) as next_deadline,
	  (array_agg(s.stage order by s.starts_at desc)
	     filter (where s.starts_at <= now() and now() < s.ends_at))[1] as current_stage
	from public.challenge_stages s group by s.challenge_id)`;

/** Published challenges matching the filters, one page, and how many match in all. */
export async function searchChallenges(
	tx: Queryable,
	f: ChallengeFilters
): Promise<{ items: ChallengeCard[]; total: number }> {
	const rows = await tx.query<ChallengeCard & { total: number }>(
		`with ${STAGE_INFO},
		cards as (
			select ${CARD}, si.current_stage as "currentStage", si.next_deadline as "nextDeadline"
			${FROM} left join stage_info si on si.challenge_id = c.id
			where c.status = 'published'
			  and ($1 = '' or c.search @@ (to_tsquery('finnish', $1)
			       || to_tsquery('swedish', $1) || to_tsquery('english', $1)))
			  and ($2::text is null or o.slug = $2)
			  and ($3::text is null or c.procedure = $3)
			  and (not $4 or exists (select 1 from public.challenge_stages s where s.challenge_id = c.id
			       and s.stage = 'applications' and s.starts_at <= now() and now() < s.ends_at))
		)
		select *, count(*) over ()::int as total from cards
		where ($5::text is null or "currentStage" = $5)
		order by
			case when $6 = 'deadline' then "nextDeadline" end asc nulls last,
			"publishedAt" desc, slug
		limit $7 offset $8`,
		[
			prefixQuery(f.q),
			f.organisation,
			f.procedure,
			f.openNow,
			f.stage,
			f.sort,
			PAGE_SIZE,
			(f.page - 1) * PAGE_SIZE
		]
	);
	return { items: rows.map(({ total: _total, ...card }) => card), total: rows[0]?.total ?? 0 };
}

/** Published challenges, newest first (home page, an organisation's page). */
export function listPublishedChallenges(tx: Queryable, organisationId?: string, limit = 100) {
	return tx.query<ChallengeCard>(
		`with ${STAGE_INFO}
		 select ${CARD}, si.current_stage as "currentStage", si.next_deadline as "nextDeadline"
		 ${FROM} left join stage_info si on si.challenge_id = c.id
		 where c.status = 'published' and ($1::uuid is null or c.organisation_id = $1::uuid)
		 order by c.published_at desc, c.slug limit $2`,
		[organisationId ?? null, limit]
	);
}
