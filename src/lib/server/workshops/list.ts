import type { Queryable } from '../db';
import type { LocalizedText, Locale } from '$lib/domain/locale';
import type { WorkshopStatus } from '$lib/domain/workshop-status';

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

/** The workshops the caller facilitates, observes or takes part in (RLS decides), soonest last. */
export function myWorkshops(tx: Queryable) {
	return tx.query<WorkshopSummary>(`${SUMMARY} order by w.starts_at desc limit 200`);
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
