import type { Queryable } from './db';
import type { ChallengeCard } from '$lib/domain/challenge';

const CARD_COLUMNS = `c.id, c.slug, c.title, c.summary, c.primary_locale as "primaryLocale",
	c.procedure, c.published_at as "publishedAt",
	json_build_object('name', o.name, 'slug', o.slug) as organisation`;

/** Published challenges, newest first; what RLS lets the caller see. */
export function listPublishedChallenges(tx: Queryable, organisationId?: string) {
	return tx.query<ChallengeCard>(
		`select ${CARD_COLUMNS}
		 from public.challenges c join public.organisations o on o.id = c.organisation_id
		 where c.status = 'published' and ($1::uuid is null or c.organisation_id = $1::uuid)
		 order by c.published_at desc, c.slug`,
		[organisationId ?? null]
	);
}

export async function getPublishedChallenge(tx: Queryable, slug: string) {
	const [row] = await tx.query<ChallengeCard>(
		`select ${CARD_COLUMNS}
		 from public.challenges c join public.organisations o on o.id = c.organisation_id
		 where c.slug = $1 and c.status = 'published'`,
		[slug]
	);
	return row ?? null;
}
