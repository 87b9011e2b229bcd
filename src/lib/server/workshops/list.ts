import type { Queryable } from '../db';
import type { LocalizedText, Locale } from '$lib/domain/locale';
import type { WorkshopStatus } from '$lib/domain/workshop-status';
import type { ListFilter } from '$lib/domain/list-filter';
import type { WorkshopListChoice } from '$lib/domain/list-queries';
import { readPage, type Paged } from '$lib/domain/paging';
import { holdsWords, isChoice } from '../list-sql';

export interface WorkshopSummary {
	id: string;
	title: string;
	startsAt: Date;
	mode: 'shared' | 'team_boards';
	status: WorkshopStatus;
	challengeTitle: LocalizedText;
	primaryLocale: Locale;
	/** 'facilitator' | 'observer' | 'participant', as the policy helper decides. */
	role: string;
	challengeId: string;
	challengeSlug: string;
	facilitatorId: string;
	/** When the outcome summary was mailed to everyone (once, by the database); null before. */
	summaryMailedAt: Date | null;
}

const SUMMARY = `select w.id, w.title, w.starts_at as "startsAt", w.mode, w.status,
	c.title as "challengeTitle", c.primary_locale as "primaryLocale",
	private.workshop_role(w.id) as role, c.id as "challengeId", c.slug as "challengeSlug",
	w.facilitator_id as "facilitatorId", w.summary_mailed_at as "summaryMailedAt"
	from public.workshops w join public.challenges c on c.id = w.challenge_id`;

/** How many workshops not ended the dashboard shows, soonest first; /workshops has them all. */
export const UPCOMING_SHOWN = 10;
/** How many ended workshops the dashboard still shows, latest first. */
export const ENDED_SHOWN = 3;

/** The dashboard's workshops: a few of them, and how many the caller has in all. */
export interface WorkshopsSummary {
	/** Up to UPCOMING_SHOWN not ended, soonest first; then up to ENDED_SHOWN ended, latest first. */
	items: WorkshopSummary[];
	/** How many workshops the caller facilitates, observes or takes part in (as /workshops counts). */
	total: number;
}

/**
 * The dashboard's summary of the workshops the caller facilitates, observes or takes part
 * in (RLS decides): the next few not ended, the last few ended, and how many there are in
 * all, so the page says what it leaves to /workshops (issue 16: the summary was read from
 * the 200 latest, cut without a word). Three reads sent together.
 */
export async function workshopsSummary(tx: Queryable): Promise<WorkshopsSummary> {
	const [upcoming, ended, [{ total }]] = await Promise.all([
		tx.query<WorkshopSummary>(
			`${SUMMARY} where w.status <> 'ended' order by w.starts_at, w.id limit $1`,
			[UPCOMING_SHOWN]
		),
		tx.query<WorkshopSummary>(
			`${SUMMARY} where w.status = 'ended' order by w.starts_at desc, w.id limit $1`,
			[ENDED_SHOWN]
		),
		tx.query<{ total: number }>(
			`select count(*)::int as total
			 from public.workshops w join public.challenges c on c.id = w.challenge_id`
		)
	]);
	return { items: [...upcoming, ...ended], total };
}

/** How many workshops /workshops shows on one page. */
export const WORKSHOP_PAGE_SIZE = 50;

/** The workshop's title and its challenge's, folded for a search (list-sql.ts). */
const WORKSHOP_FOLDED = `public.search_fold(w.title) || ' ' || c.search_folded`;

/**
 * Page `page` (1-based; outside the list the nearest, pageWindow) of the workshops the
 * caller sees (RLS), `size` of them, latest first; only those of `filter`'s status whose
 * or whose challenge's title holds its words. The database filters, counts and pages
 * (issue 16: the list was cut at 200 without a word). `found` counts the search's
 * workshops by status.
 */
export async function workshopsPage(
	tx: Queryable,
	filter: ListFilter<WorkshopListChoice>,
	page: number,
	size = WORKSHOP_PAGE_SIZE
): Promise<Paged<WorkshopSummary> & { found: Record<WorkshopListChoice, number> }> {
	const where = holdsWords(WORKSHOP_FOLDED, '$1', filter.words);
	const [found] = await tx.query<Record<WorkshopListChoice, number>>(
		`select count(*)::int as "all",
		   count(*) filter (where w.status = 'scheduled')::int as scheduled,
		   count(*) filter (where w.status = 'live')::int as live,
		   count(*) filter (where w.status = 'ended')::int as ended
		 from public.workshops w join public.challenges c on c.id = w.challenge_id where ${where}`,
		[filter.words]
	);
	const paged = await readPage(found[filter.state], page, size, (limit, offset) =>
		tx.query<WorkshopSummary>(
			`${SUMMARY} where ${where} and ${isChoice('w.status', '$2', filter.state)}
			 order by w.starts_at desc, w.id limit $3 offset $4`,
			[filter.words, filter.state, limit, offset]
		)
	);
	return { ...paged, found };
}

/** The workshops of one challenge that the caller may see. */
export function challengeWorkshops(tx: Queryable, challengeId: string) {
	return tx.query<WorkshopSummary>(`${SUMMARY} where w.challenge_id = $1 order by w.starts_at`, [
		challengeId
	]);
}

/** One workshop with its agenda and the challenge it belongs to; undefined when hidden. */
export async function workshopById(tx: Queryable, id: string) {
	const [row] = await tx.query<WorkshopSummary>(`${SUMMARY} where w.id = $1`, [id]);
	return row;
}

/** Everybody in the workshop with their name and how they take part. */
export function workshopPeople(tx: Queryable, workshopId: string, locale: Locale) {
	return tx.query<{ userId: string; name: string; kind: string; teamId: string | null }>(
		`select user_id as "userId", display_name as name, kind, team_id as "teamId"
		 from public.workshop_people($1) order by kind, public.sort_key(display_name, $2), user_id`,
		[workshopId, locale]
	);
}

/**
 * What the facilitator announced, oldest first, with its language and the sender's name
 * (the workshop's people read once, not once per announcement: issue 16).
 */
export function announcements(tx: Queryable, workshopId: string) {
	return tx.query<{ id: string; body: string; at: Date; lang: Locale | null; by: string | null }>(
		`with people as materialized (select user_id, display_name from public.workshop_people($1))
		 select a.id, a.body, a.at, a.lang,
		   (select p.display_name from people p where p.user_id = a.by limit 1) as by
		 from public.workshop_announcements a where a.workshop_id = $1 order by a.at, a.id`,
		[workshopId]
	);
}
