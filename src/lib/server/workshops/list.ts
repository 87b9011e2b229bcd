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
}

const SUMMARY = `select w.id, w.title, w.starts_at as "startsAt", w.mode, w.status,
	c.title as "challengeTitle", c.primary_locale as "primaryLocale",
	private.workshop_role(w.id) as role, c.id as "challengeId", c.slug as "challengeSlug",
	w.facilitator_id as "facilitatorId"
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
export function workshopPeople(tx: Queryable, workshopId: string) {
	return tx.query<{ userId: string; name: string; kind: string; teamId: string | null }>(
		`select user_id as "userId", display_name as name, kind, team_id as "teamId"
		 from public.workshop_people($1)`,
		[workshopId]
	);
}

/** What the facilitator announced, oldest first. */
export function announcements(tx: Queryable, workshopId: string) {
	return tx.query<{ id: string; body: string; at: Date }>(
		`select id, body, at from public.workshop_announcements where workshop_id = $1 order by at`,
		[workshopId]
	);
}
