import type { Queryable } from '../db';
import { PAGE_SIZE, type ChallengeCard, type ChallengeFilters } from '$lib/domain/challenge';
import { prefixQuery } from '$lib/domain/search';

// Current stage and next deadline are computed in SQL so the list can sort by them.
const CARD = `
	c.id, c.slug, c.title, c.summary, c.primary_locale as "primaryLocale", c.procedure,
	c.published_at as "publishedAt", c.cover_image as "coverImage",
	json_build_object('name', o.name, 'slug', o.slug) as organisation,
	(select s.stage from public.challenge_stages s
	 where s.challenge_id = c.id and s.starts_at <= now() and now() < s.ends_at
	 order by s.starts_at desc limit 1) as "currentStage",
	(select min(t) from public.challenge_stages s, lateral (values (s.starts_at), (s.ends_at)) v(t)
	 where s.challenge_id = c.id and t > now()) as "nextDeadline"`;

const FROM = `from public.challenges c join public.organisations o on o.id = c.organisation_id`;

/** Published challenges matching the filters, one page, and how many match in all. */
export async function searchChallenges(
	tx: Queryable,
	f: ChallengeFilters
): Promise<{ items: ChallengeCard[]; total: number }> {
	const rows = await tx.query<ChallengeCard & { total: number }>(
		`with cards as (
			select ${CARD} ${FROM}
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
		`select ${CARD} ${FROM}
		 where c.status = 'published' and ($1::uuid is null or c.organisation_id = $1::uuid)
		 order by c.published_at desc, c.slug limit $2`,
		[organisationId ?? null, limit]
	);
}
